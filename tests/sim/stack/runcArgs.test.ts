import { describe, expect, it } from 'vitest';
import { parseRunc, runcIdProblem, type RuncParse } from '../../../src/sim/stack/runcArgs.ts';
import { reorderArgs, goFlag } from '../../../src/sim/stack/runcFlags.ts';

const parse = (line: string): RuncParse => parseRunc(line.split(' '));
const G = { globals: { systemdCgroup: false, debug: false } };

describe('runc commands', () => {
  it.each<[string, RuncParse]>([
    ['runc spec', { type: 'spec', ...G, rootless: false }],
    ['runc spec --rootless -b /bundle', { type: 'spec', ...G, rootless: true, bundle: '/bundle' }],
    ['runc create mybox', { type: 'create', ...G, id: 'mybox', laterError: null }],
    ['runc create -b /b --console-socket /tmp/s mybox', { type: 'create', ...G, id: 'mybox', bundle: '/b', consoleSocket: '/tmp/s', laterError: null }],
    ['runc create --bundle=/b mybox', { type: 'create', ...G, id: 'mybox', bundle: '/b', laterError: null }],
    ['runc create mybox --bundle /b', { type: 'create', ...G, id: 'mybox', bundle: '/b', laterError: null }],
    ['runc start mybox', { type: 'start', ...G, id: 'mybox' }],
    ['runc run mybox', { type: 'run', ...G, id: 'mybox', detach: false, keep: false, laterError: null }],
    ['runc run -d -b /b mybox', { type: 'run', ...G, id: 'mybox', bundle: '/b', detach: true, keep: false, laterError: null }],
    ['runc run mybox -d', { type: 'run', ...G, id: 'mybox', detach: true, keep: false, laterError: null }],
    ['runc run --detach=false mybox', { type: 'run', ...G, id: 'mybox', detach: false, keep: false, laterError: null }],
    ['runc state mybox', { type: 'state', ...G, id: 'mybox' }],
    ['runc list', { type: 'list', ...G, quiet: false, format: 'table' }],
    ['runc list -q -f json', { type: 'list', ...G, quiet: true, format: 'json' }],
    ['runc kill mybox', { type: 'kill', ...G, id: 'mybox', signal: 15, laterError: null }],
    ['runc kill mybox KILL', { type: 'kill', ...G, id: 'mybox', signal: 9, laterError: null }],
    ['runc kill mybox SIGKILL', { type: 'kill', ...G, id: 'mybox', signal: 9, laterError: null }],
    ['runc kill mybox sigusr1', { type: 'kill', ...G, id: 'mybox', signal: 10, laterError: null }],
    ['runc kill mybox 2', { type: 'kill', ...G, id: 'mybox', signal: 2, laterError: null }],
    ['runc delete mybox', { type: 'delete', ...G, id: 'mybox', force: false }],
    ['runc delete -f mybox', { type: 'delete', ...G, id: 'mybox', force: true }],
    ['runc delete --force mybox', { type: 'delete', ...G, id: 'mybox', force: true }],
    ['runc ps mybox', { type: 'ps', ...G, id: 'mybox', format: 'table', psArgs: [] }],
    ['runc ps mybox -ef', { type: 'ps', ...G, id: 'mybox', format: 'table', psArgs: ['-ef'] }],
    ['runc exec mybox ls -l', { type: 'exec', ...G, id: 'mybox', command: ['ls', '-l'], tty: false, detach: false, env: [], caps: [], noNewPrivs: false, laterError: null }],
    ['runc exec -t --cap CAP_SYS_ADMIN -e A=1 -e B=2 --cwd /tmp mybox sh', {
      type: 'exec', ...G, id: 'mybox', command: ['sh'], tty: true, detach: false, env: ['A=1', 'B=2'], cwd: '/tmp', caps: ['CAP_SYS_ADMIN'], noNewPrivs: false, laterError: null,
    }],
    ['runc --root /run/lab --systemd-cgroup list', { type: 'list', globals: { systemdCgroup: true, debug: false, root: '/run/lab' }, quiet: false, format: 'table' }],
    ['runc -v', { type: 'version', ...G }],
  ])('%s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });
});

const usage = (name: string, summary: string, args: string): string =>
  `NAME:\n   runc ${name} - ${summary}\n\nUSAGE:\n   runc ${name} [command options]${args}\n\nIsolation Lab: the description and options are left out.\n`;

describe("runc's error texts", () => {
  it.each([
    ['runc create', `Incorrect Usage.\n\n${usage('create', 'create a container', ' <container-id>')}ERRO[0000] runc: "create" requires exactly 1 argument(s)`, 1],
    ['runc create a b', `Incorrect Usage.\n\n${usage('create', 'create a container', ' <container-id>')}ERRO[0000] runc: "create" requires exactly 1 argument(s)`, 1],
    ['runc start', `Incorrect Usage.\n\n${usage('start', 'executes the user defined process in a created container', ' <container-id>')}ERRO[0000] runc: "start" requires exactly 1 argument(s)`, 1],
    ['runc kill', `Incorrect Usage.\n\n${usage('kill', "kill sends the specified signal (default: SIGTERM) to the container's init process", ' <container-id> [signal]')}ERRO[0000] runc: "kill" requires a minimum of 1 argument(s)`, 1],
    ['runc kill a KILL x', `Incorrect Usage.\n\n${usage('kill', "kill sends the specified signal (default: SIGTERM) to the container's init process", ' <container-id> [signal]')}ERRO[0000] runc: "kill" requires a maximum of 2 argument(s)`, 1],
    ['runc list x', `Incorrect Usage.\n\n${usage('list', 'lists containers started by runc with the given root', '')}ERRO[0000] runc: "list" requires exactly 0 argument(s)`, 1],
    ['runc spec x', `Incorrect Usage.\n\n${usage('spec', 'create a new specification file', ' [arguments...]')}ERRO[0000] runc: "spec" requires exactly 0 argument(s)`, 1],
    ['runc run -dt x', `Incorrect Usage: flag provided but not defined: -dt\n\n${usage('run', 'create and run a container', ' <container-id>')}ERRO[0000] flag provided but not defined: -dt`, 1],
    ['runc create --bundle', `Incorrect Usage: flag needs an argument: -bundle\n\n${usage('create', 'create a container', ' <container-id>')}ERRO[0000] flag needs an argument: -bundle`, 1],
    ['runc run -d=yes x', `Incorrect Usage: invalid boolean value "yes" for -d: parse error\n\n${usage('run', 'create and run a container', ' <container-id>')}ERRO[0000] invalid boolean value "yes" for -d: parse error`, 1],
    ['runc create --preserve-fds x a', `Incorrect Usage: invalid value "x" for flag -preserve-fds: parse error\n\n${usage('create', 'create a container', ' <container-id>')}ERRO[0000] invalid value "x" for flag -preserve-fds: parse error`, 1],
    ['runc state a/b', 'ERRO[0000] invalid container ID format', 1],
    ['runc kill .. KILL', 'ERRO[0000] invalid container ID format', 1],
    ['runc list -f xml', 'ERRO[0000] invalid format option', 1],
    ['runc foo', "ERRO[0000] No help topic for 'foo'", 3],
    ['runc help foo', "ERRO[0000] No help topic for 'foo'", 3],
  ])('%s', (line, message, status) => {
    expect(parse(line)).toEqual({ type: 'error', message, status, from: 'cli' });
  });

  it('an unknown global flag prints runc\'s own usage line first', () => {
    const r = parse('runc --foo list');
    expect(r.type === 'error' && r.message).toMatch(/^Incorrect Usage\. flag provided but not defined: -foo\n\n[\s\S]*ERRO\[0000\] flag provided but not defined: -foo$/);
  });

  it.each([
    ['runc create a/b', 'ERRO[0000] runc create failed: invalid container ID format'],
    ['runc run .', 'ERRO[0000] runc run failed: invalid container ID format'],
    ['runc kill mybox FOO', 'ERRO[0000] unknown signal "FOO"'],
  ])('%s: refused once runc gets that far', (line, message) => {
    const r = parse(line);
    expect(r.type === 'create' || r.type === 'run' || r.type === 'kill' ? r.laterError?.message : null).toBe(message);
  });

  it('exec with no command fails with status 255', () => {
    const r = parse('runc exec mybox');
    expect(r.type === 'exec' ? r.laterError : null).toEqual({ type: 'error', message: 'ERRO[0000] exec failed: exec args cannot be empty', status: 255, from: 'cli' });
    const withProcess = parse('runc exec -p /p.json mybox');
    expect(withProcess.type === 'exec' ? withProcess.laterError : 'x').toBeNull();
  });

  it.each([['ok', null], ['a.b-c_d+e', null], ['', 'container id cannot be empty'], ['.', 'invalid container ID format'], ['a b', 'invalid container ID format']])(
    'validateID(%j) = %s', (id, problem) => { expect(runcIdProblem(id)).toBe(problem); });

  it.each(['runc --help', 'runc -h', 'runc', 'runc help', 'runc create --help', 'runc help create'])('%s shows help', (line) => {
    expect(parse(line).type).toBe('help');
  });
});

describe("urfave/cli's reordering", () => {
  const FLAGS = [goFlag('bool', 'detach', 'd'), goFlag('string', 'bundle', 'b')];
  it.each([
    [['mybox', '-d'], ['-d', 'mybox']],
    [['-d', 'mybox'], ['-d', 'mybox']],
    [['mybox', '-b', '/b'], ['-b', '/b', 'mybox']],
    [['mybox', '--', '-d'], ['--', 'mybox', '-d']],
    [['mybox', '-x'], ['mybox', '-x']],
  ])('%j → %j', (args, reordered) => {
    expect(reorderArgs(FLAGS, args)).toEqual(reordered);
  });
});
