import { describe, expect, it } from 'vitest';
import { parseDocker, type DockerParse } from '../../../src/sim/stack/dockerArgs.ts';

const parse = (line: string): DockerParse => parseDocker(line.split(' '));

describe('docker commands besides run', () => {
  it.each<[string, DockerParse]>([
    ['docker ps', { type: 'ps', all: false, quiet: false, filters: [] }],
    ['docker ps -a', { type: 'ps', all: true, quiet: false, filters: [] }],
    ['docker ps -aq', { type: 'ps', all: true, quiet: true, filters: [] }],
    ['docker ps --all --quiet', { type: 'ps', all: true, quiet: true, filters: [] }],
    ['docker ps --format {{.Names}} -f status=exited', { type: 'ps', all: false, quiet: false, format: '{{.Names}}', filters: ['status=exited'] }],
    ['docker container ls -a', { type: 'ps', all: true, quiet: false, filters: [] }],
    ['docker container list -q', { type: 'ps', all: false, quiet: true, filters: [] }],
    ['docker container ps', { type: 'ps', all: false, quiet: false, filters: [] }],
    ['docker exec -it web sh', { type: 'exec', container: 'web', command: ['sh'], interactive: true, tty: true, detach: false, privileged: false, env: [] }],
    ['docker exec -u root -e A=1 -w /tmp --privileged web ls -l', {
      type: 'exec', container: 'web', command: ['ls', '-l'], interactive: false, tty: false, detach: false, privileged: true,
      user: 'root', workdir: '/tmp', env: ['A=1'],
    }],
    ['docker container exec web cat /proc/1/status', { type: 'exec', container: 'web', command: ['cat', '/proc/1/status'], interactive: false, tty: false, detach: false, privileged: false, env: [] }],
    ['docker inspect web', { type: 'inspect', targets: ['web'], size: false }],
    ['docker inspect -f {{.HostConfig.Privileged}} web', { type: 'inspect', targets: ['web'], format: '{{.HostConfig.Privileged}}', size: false }],
    ['docker inspect --format={{.State.Pid}} a b', { type: 'inspect', targets: ['a', 'b'], format: '{{.State.Pid}}', size: false }],
    ['docker inspect --type container web', { type: 'inspect', targets: ['web'], objectType: 'container', size: false }],
    ['docker stop web', { type: 'stop', containers: ['web'] }],
    ['docker stop -t 3 -s SIGINT a b', { type: 'stop', containers: ['a', 'b'], signal: 'SIGINT', timeout: 3 }],
    ['docker kill web', { type: 'kill', containers: ['web'] }],
    ['docker kill -s KILL web', { type: 'kill', containers: ['web'], signal: 'KILL' }],
    ['docker rm web', { type: 'rm', containers: ['web'], force: false, volumes: false }],
    ['docker rm -f web db', { type: 'rm', containers: ['web', 'db'], force: true, volumes: false }],
    ['docker container remove -fv web', { type: 'rm', containers: ['web'], force: true, volumes: true }],
    ['docker images', { type: 'images', quiet: false, all: false }],
    ['docker images -q debian', { type: 'images', quiet: true, all: false, reference: 'debian' }],
    ['docker image ls -a', { type: 'images', quiet: false, all: true }],
    ['docker pull debian:12', { type: 'pull', image: 'debian:12', quiet: false, allTags: false }],
    ['docker image pull -q alpine', { type: 'pull', image: 'alpine', quiet: true, allTags: false }],
    ['docker version', { type: 'version' }],
    ['docker version -f {{.Server.Version}}', { type: 'version', format: '{{.Server.Version}}' }],
    ['docker info', { type: 'info' }],
    ['docker system info --format {{.Runtimes}}', { type: 'info', format: '{{.Runtimes}}' }],
    ['docker --version', { type: 'clientVersion' }],
    ['docker -v', { type: 'clientVersion' }],
  ])('%s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  it('takes the inspect template as one word, as the shell gave it', () => {
    expect(parseDocker(['docker', 'inspect', '-f', '{{json .HostConfig.CapAdd}}', 'web']))
      .toEqual({ type: 'inspect', targets: ['web'], format: '{{json .HostConfig.CapAdd}}', size: false });
  });
});

