import { describe, expect, it } from 'vitest';
import { parsePodman, type PodmanParse } from '../../../src/sim/stack/podmanArgs.ts';
import { defaultRequest, type RunRequest } from '../../../src/sim/stack/runRequest.ts';

const parse = (line: string): PodmanParse => parsePodman(line.split(' '));
const PODMAN_DEFAULT: RunRequest = { ...defaultRequest('debian'), runtime: 'crun' };

describe('podman run', () => {
  it.each<[string, Partial<RunRequest>]>([
    ['podman run debian', {}],
    ['podman run --userns=keep-id debian', { usernsMode: 'keep-id' }],
    ['podman run --userns keep-id:uid=1000,gid=1000 debian', { usernsMode: 'keep-id:uid=1000,gid=1000' }],
    ['podman run --userns=auto debian', { usernsMode: 'auto' }],
    ['podman run --userns=nomap debian', { usernsMode: 'nomap' }],
    ['podman run --userns=ns:/proc/1/ns/user debian', { usernsMode: 'ns:/proc/1/ns/user' }],
    ['podman run --userns=host debian', { usernsMode: 'host', userns: 'host' }],
    ['podman run --runtime runc debian', { runtime: 'runc' }],
    ['podman run --runtime=runsc debian', { runtime: 'runsc' }],
    ['podman --runtime kata run debian', { runtime: 'kata' }],
    ['podman run --cap-add SYS_ADMIN,NET_ADMIN --cap-drop=ALL debian', { capAdd: ['SYS_ADMIN', 'NET_ADMIN'], capDrop: ['ALL'] }],
    ['podman run --security-opt seccomp=unconfined debian', { seccomp: { type: 'unconfined' } }],
    ['podman run --security-opt seccomp=/etc/p.json debian', { seccomp: { type: 'profile', path: '/etc/p.json' } }],
    ['podman run --security-opt no-new-privileges debian', { noNewPrivileges: true }],
    ['podman run --security-opt label=disable debian', { unmodelled: ['--security-opt label=disable'] }],
    ['podman run --privileged -m 64m --pids-limit 5 --cpus 1.5 debian', { privileged: true, resources: { memory: '64m', pidsLimit: '5', cpus: '1.5' } }],
    ['podman run --net host --pid host --read-only debian', { network: 'host', pid: 'host', readOnly: true }],
    ['podman run --network=none debian', { network: 'none' }],
    ['podman run -v /a:/b:ro,z debian', { volumes: [{ host: '/a', container: '/b', readOnly: true }] }],
    ['podman run -u 1000 -h box --name web -w /srv --entrypoint sh -e A=1 debian', { user: '1000', hostname: 'box', name: 'web', workdir: '/srv', entrypoint: 'sh', env: ['A=1'] }],
    ['podman run -itd --rm debian', { interactive: true, tty: true, detach: true, remove: true }],
    ['podman run -it debian ls -l', { interactive: true, tty: true, command: ['ls', '-l'] }],
    ['podman container run -p 8080:80 debian', { unmodelled: ['--publish 8080:80'] }],
  ])('%s', (line, fields) => {
    expect(parse(line)).toEqual({ type: 'run', request: { ...PODMAN_DEFAULT, ...fields } });
  });

  it.each([
    ['podman run --foo debian', "Error: unknown flag: --foo\nSee 'podman run --help'"],
    ['podman run -z debian', "Error: unknown shorthand flag: 'z' in -z\nSee 'podman run --help'"],
    ['podman run --memory', "Error: flag needs an argument: --memory\nSee 'podman run --help'"],
    ['podman run --pids-limit x debian', 'Error: invalid argument "x" for "--pids-limit" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'podman run --help\''],
    ['podman run --cpus x debian', 'Error: invalid argument "x" for "--cpus" flag: strconv.ParseFloat: parsing "x": invalid syntax\nSee \'podman run --help\''],
    ['podman --foo run debian', "Error: unknown flag: --foo\nSee 'podman --help'"],
    ['podman run', 'Error: requires at least 1 arg(s), only received 0'],
    ['podman run --userns=bogus debian', 'Error: unrecognized namespace mode bogus passed'],
    ['podman run --pid=bogus debian', 'Error: unrecognized namespace mode bogus passed'],
    ['podman run --security-opt foo debian', 'Error: invalid --security-opt 1: "foo"'],
    ['podman run --security-opt foo=bar debian', 'Error: invalid --security-opt 2: "foo=bar"'],
    ['podman run --security-opt no-new-privileges=maybe debian', 'Error: invalid --security-opt 2: "no-new-privileges=maybe"'],
    ['podman run --security-opt systempaths=x debian', 'Error: invalid systempaths option "x", only `unconfined` is supported'],
    ['podman run -m 1x debian', "Error: invalid value for memory: invalid suffix: 'x'"],
    ['podman run -v /a:/b:ro:x debian', 'Error: /a:/b:ro:x: incorrect volume format, should be [host-dir:]ctr-dir[:option]'],
    ['podman run -v :/b debian', 'Error: host directory cannot be empty'],
    ['podman run --rm=false --rmi debian', 'Error: the --rmi option does not work without --rm'],
  ])('%s', (line, message) => {
    expect(parse(line)).toEqual({ type: 'error', message, status: 125, from: 'cli' });
  });

  it.each([
    ['podman run --network pasta debian', /rootless networking/],
    ['podman run --network slirp4netns:port_handler=slirp4netns debian', /rootless networking/],
    ['podman run --network container:web debian', /--network container:web/],
    ['podman run -v data:/data debian', /bind mounts only/],
    ['podman run --pid container:web debian', /--pid container/],
  ])('%s is real but unmodelled', (line, pattern) => {
    const r = parse(line);
    expect(r.type).toBe('unmodelled');
    expect(r.type === 'unmodelled' && r.message).toMatch(pattern);
  });
});

