import { describe, expect, it } from 'vitest';
import {
  dockerExecNotFound, dockerRunNotFound, EXEC_NOT_FOUND_STATUS, execNotFoundMessage, goQuote, lookPathError, runtimeCreateError,
} from '../../../src/sim/vfs/images/execNotFound.ts';

describe('a program the image does not have', () => {
  it.each([
    ['sh', 'exec: "sh": executable file not found in $PATH'],
    ['bash', 'exec: "bash": executable file not found in $PATH'],
    // A name with a slash is not searched for: LookPath stats it.
    ['/bin/sh', 'exec: "/bin/sh": stat /bin/sh: no such file or directory'],
    ['./app', 'exec: "./app": stat ./app: no such file or directory'],
  ])('Go\'s LookPath error for %s', (program, want) => {
    expect(lookPathError(program)).toBe(want);
  });

  it.each([['sh', '"sh"'], ['a"b', '"a\\"b"'], ['a\\b', '"a\\\\b"'], ['tab\there', '"tab\\there"'], ['\x01', '"\\x01"']])('strconv.Quote(%j) = %s', (s, want) => {
    expect(goQuote(s)).toBe(want);
  });

  it('docker run on distroless: the daemon\'s error, wrapped by dockerd, containerd, the shim and runc', () => {
    expect(execNotFoundMessage('sh')).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: '
      + 'OCI runtime create failed: runc create failed: unable to start container process: '
      + 'error during container init: exec: "sh": executable file not found in $PATH',
    );
  });

  it('docker run adds the --help hint and exits 127', () => {
    const r = dockerRunNotFound('sh');
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toBe(`${execNotFoundMessage('sh')}\n\nRun 'docker run --help' for more information\n`);
  });

  it('puts the runtime\'s name where runc writes its own (runc by default)', () => {
    expect(runtimeCreateError('sh')).toBe('runc create failed: unable to start container process: error during container init: exec: "sh": executable file not found in $PATH');
    expect(execNotFoundMessage('sh', 'runc')).toBe(execNotFoundMessage('sh'));
    expect(runtimeCreateError('sh', 'runc-dev')).toMatch(/^runc-dev create failed: /);
  });

  it('docker exec: the shim\'s and runc exec\'s prefixes, written to the exec\'s output, status 127', () => {
    expect(dockerExecNotFound('sh')).toEqual({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH\r\n',
      exitCode: EXEC_NOT_FOUND_STATUS,
    });
    expect(EXEC_NOT_FOUND_STATUS).toBe(127);
  });
});