describe("docker's errors outside run", () => {
  it.each([
    ['docker foo', "docker: unknown command: docker foo\n\nRun 'docker --help' for more information", 1],
    ['docker --foo ps', "unknown flag: --foo\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information", 125],
    ['docker -x', "unknown shorthand flag: 'x' in -x\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information", 125],
    ['docker ps --foo', "unknown flag: --foo\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information", 125],
    ['docker ps web', "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information", 1],
    ['docker container ls --foo', "unknown flag: --foo\n\nUsage:  docker container ls [OPTIONS]\n\nRun 'docker container ls --help' for more information", 125],
    ['docker exec web', "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information", 1],
    ['docker exec -z web sh', "unknown shorthand flag: 'z' in -z\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nRun 'docker exec --help' for more information", 125],
    ['docker inspect', "docker: 'docker inspect' requires at least 1 argument\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nSee 'docker inspect --help' for more information", 1],
    ['docker inspect -f', "flag needs an argument: 'f' in -f\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nRun 'docker inspect --help' for more information", 125],
    ['docker stop -t x web', `invalid argument "x" for "-t, --timeout" flag: strconv.ParseInt: parsing "x": invalid syntax\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nRun 'docker stop --help' for more information`, 125],
    ['docker rm', "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information", 1],
    ['docker container rm', "docker: 'docker container rm' requires at least 1 argument\n\nUsage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker container rm --help' for more information", 1],
    ['docker pull', "docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information", 1],
    ['docker pull a b', "docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information", 1],
    ['docker images a b', "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information", 1],
    ['docker version now', "docker: 'docker version' accepts no arguments\n\nUsage:  docker version [OPTIONS]\n\nRun 'docker version --help' for more information", 1],
    ['docker container foo', "docker: unknown command: docker container foo\n\nUsage:  docker container\n\nRun 'docker container --help' for more information", 1],
    ['docker container --foo', "unknown flag: --foo\n\nUsage:  docker container\n\nRun 'docker container --help' for more information", 125],
  ])('%s', (line, message, status) => {
    expect(parse(line)).toEqual({ type: 'error', message, status, from: 'cli' });
  });
});

describe('docker help and unmodelled commands', () => {
  it.each(['docker', 'docker --help', 'docker -h', 'docker help', 'docker container', 'docker container --help', 'docker ps --help', 'docker ps -h', 'docker help ps'])('%s shows help', (line) => {
    expect(parse(line).type).toBe('help');
  });

  it('docker ps --help shows the usage line and aliases', () => {
    const r = parse('docker ps --help');
    expect(r.type === 'help' && r.text).toMatch(/^Usage: {2}docker ps \[OPTIONS\]\n\nList containers\n\nAliases:\n {2}docker container ls, docker container list, docker container ps, docker ps\n/);
  });

  it.each(['docker logs web', 'docker network ls', 'docker compose up', 'docker start web'])('%s is real but not modelled', (line) => {
    const r = parse(line);
    expect(r.type).toBe('unmodelled');
    expect(r.type === 'unmodelled' && r.message).toMatch(/^Isolation Lab: the lab does not model 'docker \w+'/);
  });
});

describe('image references, as docker checks them', () => {
  const HEX = '0123456789abcdef'.repeat(4);
  it.each(['debian', 'debian:12', 'alpine:3.20', 'gcr.io/distroless/static-debian12', 'localhost:5000/team/app:v1', `debian@sha256:${HEX}`, HEX, `sha256:${HEX}`, 'my_org/app.name-x'])(
    'docker run accepts %s', (image) => {
      const r = parse(`docker run ${image}`);
      expect(r.type === 'run' && r.request.image).toBe(image);
    });

  it.each([
    ['Debian', 'invalid reference format: repository name (library/Debian) must be lowercase'],
    ['debian:', 'invalid reference format'],
    ['-debian', 'invalid reference format'],
    ['debian@sha256:abc', 'invalid reference format'],
    [`debian@md5:${HEX}`, 'unsupported digest algorithm'],
    [`debian@sha256:${HEX}00`, 'invalid checksum digest length'],
  ])('docker run refuses %s', (image, text) => {
    expect(parseDocker(['docker', 'run', '--', image])).toEqual({ type: 'error', message: `docker: ${text}\n\nRun 'docker run --help' for more information`, status: 125, from: 'cli' });
  });

  it.each([
    ['docker pull Debian', 'invalid reference format: repository name (library/Debian) must be lowercase'],
    [`docker pull ${'0123456789abcdef'.repeat(4)}`, `invalid repository name (${'0123456789abcdef'.repeat(4)}), cannot specify 64-byte hexadecimal strings`],
    ['docker pull -a debian:12', "tag can't be used with --all-tags/-a"],
  ])('%s', (line, message) => {
    expect(parse(line)).toEqual({ type: 'error', message, status: 1, from: 'cli' });
  });

  it('docker run -h takes a value (the hostname), not help', () => {
    expect(parse('docker run -h')).toEqual({
      type: 'error', message: "flag needs an argument: 'h' in -h\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information", status: 125, from: 'cli',
    });
  });

  it('docker container inspect takes the template as one word', () => {
    expect(parseDocker(['docker', 'container', 'inspect', '--format', '{{json .HostConfig.CapAdd}}', 'web']))
      .toEqual({ type: 'inspect', targets: ['web'], format: '{{json .HostConfig.CapAdd}}', size: false });
  });
});