describe('podman ps, rm, stop, inspect', () => {
  it.each<[string, PodmanParse]>([
    ['podman ps', { type: 'ps', all: false, quiet: false }],
    ['podman ps -aq', { type: 'ps', all: true, quiet: true }],
    ['podman container ps --format {{.ID}}', { type: 'ps', all: false, quiet: false, format: '{{.ID}}' }],
    ['podman rm web', { type: 'rm', containers: ['web'], all: false, force: false, volumes: false }],
    ['podman rm -fv web db', { type: 'rm', containers: ['web', 'db'], all: false, force: true, volumes: true }],
    ['podman rm -a', { type: 'rm', containers: [], all: true, force: false, volumes: false }],
    ['podman stop web', { type: 'stop', containers: ['web'], all: false }],
    ['podman stop --timeout 2 web', { type: 'stop', containers: ['web'], all: false, timeout: 2 }],
    ['podman stop -t 0 web', { type: 'stop', containers: ['web'], all: false, timeout: 0 }],
    ['podman inspect web', { type: 'inspect', targets: ['web'] }],
    ['podman inspect -f {{.State.Pid}} web', { type: 'inspect', targets: ['web'], format: '{{.State.Pid}}' }],
  ])('%s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  it.each([
    ['podman ps web', 'Error: `podman ps` takes no arguments'],
    ['podman rm', 'Error: you must provide at least one name or id'],
    ['podman rm -a web', 'Error: no arguments are needed with --all'],
    ['podman rm -a -l', 'Error: --all and --latest cannot be used together'],
    ['podman rm -t 3 web', 'Error: --force option must be specified to use the --time option'],
    ['podman stop', 'Error: you must provide at least one name or id'],
    ['podman stop -l web', 'Error: --latest and containers cannot be used together'],
    ['podman inspect', 'Error: no names or ids specified'],
    ['podman zzzz', "Error: unrecognized command `podman zzzz`\nTry 'podman --help' for more information"],
    ['podman rnu', "Error: unrecognized command `podman rnu`\n\nDid you mean this?\n\trm\n\trmi\n\trun\n\nTry 'podman --help' for more information"],
  ])('%s', (line, message) => {
    expect(parse(line)).toEqual({ type: 'error', message, status: 125, from: 'cli' });
  });

  it.each(['podman', 'podman --help', 'podman run --help', 'podman ps --help'])('%s shows help', (line) => {
    expect(parse(line).type).toBe('help');
  });

  it.each(['podman logs web', 'podman pod create', 'podman exec web sh'])('%s is real but not modelled', (line) => {
    expect(parse(line).type).toBe('unmodelled');
  });
});
