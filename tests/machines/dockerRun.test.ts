import { describe, expect, it } from 'vitest';
import { runControlLine, runInContainer } from '../../src/machines/controlPlane.ts';
import type { Attach, ControlRun, HostState } from '../../src/machines/controlTypes.ts';
import { HOST } from '../../src/sim/runtime/host.ts';
import { EMPTY_STACK } from '../../src/sim/stack/containers.ts';
import { runInput } from '../../src/machines/runInput.ts';

/** `docker run` end to end on a fresh host: the path, the container, and what runs in it. */
const fresh = (): HostState => ({ host: HOST.boot(), stack: EMPTY_STACK });

function control(state: HostState, text: string, attached: Attach | null = null): ControlRun {
  const r = runControlLine(state, text, attached);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** Runs `docker run -it FLAGS IMAGE sh`, then `line` in the container it attached to. */
function inside(flags: string, line: string, image = 'debian') {
  const started = control(fresh(), `docker run -it ${flags} ${image} sh`);
  if (!started.attach) throw new Error(`no container: ${started.stderr}`);
  const r = runInContainer(started, started.attach, line);
  if (!r.ok) throw new Error(r.message);
  const calls = r.value.inner?.calls ?? [];
  return { run: r.value, calls, last: calls.at(-1), failed: calls.find((c) => c.errno !== null || c.deniedBy !== null), runtime: r.value.inner?.runtime };
}

describe('docker run: each flag changes the container the terminal lands in', () => {
  it.each([
    ['default: mount of a tmpfs needs CAP_SYS_ADMIN', '', 'mount -t tmpfs none /mnt', 'EPERM'],
    ['--cap-add SYS_ADMIN: the mount succeeds', '--cap-add SYS_ADMIN', 'mount -t tmpfs none /mnt', null],
    ['default: keyctl is outside Docker\'s seccomp profile', '', 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)', 'EPERM'],
    ['seccomp=unconfined: keyctl gets through', '--security-opt seccomp=unconfined', 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)', null],
    ['--read-only: no file can be created at /', '--read-only', 'touch /x', 'EROFS'],
    ['default: / is writable', '', 'touch /x', null],
    ['--cap-drop ALL: chroot needs CAP_SYS_CHROOT', '--cap-drop ALL', 'chroot("/tmp")', 'EPERM'],
    ['--cap-drop ALL: root cannot give a file away without CAP_CHOWN', '--cap-drop ALL', 'chown("/etc/hostname", 1000, 1000)', 'EPERM'],
    ['default: Docker\'s CAP_CHOWN lets root give it away', '', 'chown("/etc/hostname", 1000, 1000)', null],
    ['--user 1000: reading /etc/shadow is refused', '--user 1000', 'cat /etc/shadow', 'EACCES'],
  ])('%s', (_what, flags, line, errno) => {
    const r = inside(flags, line);
    if (errno === null) expect(r.failed).toBeUndefined();
    else expect(r.failed?.errno).toBe(errno);
  });

  it('--pids-limit 10 stops a fork bomb at 10 tasks: the shell and 9 children', () => {
    const r = inside('--pids-limit 10', 'forkbomb 20');
    const forks = r.calls.filter((c) => c.name === 'clone');
    expect(forks.filter((c) => c.errno === null)).toHaveLength(9);
    expect(forks.at(-1)?.errno).toBe('EAGAIN');
  });

  it.each([
    ['--privileged: the host\'s disk mounts, and its files are the container\'s', '--privileged', 'lab-host\n', null],
    ['default: Docker\'s seccomp profile refuses the mount', '', '', 'EPERM'],
    ['--cap-add SYS_ADMIN: there is no /dev/sda1 to mount', '--cap-add SYS_ADMIN', '', 'ENOENT'],
  ])('%s', (_what, flags, hostname, errno) => {
    const started = control(fresh(), `docker run -it ${flags} debian sh`);
    if (!started.attach) throw new Error('no container');
    const mounted = runInContainer(started, started.attach, 'mount -t ext4 /dev/sda1 /mnt');
    if (!mounted.ok) throw new Error(mounted.message);
    expect(mounted.value.inner?.calls.find((c) => c.name === 'mount')?.errno ?? null).toBe(errno);
    const read = runInContainer(mounted.value, started.attach, 'cat /mnt/etc/hostname');
    expect(read.ok && read.value.stdout).toBe(hostname);
  });

  it.each([
    ['--privileged: the host\'s disks are in /dev', '--privileged', true],
    ['default: no host disks in /dev', '', false],
  ])('%s', (_what, flags, sda) => {
    expect(inside(flags, 'ls /dev').run.stdout.split('\n').includes('sda')).toBe(sda);
  });

  it.each([
    ['--runtime=runsc lands in the Sentry', '--runtime=runsc', 'gvisor', 'sentry'],
    ['--runtime=kata-runtime lands in the guest kernel', '--runtime=kata-runtime', 'kata', 'guest-kernel'],
    ['runc: the host kernel', '', 'runc', 'kernel'],
  ])('%s', (_what, flags, runtime, layer) => {
    const r = inside(flags, 'getpid()');
    expect(r.runtime).toBe(runtime);
    expect(r.last?.hops.some((h) => h.layer === layer)).toBe(true);
  });

  it('--network none leaves only an up loopback; the default bridge adds eth0', () => {
    expect(inside('--network none', 'ip addr').run.stdout).not.toContain('eth0');
    expect(inside('--network none', 'ip addr').run.stdout).toContain('127.0.0.1/8');
    expect(inside('', 'ip addr').run.stdout).toContain('172.17.0.2/16');
  });

  it('--pid host shows the host\'s processes; the default shows the container\'s own', () => {
    expect(inside('--pid host', 'ps -e').run.stdout).toContain('dockerd');
    expect(inside('', 'ps -e').run.stdout).not.toContain('dockerd');
  });

  it('-v HOST:CONTAINER:ro binds the host directory read-only', () => {
    expect(inside('-v /etc:/hostetc:ro', 'cat /hostetc/hostname').run.stdout).toBe('lab-host\n');
    expect(inside('-v /etc:/hostetc:ro', 'touch /hostetc/x').failed?.errno).toBe('EROFS');
  });
});

describe('docker run: the path through the stack', () => {
  it('goes CLI → docker.sock → dockerd → containerd → shim → runc → the host kernel → the container', () => {
    const r = control(fresh(), 'docker run -it debian sh');
    const layers = [...new Set(r.path?.calls.flatMap((c) => c.hops.map((h) => h.layer)))];
    expect(layers).toEqual(['docker-cli', 'docker-api', 'dockerd', 'containerd-api', 'containerd', 'shim-api', 'shim', 'oci-runtime', 'host-kernel', 'container', 'host-syscall']);
    const lines = r.path?.calls.map((c) => c.line) ?? [];
    expect(lines.some((l) => l.startsWith('unshare(') && l.includes('CLONE_NEWPID') && l.includes('CLONE_NEWNET'))).toBe(true);
    expect(lines.some((l) => l.startsWith('pivot_root('))).toBe(true);
    expect(lines.some((l) => l.startsWith('seccomp(SECCOMP_SET_MODE_FILTER'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^execve\("\/usr\/bin\/sh", \["sh"\]/);
  });

  it.each([
    ['--privileged: no filter is loaded', '--privileged', false],
    ['--security-opt seccomp=unconfined: no filter', '--security-opt seccomp=unconfined', false],
    ['default: the filter is loaded', '', true],
  ])('%s', (_what, flags, filter) => {
    const r = control(fresh(), `docker run -it ${flags} debian sh`);
    expect(r.path?.calls.some((c) => c.line.startsWith('seccomp('))).toBe(filter);
  });

  it('--runtime=runsc goes through containerd-shim-runsc-v1 and the Sentry; the host sees runsc\'s processes', () => {
    const r = control(fresh(), 'docker run -it --runtime=runsc debian sh');
    const notes = r.path?.calls.flatMap((c) => c.hops.map((h) => h.note)).join('\n') ?? '';
    expect(notes).toContain('containerd-shim-runsc-v1');
    expect(r.path?.calls.some((c) => c.hops.some((h) => h.layer === 'sandbox-kernel'))).toBe(true);
    expect(r.path?.calls.some((c) => c.line.startsWith('unshare('))).toBe(false);
  });
});

describe('docker run: refusals in docker\'s words', () => {
  it.each([
    ['an unknown runtime', 'docker run --runtime=foo debian', 'docker: Error response from daemon: unknown or invalid runtime name: foo\n\nRun \'docker run --help\' for more information\n', 125],
    ['distroless has no shell', 'docker run gcr.io/distroless/static-debian12 sh', 'exec: "sh": executable file not found in $PATH', 127],
    ['an image the lab does not have', 'docker run nginx', "Unable to find image 'nginx:latest' locally", 125],
  ])('%s', (_what, line, text, status) => {
    const r = control(fresh(), line);
    expect(r.stderr).toContain(text);
    expect(r.status).toBe(status);
    expect(r.attach).toBeUndefined();
    expect(r.path?.calls.at(-1)?.deniedBy).not.toBeNull();
  });
});

describe('docker ps, exec, inspect, stop, rm', () => {
  it('lists, inspects, execs into, stops and removes a container', () => {
    let s: HostState = control(fresh(), 'docker run -d --name web --cap-add NET_ADMIN --pids-limit 5 alpine sleep 100');
    expect(control(s, 'docker ps').stdout).toMatch(/web\n$/);
    expect(control(s, 'docker inspect -f "{{.HostConfig.CapAdd}} {{.HostConfig.PidsLimit}} {{.State.Running}}" web').stdout).toBe('[NET_ADMIN] 5 true\n');
    const exec = control(s, 'docker exec web cat /etc/hostname');
    expect(exec.inner?.calls.some((c) => c.name === 'openat')).toBe(true);
    expect(control(s, 'docker rm web').stderr).toContain('container is running: stop the container before removing or force remove');
    s = control(s, 'docker stop web');
    expect(control(s, 'docker ps').stdout).not.toContain('web');
    expect(control(s, 'docker ps -a').stdout).toContain('Exited (137)');
    s = control(s, 'docker rm web');
    expect(control(s, 'docker ps -a').stdout).not.toContain('web');
  });

  it('docker exec of a program the image lacks fails as runc fails it', () => {
    const s = control(fresh(), 'docker run -d --name app alpine sleep 9');
    const r = control(s, 'docker exec -it app bash');
    expect(r.stdout).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH\n');
    expect(r.status).toBe(127);
    expect(r.attach).toBeUndefined();
  });

  it('exit ends the container when the attached shell is its init', () => {
    const s = control(fresh(), 'docker run -it --name box debian sh');
    if (!s.attach) throw new Error('no attach');
    const r = runInContainer(s, s.attach, 'exit 3');
    if (!r.ok) throw new Error(r.message);
    expect(r.value.attach).toBeNull();
    expect(control(r.value, 'docker ps -a').stdout).toContain('Exited (3)');
  });

  it('bad input gets docker\'s message, never an exception', () => {
    for (const line of ['docker', 'docker run', 'docker run --memory', 'docker frobnicate', 'docker exec nope sh', 'docker run -it "debian']) {
      const r = runControlLine(fresh(), line, null);
      expect(r.ok ? r.value.stderr + r.value.stdout : r.message).not.toBe('');
    }
  });
});

describe('images', () => {
  it('docker inspect IMAGE shows its config; an unknown name is no object', () => {
    expect(control(fresh(), 'docker inspect -f "{{.Config.Cmd}} {{.Os}}" alpine').stdout).toBe('[/bin/sh] linux\n');
    expect(control(fresh(), 'docker inspect nothing').stderr).toBe('Error: No such object: nothing\n');
  });

  it('distroless has no shell, no package manager and fewer programs than alpine, which has fewer than debian', async () => {
    const { imageComparison } = await import('../../src/machines/dockerImages.ts');
    const rows = imageComparison().split('\n').slice(1).filter(Boolean).map((r) => r.split(/\s{2,}/));
    const row = (ref: string) => rows.find((r) => r[0] === ref) ?? [];
    const programs = (ref: string) => Number(row(ref)[3]);
    expect(row('gcr.io/distroless/static-debian12').slice(4, 6)).toEqual(['none', 'none']);
    expect(programs('gcr.io/distroless/static-debian12')).toBeLessThan(programs('alpine:3.20'));
    expect(programs('alpine:3.20')).toBeLessThan(programs('debian:bookworm-slim'));
  });
});

describe('--security-opt seccomp=FILE', () => {
  const withProfile = (text: string): HostState => {
    const s = fresh();
    const wrote = runInput(s.host, `echo '${text}' > /root/profile.json`);
    if (!wrote.ok) throw new Error(wrote.message);
    return { ...s, host: wrote.value.session };
  };

  it('the CLI reads the file on the host; its rules are the container\'s filter', () => {
    const s = withProfile('{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["getpid"],"action":"SCMP_ACT_ERRNO"}]}');
    const started = control(s, 'docker run -it --security-opt seccomp=/root/profile.json debian sh');
    if (!started.attach) throw new Error(started.stderr);
    const r = runInContainer(started, started.attach, 'getpid()');
    expect(r.ok && r.value.inner?.calls[0]?.errno).toBe('EPERM');
    const k = runInContainer(started, started.attach, 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)');
    expect(k.ok && k.value.inner?.calls[0]?.errno).toBeNull();
  });

  it.each([
    ['a missing file', fresh, 'docker: opening seccomp profile (/root/profile.json) failed: open /root/profile.json: no such file or directory'],
    ['a file that is not a profile', () => withProfile('{"defaultAction": 3}'), 'decoding seccomp profile failed'],
  ])('%s is refused before the daemon is asked', (_what, state, text) => {
    const r = control(state(), 'docker run -it --security-opt seccomp=/root/profile.json debian sh');
    expect(r.stderr).toContain(text);
    expect(r.status).toBe(125);
    expect(r.attach).toBeUndefined();
  });
});
