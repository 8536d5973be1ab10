import { describe, expect, it } from 'vitest';
import { runInput } from '../../src/machines/runInput.ts';
import { DOCKER_DEFAULT_CAPS } from '../../src/sim/kernel/capabilities.ts';
import { findRuntime } from '../../src/sim/runtime/registry.ts';
import type { BootOptions, Session } from '../../src/sim/runtime/types.ts';
import { inspect, LIMITS } from '../../src/store/inspector.ts';

/** The inspector projects a booted session's world into plain, bounded data, and never throws. */
const boot = (id: string, opts: BootOptions = {}): Session => {
  const runtime = findRuntime(id);
  if (!runtime) throw new Error(`no runtime ${id}`);
  return runtime.boot(opts);
};

describe('inspect: who the terminal is, and which kernel serves it', () => {
  it.each([
    { id: 'host', servedBy: 'host', release: '7.0.0-1-amd64', comm: 'bash', pid: 1201, hostPid: 1201, ownPidNs: false },
    { id: 'runc', servedBy: 'host', release: '7.0.0-1-amd64', comm: 'sh', pid: 1, hostPid: 4201, ownPidNs: true },
    { id: 'gvisor', servedBy: 'sentry', release: '4.19.0-gvisor', comm: 'sh', pid: 1, hostPid: 4201, ownPidNs: true },
    { id: 'kata', servedBy: 'guest', release: '6.18.35', comm: 'sh', pid: 1, hostPid: 4201, ownPidNs: true },
    { id: 'nabla', servedBy: 'libos', release: '7.99.34', comm: 'app', pid: 2, hostPid: 2, ownPidNs: false },
  ])('$id: $comm is pid $pid (host pid $hostPid) under $release', ({ id, servedBy, release, comm, pid, hostPid, ownPidNs }) => {
    const v = inspect(boot(id));
    expect(v.servedBy).toBe(servedBy);
    expect(v.kernel.release).toBe(release);
    expect(v.terminal).toEqual({ hostPid, pid, comm });
    expect(v.processes.ownPidNs).toBe(ownPidNs);
    const me = v.processes.rows.filter((r) => r.terminal);
    expect(me).toHaveLength(1);
    expect(me[0]).toMatchObject({ hostPid, pid, comm, inside: true });
  });
});

describe('inspect: the process tree', () => {
  it("runc: the container's processes first, the host's after, marked outside its pid namespace", () => {
    const v = inspect(boot('runc'));
    expect(v.processes.rows[0]).toMatchObject({ comm: 'sh', pid: 1, hostPid: 4201, terminal: true, inside: true });
    expect(v.processes.rows[0]?.newNs).toEqual(['mnt', 'pid', 'net', 'uts', 'ipc', 'cgroup', 'time']);
    const outside = v.processes.rows.filter((r) => !r.inside);
    expect(outside.map((r) => r.comm)).toEqual(['systemd', 'containerd', 'dockerd', 'bash', 'containerd-shim']);
    expect(outside.every((r) => r.pid === null && r.newNs.length === 0)).toBe(true);
    expect(v.processes).toMatchObject({ inside: 1, outside: 5, omitted: 0 });
    expect(v.processes.note?.en).toMatch(/^5 processes are outside this pid namespace/);
  });

  it('host: one pid namespace, parents before children, every namespace the initial one', () => {
    const v = inspect(boot('host'));
    expect(v.processes.rows.map((r) => [r.comm, r.depth])).toEqual([['systemd', 0], ['containerd', 1], ['dockerd', 1], ['bash', 1]]);
    expect(v.processes.rows.every((r) => r.pid === r.hostPid && r.newNs.length === 0)).toBe(true);
    expect(v.processes.note).toBeNull();
  });

  it(`keeps at most ${LIMITS.processes} processes, counts the rest, and keeps the terminal's in view`, () => {
    const s = boot('host');
    const procs = { ...s.world.procs };
    const init = procs[1];
    if (!init) throw new Error('no init');
    for (let pid = 2000; pid < 2080; pid++) procs[pid] = { ...init, pid, tgid: pid, ppid: 1, comm: `worker${pid}`, nsPids: [pid] };
    const v = inspect({ ...s, world: { ...s.world, procs } });
    expect(v.processes.rows).toHaveLength(LIMITS.processes);
    expect(v.processes.omitted).toBe(84 - LIMITS.processes);
    expect(v.processes.rows.some((r) => r.terminal && r.comm === 'bash')).toBe(true);
  });
});

describe('inspect: privileges', () => {
  it.each([
    { id: 'host', bounding: 41, effective: 41, mode: 'disabled', label: 'no filter' },
    { id: 'runc', bounding: 14, effective: 14, mode: 'filter', label: "Docker's default profile" },
    { id: 'gvisor', bounding: 14, effective: 14, mode: 'disabled', label: 'no filter' },
  ])('$id: $bounding of 41 capabilities, seccomp $label', ({ id, bounding, effective, mode, label }) => {
    const v = inspect(boot(id));
    expect(v.caps).toMatchObject({ bounding, all: 41, uid: 0 });
    expect(v.caps?.effective).toHaveLength(effective);
    expect(v.caps?.notInBounding).toHaveLength(41 - bounding);
    expect(v.seccomp).toMatchObject({ mode, label: { en: label } });
  });

  it("runc: the effective set is Docker's 14, and CAP_SYS_ADMIN is dropped", () => {
    const v = inspect(boot('runc'));
    expect([...(v.caps?.effective ?? [])].sort()).toEqual([...DOCKER_DEFAULT_CAPS].sort());
    expect(v.caps?.notInBounding).toContain('CAP_SYS_ADMIN');
  });

  it("gvisor with --oci-seccomp on: the Sentry enforces the container's profile", () => {
    const v = inspect(boot('gvisor', { options: { 'oci-seccomp': 'on' } }));
    expect(v.seccomp.mode).toBe('filter');
    expect(v.seccomp.label.en).toContain('enforced by the Sentry');
  });
});

