import { describe, expect, it } from 'vitest';
import { parseDocker, dockerSeccompUnreadable } from '../../../src/sim/stack/dockerArgs.ts';
import { defaultRequest, type RunRequest } from '../../../src/sim/stack/runRequest.ts';

const words = (line: string): string[] => line.split(' ');

function request(line: string): RunRequest {
  const r = parseDocker(words(line));
  if (r.type !== 'run') throw new Error(`expected run, got ${JSON.stringify(r)}`);
  return r.request;
}

const USAGE = "\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information";
const REFUSAL = "\n\nRun 'docker run --help' for more information";

describe('docker run: each flag into its RunRequest field', () => {
  it.each<[string, Partial<RunRequest>]>([
    ['docker run debian', {}],
    ['docker run --runtime runsc debian', { runtime: 'runsc' }],
    ['docker run --runtime=io.containerd.kata.v2 debian', { runtime: 'io.containerd.kata.v2' }],
    ['docker run --cap-add SYS_ADMIN --cap-add=NET_RAW debian', { capAdd: ['SYS_ADMIN', 'NET_RAW'] }],
    ['docker run --cap-drop ALL debian', { capDrop: ['ALL'] }],
    ['docker run --security-opt seccomp=unconfined debian', { seccomp: { type: 'unconfined' } }],
    ['docker run --security-opt seccomp:unconfined debian', { seccomp: { type: 'unconfined' } }],
    ['docker run --security-opt seccomp=builtin debian', { seccomp: { type: 'default' } }],
    ['docker run --security-opt seccomp=/tmp/p.json debian', { seccomp: { type: 'profile', path: '/tmp/p.json' } }],
    ['docker run --security-opt no-new-privileges debian', { noNewPrivileges: true }],
    ['docker run --security-opt no-new-privileges:true debian', { noNewPrivileges: true }],
    ['docker run --security-opt no-new-privileges=true debian', { noNewPrivileges: true }],
    ['docker run --security-opt no-new-privileges=false debian', { noNewPrivileges: false }],
    ['docker run --security-opt apparmor=unconfined debian', { unmodelled: ['--security-opt apparmor=unconfined'] }],
    ['docker run --security-opt label=disable debian', { unmodelled: ['--security-opt label=disable'] }],
    ['docker run --privileged debian', { privileged: true }],
    ['docker run --privileged=false debian', { privileged: false }],
    ['docker run -m 64m debian', { resources: { memory: '64m' } }],
    ['docker run --memory=1g debian', { resources: { memory: '1g' } }],
    ['docker run --pids-limit 10 debian', { resources: { pidsLimit: '10' } }],
    ['docker run --pids-limit -1 debian', { resources: { pidsLimit: '-1' } }],
    ['docker run --cpus 0.5 debian', { resources: { cpus: '0.5' } }],
    ['docker run --cpus=3/2 debian', { resources: { cpus: '1.5' } }],
    ['docker run --cpus=15e-1 debian', { resources: { cpus: '1.5' } }],
    ['docker run --cpus .250 debian', { resources: { cpus: '0.25' } }],
    ['docker run --pids-limit 0x10 debian', { resources: { pidsLimit: '16' } }],
    ['docker run --network none debian', { network: 'none' }],
    ['docker run --network=host debian', { network: 'host' }],
    ['docker run --net host debian', { network: 'host' }],
    ['docker run --network default debian', { network: 'bridge' }],
    ['docker run --pid host debian', { pid: 'host' }],
    ['docker run --pid=host debian', { pid: 'host' }],
    ['docker run --userns host debian', { userns: 'host' }],
    ['docker run --read-only debian', { readOnly: true }],
    ['docker run -v /etc:/host/etc debian', { volumes: [{ host: '/etc', container: '/host/etc', readOnly: false }] }],
    ['docker run -v /etc:/host/etc:ro debian', { volumes: [{ host: '/etc', container: '/host/etc', readOnly: true }] }],
    ['docker run --volume=/a:/b:rw,z -v /c:/d:ro,rshared debian', { volumes: [{ host: '/a', container: '/b', readOnly: false }, { host: '/c', container: '/d', readOnly: true }] }],
    ['docker run -u 1000:1000 debian', { user: '1000:1000' }],
    ['docker run --user=nobody debian', { user: 'nobody' }],
    ['docker run -h box debian', { hostname: 'box' }],
    ['docker run --hostname=box debian', { hostname: 'box' }],
    ['docker run --name web debian', { name: 'web' }],
    ['docker run -i debian', { interactive: true }],
    ['docker run -t debian', { tty: true }],
    ['docker run -d debian', { detach: true }],
    ['docker run --rm debian', { remove: true }],
    ['docker run --rm -d debian', { remove: true, detach: true }],
    ['docker run -e A=1 --env B=2 -eC debian', { env: ['A=1', 'B=2', 'C'] }],
    ['docker run -w /srv debian', { workdir: '/srv' }],
    ['docker run --workdir=/srv debian', { workdir: '/srv' }],
    ['docker run --entrypoint /bin/sh debian', { entrypoint: '/bin/sh' }],
    ['docker run --entrypoint= debian', { entrypoint: '' }],
    ['docker run -p 8080:80 --init -P debian', { unmodelled: ['--publish 8080:80', '--init', '--publish-all'] }],
    ['docker run --restart=no --rm debian', { remove: true, unmodelled: ['--restart no'] }],
  ])('%s', (line, fields) => {
    expect(request(line)).toEqual({ ...defaultRequest('debian'), ...fields });
  });
});

