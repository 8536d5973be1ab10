import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo, fsError } from './fakeIo.ts';

/**
 * Bad input to isolab: a message on stderr that says what was wrong (and
 * what was probably meant), a non-zero exit code, nothing on stdout and never
 * a stack trace.
 */
const STACK_LINE = '    at ';

describe('isolab: bad input gets a message, not a stack trace', () => {
  it.each([
    { what: 'unknown runtime, with a suggestion', argv: ['trace', '--runtime', 'rnuc', 'getpid()'], code: 2, err: ["unknown runtime 'rnuc'", 'did you mean runc?'] },
    { what: 'unknown runtime for verdicts', argv: ['verdicts', '--runtime', 'gvisr'], code: 2, err: ["unknown runtime 'gvisr'", 'did you mean gvisor?', 'expected one of: host, runc, gvisor'] },
    { what: 'an option the runtime lacks', argv: ['trace', '--runtime', 'runc', '--platform', 'kvm', 'getpid()'], code: 2, err: ['runc has no option --platform', 'it takes no options'] },
    { what: 'a bad option value', argv: ['trace', '--runtime', 'gvisor', '--platform', 'xen', 'getpid()'], code: 2, err: ["--platform takes systrap, ptrace, kvm, not 'xen'"] },
    { what: 'compare without runtimes', argv: ['compare', 'getpid()'], code: 2, err: ['compare needs --runtimes'] },
    { what: 'compare with a bad runtime option', argv: ['compare', 'getpid()', '--runtimes', 'runc,gvisor:platform'], code: 2, err: ["'platform' in 'gvisor:platform' is not KEY=VALUE"] },
    { what: 'replay with options', argv: ['replay', '--runtime', 'gvisor', '--platform', 'kvm', 'log.strace'], code: 2, err: ['replay classifies each call with gvisor'] },
    { what: 'unknown command', argv: ['frob', '--runtime', 'runc'], code: 2, err: ["unknown command 'frob'", 'expected one of: verdicts, trace, replay'] },
    { what: 'missing --runtime', argv: ['trace', 'getpid()'], code: 2, err: ['trace needs --runtime (host, runc, gvisor'] },
    { what: '--runtime without a value', argv: ['verdicts', '--runtime'], code: 2, err: ['--runtime needs a value'] },
    { what: 'unknown option', argv: ['verdicts', '--runtime', 'runc', '--colour'], code: 2, err: ["unknown option '--colour'"] },
    { what: 'unknown format', argv: ['verdicts', '--runtime', 'runc', '--format', 'xml'], code: 2, err: ["--format takes csv, json or text, not 'xml'"] },
    { what: 'trace without input', argv: ['trace', '--runtime', 'runc'], code: 2, err: ['trace needs an input'] },
    { what: 'replay without a file', argv: ['replay', '--runtime', 'runc'], code: 2, err: ['replay needs the path of a strace log'] },
    { what: 'two inputs', argv: ['trace', '--runtime', 'runc', 'cat', '/etc/passwd'], code: 2, err: ["unexpected extra argument '/etc/passwd'"] },
    { what: 'unknown syscall, with a suggestion', argv: ['trace', '--runtime', 'runc', 'opnat(AT_FDCWD, "/etc/passwd", O_RDONLY)'], code: 1, err: ["unknown syscall 'opnat'", 'did you mean openat'] },
    { what: 'unknown command, with a suggestion', argv: ['trace', '--runtime', 'host', 'cta /etc/passwd'], code: 1, err: ["unknown command 'cta'", 'did you mean cat'] },
    { what: 'an unterminated string, with its column', argv: ['trace', '--runtime', 'runc', 'openat(AT_FDCWD, "/etc/passwd, O_RDONLY)'], code: 1, err: ['unterminated string starting at column 18', '\n                   ^\n'] },
    { what: 'empty input', argv: ['trace', '--runtime', 'runc', '   '], code: 1, err: ['empty input'] },
    { what: '--memory below Docker’s minimum', argv: ['trace', '--runtime', 'runc', '--memory', '1k', 'getpid()'], code: 2, err: ['Minimum memory limit allowed is 6MB'] },
    { what: 'a cgroup limit for the host', argv: ['trace', '--runtime', 'host', '--pids-limit', '5', 'getpid()'], code: 2, err: ['the host runtime has none'] },
    { what: 'an unreadable file', argv: ['replay', '--runtime', 'runc', 'missing.strace'], code: 1, err: ["cannot read 'missing.strace': no such file"] },
    { what: 'a file without permission', argv: ['replay', '--runtime', 'runc', 'secret.strace'], code: 1, err: ["cannot read 'secret.strace': EACCES"] },
  ])('$what', async ({ argv, code, err }) => {
    const io = fakeIo({ 'secret.strace': fsError('EACCES', "EACCES: permission denied, open 'secret.strace'") });
    const exit = await main(argv, io);
    expect(exit).toBe(code);
    expect(exit).not.toBe(0);
    expect(io.out).toBe('');
    expect(io.err.startsWith('isolab: ')).toBe(true);
    for (const part of err) expect(io.err).toContain(part);
    expect(io.err).not.toContain(STACK_LINE);
  });

  it('shows the input under the message with a caret at the column', async () => {
    const io = fakeIo();
    await main(['trace', '--runtime', 'runc', 'openat(AT_FDCWD, "/etc/passwd, O_RDONLY)'], io);
    const [, input, caret] = io.err.split('\n');
    expect(input).toBe('  openat(AT_FDCWD, "/etc/passwd, O_RDONLY)');
    expect(caret?.indexOf('^')).toBe(input?.indexOf('"'));
  });

  it.each([['help'], ['--help'], [], ['runtimes']])('isolab %s succeeds', async (...argv) => {
    const io = fakeIo();
    expect(await main(argv.filter((a): a is string => typeof a === 'string'), io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toMatch(/host/);
    expect(io.out).toMatch(/runc/);
  });
});