describe('inspect: mounts and files', () => {
  it.each([
    { path: '/proc/kcore', masked: true, note: /\/dev\/null/ },
    { path: '/proc/acpi', masked: true, note: /empty read-only tmpfs/ },
    { path: '/proc/sys', masked: false, note: /read-only/ },
    { path: '/', masked: false, note: null },
  ])('runc: $path is shown as it was left (masked: $masked)', ({ path, masked, note }) => {
    const m = inspect(boot('runc')).mounts.rows.find((r) => r.mountpoint === path);
    expect(m?.masked).toBe(masked);
    if (note) expect(m?.note?.en).toMatch(note);
    else expect(m?.note).toBeNull();
  });

  it('runc: the root is overlay, /sys read-only; host: / is ext4 on /dev/sda1', () => {
    const runc = inspect(boot('runc')).mounts.rows;
    expect(runc.find((m) => m.mountpoint === '/')).toMatchObject({ fsType: 'overlay', ro: false });
    expect(runc.find((m) => m.mountpoint === '/sys')).toMatchObject({ fsType: 'sysfs', ro: true });
    expect(inspect(boot('host')).mounts.rows.find((m) => m.mountpoint === '/')).toMatchObject({ fsType: 'ext4', source: '/dev/sda1' });
  });

  it('nabla: the library OS has its own small mount table', () => {
    expect(inspect(boot('nabla')).mounts.rows.map((m) => m.mountpoint)).toEqual(['/', '/tmp']);
  });

  it('shows the terminal, then a file the last line opened and left open', () => {
    const s = boot('runc');
    expect(inspect(s).fds.rows).toEqual([0, 1, 2].map((fd) => ({ fd, path: '/dev/pts/0', kind: 'chardev', flags: 'O_RDWR' })));
    const r = runInput(s, 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY|O_CLOEXEC)');
    if (!r.ok) throw new Error(r.message);
    expect(inspect(r.value.session).fds.rows[3]).toEqual({ fd: 3, path: '/etc/hostname', kind: 'file', flags: 'O_RDONLY|O_CLOEXEC' });
  });
});

describe('inspect: cgroup gauges', () => {
  it('runc with --memory 64m --pids-limit 10 --cpus 0.5: the limits as the files say', () => {
    const v = inspect(boot('runc', { resources: { memory: '64m', pidsLimit: '10', cpus: '0.5' } }));
    const memory = v.cgroup?.gauges.find((g) => g.file === 'memory.current');
    expect(memory).toMatchObject({ max: 64 * 1024 * 1024, unit: 'bytes' });
    expect(memory?.text.en).toContain('memory.max 64 MiB');
    expect(v.cgroup?.gauges.find((g) => g.file === 'pids.current')).toMatchObject({ current: 1, max: 10 });
    expect(v.cgroup?.cpu).toMatchObject({ max: '50000 100000', cpus: 0.5 });
    expect(v.cgroup?.path).toMatch(/^\/system\.slice\/docker-[0-9a-f]+\.scope$/);
  });

  it('runc without flags: no limits (max)', () => {
    const v = inspect(boot('runc'));
    expect(v.cgroup?.gauges.map((g) => g.max)).toEqual([null, null]);
    expect(v.cgroup?.cpu?.cpus).toBeNull();
  });

  it('nabla sits in the root cgroup, which has no limit files: a note, not an error', () => {
    const v = inspect(boot('nabla'));
    expect(v.cgroup?.gauges).toEqual([]);
    expect(v.cgroup?.notes.map((n) => n.en).join(' ')).toContain('root cgroup never has them');
  });
});

describe('inspect: settings and notes', () => {
  it('lists the runtime\'s resolved settings, marking changed ones', () => {
    const v = inspect(boot('gvisor', { options: { platform: 'kvm' } }));
    expect(v.options.find((o) => o.key === 'platform')).toMatchObject({ value: 'kvm', isDefault: false });
    expect(v.options.find((o) => o.key === 'directfs')).toMatchObject({ value: 'on', isDefault: true });
  });

  it.each(['gvisor', 'kata'])('%s: says this is the sandbox kernel\'s own view', (id) => {
    expect(inspect(boot(id)).notes.map((n) => n.en).join(' ')).toMatch(/own world/);
  });

  it('never throws: a missing process and a broken world become notes', () => {
    const s = boot('runc');
    const gone = inspect({ ...s, pid: 99999 });
    expect(gone.terminal).toBeNull();
    expect(gone.notes[0]?.en).toContain('pid 99999');
    const broken = inspect({ ...s, world: { ...s.world, mountTables: {} } });
    expect(broken.mounts.rows).toEqual([]);
    expect(broken.notes.some((n) => n.en.startsWith('mounts: could not be read'))).toBe(true);
    expect(broken.processes.rows.length).toBeGreaterThan(0);
  });
});