describe('docker run: combined shorthands, both value forms, and what follows the image', () => {
  it.each<[string, Partial<RunRequest>]>([
    ['docker run -it debian', { interactive: true, tty: true }],
    ['docker run -itd debian', { interactive: true, tty: true, detach: true }],
    ['docker run -dit --rm debian', { interactive: true, tty: true, detach: true, remove: true }],
    ['docker run -itm 64m debian', { interactive: true, tty: true, resources: { memory: '64m' } }],
    ['docker run -itv /a:/b debian', { interactive: true, tty: true, volumes: [{ host: '/a', container: '/b', readOnly: false }] }],
    ['docker run -m64m debian', { resources: { memory: '64m' } }],
    ['docker run -m=64m debian', { resources: { memory: '64m' } }],
  ])('%s', (line, fields) => {
    expect(request(line)).toEqual({ ...defaultRequest('debian'), ...fields });
  });

  it.each([
    ['docker run -it debian ls -l', ['ls', '-l']],
    ['docker run debian --privileged', ['--privileged']],
    ['docker run debian sh -c --rm', ['sh', '-c', '--rm']],
    ['docker run -- debian ls', ['ls']],
    ['docker run debian -- ls', ['--', 'ls']],
  ])('%s: the command is %j', (line, command) => {
    const r = request(line);
    expect(r.command).toEqual(command);
    expect(r.privileged).toBe(false);
    expect(r.remove).toBe(false);
  });

  it('docker container run reads the same flags', () => {
    expect(request('docker container run -it --cap-add SYS_PTRACE alpine:3.20 sh')).toEqual({
      ...defaultRequest('alpine:3.20'), interactive: true, tty: true, capAdd: ['SYS_PTRACE'], command: ['sh'],
    });
  });

  it('global flags before run are read and left out of the request', () => {
    expect(request('docker -D --context default run debian')).toEqual(defaultRequest('debian'));
  });
});

describe("docker run: docker's own error texts", () => {
  it.each([
    ['docker run --foo debian', `unknown flag: --foo${USAGE}`, 125],
    ['docker run -z debian', `unknown shorthand flag: 'z' in -z${USAGE}`, 125],
    ['docker run -itz debian', `unknown shorthand flag: 'z' in -z${USAGE}`, 125],
    ['docker run --memory', `flag needs an argument: --memory${USAGE}`, 125],
    ['docker run -m', `flag needs an argument: 'm' in -m${USAGE}`, 125],
    ['docker run --pids-limit x debian', `invalid argument "x" for "--pids-limit" flag: strconv.ParseInt: parsing "x": invalid syntax${USAGE}`, 125],
    ['docker run --pids-limit 1.5 debian', `invalid argument "1.5" for "--pids-limit" flag: strconv.ParseInt: parsing "1.5": invalid syntax${USAGE}`, 125],
    ['docker run -m 1x debian', `invalid argument "1x" for "-m, --memory" flag: invalid suffix: 'x'${USAGE}`, 125],
    ['docker run -m lots debian', `invalid argument "lots" for "-m, --memory" flag: invalid size: 'lots'${USAGE}`, 125],
    ['docker run --cpus x debian', `invalid argument "x" for "--cpus" flag: failed to parse x as a rational number${USAGE}`, 125],
    ['docker run --cpus 0.0000000001 debian', `invalid argument "0.0000000001" for "--cpus" flag: value is too precise${USAGE}`, 125],
    ['docker run --rm=maybe debian', `invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax${USAGE}`, 125],
    ['docker run -e =x debian', `invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x${USAGE}`, 125],
    ['docker run', "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information", 1],
    ['docker run -it', "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information", 1],
    ['docker run --security-opt foo debian', `docker: invalid --security-opt: "foo"${REFUSAL}`, 125],
    ['docker run --security-opt seccomp= debian', `docker: invalid --security-opt: "seccomp="${REFUSAL}`, 125],
    ['docker run --pid foo debian', `docker: --pid: invalid PID mode${REFUSAL}`, 125],
    ['docker run --pid container: debian', `docker: --pid: invalid PID mode${REFUSAL}`, 125],
    ['docker run --userns keep-id debian', `docker: --userns: invalid USER mode${REFUSAL}`, 125],
    ['docker run --rm --restart always debian', `docker: conflicting options: cannot specify both --restart and --rm${REFUSAL}`, 125],
    ['docker run --restart :3 debian', `docker: invalid restart policy format: no policy provided before colon${REFUSAL}`, 125],
    ['docker run -v /a::/b debian', `docker: invalid spec: /a::/b: empty section between colons${REFUSAL}`, 125],
    ['docker run -v /a:/b:ro:x debian', `docker: invalid spec: /a:/b:ro:x: too many colons${REFUSAL}`, 125],
    ['docker run -d -a stdout debian', 'conflicting options: cannot specify both --attach and --detach', 1],
    ['docker run Debian', `docker: invalid reference format: repository name (library/Debian) must be lowercase${REFUSAL}`, 125],
    ['docker run debian:bad:tag', `docker: invalid reference format${REFUSAL}`, 125],
  ])('%s', (line, message, status) => {
    expect(parseDocker(words(line))).toEqual({ type: 'error', message, status, from: 'cli' });
  });

  it.each([
    ['docker run --security-opt foo=bar debian', 'invalid --security-opt 2: "foo=bar"'],
    ['docker run --security-opt no-new-privileges=maybe debian', 'invalid --security-opt 2: "no-new-privileges=maybe"'],
    ['docker run -v /a:b debian', `invalid volume specification: '/a:b': invalid mount config for type "bind": invalid mount path: 'b' mount path must be absolute`],
    ['docker run -v /a:/ debian', `invalid volume specification: '/a:/': invalid mount config for type "bind": invalid specification: destination can't be '/'`],
    ['docker run -v /a:/b:xyz debian', 'invalid mode: xyz'],
    ['docker run -v /a:/b:ro,rw debian', 'invalid mode: ro,rw'],
    ['docker run --cpus 1 --cpu-period 1000 debian', 'Conflicting options: Nano CPUs and CPU Period cannot both be set'],
  ])('%s: the daemon refuses', (line, text) => {
    expect(parseDocker(words(line))).toEqual({ type: 'error', message: `docker: Error response from daemon: ${text}${REFUSAL}`, status: 125, from: 'daemon' });
  });

  it('a seccomp profile the client cannot read', () => {
    expect(dockerSeccompUnreadable('/p.json', 'no such file or directory').message)
      .toBe(`docker: opening seccomp profile (/p.json) failed: open /p.json: no such file or directory${REFUSAL}`);
  });
});

describe('docker run: real but unmodelled', () => {
  it.each([
    ['docker run --network container:web debian', /--network container:NAME/],
    ['docker run --net=container:web debian', /--network container:NAME/],
    ['docker run --network mynet debian', /the network "mynet" is not modelled/],
    ['docker run --pid container:web debian', /--pid container:NAME/],
    ['docker run -v data:/data debian', /named volume; the lab models bind mounts only/],
    ['docker run -v /data debian', /anonymous volume/],
    ['docker run -v ./src:/src debian', /relative host path/],
  ])('%s', (line, pattern) => {
    const r = parseDocker(words(line));
    expect(r.type).toBe('unmodelled');
    if (r.type === 'unmodelled') {
      expect(r.message).toMatch(/^Isolation Lab: /);
      expect(r.message).toMatch(pattern);
    }
  });

  it('a real error wins over a lab limit', () => {
    expect(parseDocker(words('docker run --network container:web Debian')).type).toBe('error');
  });
});

describe('docker run --help', () => {
  it.each(['docker run --help', 'docker run --help --rm', 'docker container run --help'])('%s', (line) => {
    const r = parseDocker(words(line));
    expect(r.type).toBe('help');
    if (r.type === 'help') {
      expect(r.text.split('\n')[0]).toMatch(/^Usage: {2}docker (container )?run \[OPTIONS\] IMAGE \[COMMAND\] \[ARG\.\.\.\]$/);
      expect(r.text).toContain('Create and run a new container from an image');
      expect(r.text).toContain('  -h, --hostname');
      expect(r.text).not.toContain('--net\n');
    }
  });

  it('--help after the image belongs to the command', () => {
    expect(request('docker run debian --help').command).toEqual(['--help']);
  });
});
