import { describe, expect, it } from 'vitest';
import { ALL_CAPS } from '../../../src/sim/kernel/capabilities.ts';
import { parseSeccompProfile } from '../../../src/sim/seccomp/parseProfile.ts';
import { readReference, referenceList } from '../../helpers/reference.ts';
import { CONTAINER_ID, DEBIAN_PATH, run, specOf } from './fixtures.ts';

/**
 * dockerSpec: the config.json dockerd writes for `docker run debian` with
 * each flag, against the reference files and the facts in moby's source
 * (daemon/oci_linux.go, daemon/pkg/oci/defaults.go).
 */

describe('dockerSpec: the default container against the reference', () => {
  const spec = specOf();

  it.each(['bounding', 'effective', 'permitted'] as const)('%s holds Docker\'s 14 default capabilities in moby\'s order', (set) => {
    expect(spec.process.capabilities?.[set]).toEqual(referenceList('docker_default_capabilities.txt'));
  });

  it.each(['inheritable', 'ambient'] as const)('%s is absent (CVE-2022-24769: no inheritable capabilities)', (set) => {
    expect(spec.process.capabilities?.[set]).toBeUndefined();
  });

  it.each([
    ['maskedPaths', 'docker_masked_paths.txt'],
    ['readonlyPaths', 'docker_readonly_paths.txt'],
  ] as const)('linux.%s is the reference list %s', (field, file) => {
    expect(spec.linux[field]).toEqual(referenceList(file));
  });

  it('has the seccomp default action and errno of the reference profile, and amd64 with its sub-architectures', () => {
    const reference = JSON.parse(readReference('docker_default_seccomp.json')) as { defaultAction: string; defaultErrnoRet: number };
    expect(spec.linux.seccomp?.defaultAction).toBe(reference.defaultAction);
    expect(spec.linux.seccomp?.defaultErrnoRet).toBe(reference.defaultErrnoRet);
    expect(spec.linux.seccomp?.architectures).toEqual(['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']);
  });

  it.each([
    ['namespaces', spec.linux.namespaces.map((n) => n.type), ['mount', 'network', 'time', 'uts', 'pid', 'ipc', 'cgroup']],
    ['cgroupsPath', spec.linux.cgroupsPath, `system.slice:docker:${CONTAINER_ID}`],
    ['hostname', spec.hostname, CONTAINER_ID.slice(0, 12)],
    ['process.args', spec.process.args, ['bash']],
    ['process.env', spec.process.env, [DEBIAN_PATH, `HOSTNAME=${CONTAINER_ID.slice(0, 12)}`]],
    ['process.cwd', spec.process.cwd, '/'],
    ['process.user', spec.process.user, { uid: 0, gid: 0, additionalGids: [0] }],
    ['process.terminal', spec.process.terminal, false],
    ['process.noNewPrivileges', spec.process.noNewPrivileges, undefined],
    ['process.apparmorProfile', spec.process.apparmorProfile, 'docker-default'],
    ['process.oomScoreAdj', spec.process.oomScoreAdj, 0],
    ['root.readonly', spec.root.readonly, false],
    ['linux.devices', spec.linux.devices, undefined],
    ['linux.sysctl', spec.linux.sysctl, { 'net.ipv4.ip_unprivileged_port_start': '0', 'net.ipv4.ping_group_range': '0 2147483647' }],
    ['linux.resources.memory', spec.linux.resources?.memory, undefined],
    ['linux.resources.blockIO', spec.linux.resources?.blockIO, {}],
  ])('%s is as dockerd writes it', (_field, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each([
    ['/proc', 'proc', 'proc', ['nosuid', 'noexec', 'nodev']],
    ['/dev', 'tmpfs', 'tmpfs', ['nosuid', 'strictatime', 'mode=755', 'size=65536k']],
    ['/dev/pts', 'devpts', 'devpts', ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5']],
    ['/sys', 'sysfs', 'sysfs', ['nosuid', 'noexec', 'nodev', 'ro']],
    ['/sys/fs/cgroup', 'cgroup', 'cgroup', ['ro', 'nosuid', 'noexec', 'nodev']],
    ['/dev/mqueue', 'mqueue', 'mqueue', ['nosuid', 'noexec', 'nodev']],
    ['/dev/shm', 'tmpfs', 'shm', ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=67108864']],
  ])('mount %s is %s from %s with %j', (destination, type, source, options) => {
    expect(spec.mounts.find((m) => m.destination === destination)).toEqual({ destination, type, source, options });
  });

  it('lists the default mounts first, then the three files dockerd writes for the container', () => {
    expect(spec.mounts.map((m) => m.destination)).toEqual([
      '/proc', '/dev', '/dev/pts', '/sys', '/sys/fs/cgroup', '/dev/mqueue', '/dev/shm', '/etc/resolv.conf', '/etc/hostname', '/etc/hosts',
    ]);
    expect(spec.mounts.at(-1)).toEqual({
      destination: '/etc/hosts', type: 'bind', source: `/var/lib/docker/containers/${CONTAINER_ID}/hosts`, options: ['rbind', 'rprivate'],
    });
  });

  it('allows only the standard character devices in the device cgroup and denies /dev/fuse', () => {
    expect(spec.linux.resources?.devices).toEqual([
      { allow: false, access: 'rwm' },
      ...[[1, 5], [1, 3], [1, 9], [1, 8], [5, 0], [5, 1]].map(([major, minor]) => ({ allow: true, type: 'c', major, minor, access: 'rwm' })),
      { allow: false, type: 'c', major: 10, minor: 229, access: 'rwm' },
    ]);
  });
});

describe('dockerSpec: namespaces per flag', () => {
  it.each([
    ['--network host', { network: 'host' as const }, ['mount', 'time', 'uts', 'pid', 'ipc', 'cgroup']],
    ['--network none (a network namespace with only lo)', { network: 'none' as const }, ['mount', 'network', 'time', 'uts', 'pid', 'ipc', 'cgroup']],
    ['--pid host', { pid: 'host' as const }, ['mount', 'network', 'time', 'uts', 'ipc', 'cgroup']],
    ['--userns host (no userns-remap: never a user namespace)', { userns: 'host' as const }, ['mount', 'network', 'time', 'uts', 'pid', 'ipc', 'cgroup']],
    ['--privileged', { privileged: true }, ['mount', 'network', 'time', 'uts', 'pid', 'ipc', 'cgroup']],
  ])('%s', (_flag, over, types) => {
    expect(specOf(over).linux.namespaces.map((n) => n.type)).toEqual(types);
  });

  it.each([
    [[5, 4] as const, false], [[5, 6] as const, true], [[6, 8] as const, true],
  ])('on a %j kernel the time namespace is there: %s (kernel 5.6 brought it)', (kernel, present) => {
    expect(specOf({}, { kernel }).linux.namespaces.some((n) => n.type === 'time')).toBe(present);
  });

  it.each([
    ['bridge', { network: 'bridge' as const }, 2],
    ['none', { network: 'none' as const }, 2],
    ['host', { network: 'host' as const }, 0],
  ])('--network %s sets %i network sysctls', (_mode, over, count) => {
    expect(Object.keys(specOf(over).linux.sysctl ?? {})).toHaveLength(count);
  });

  it('--network host takes the host\'s hostname, --hostname wins over both', () => {
    expect(specOf({ network: 'host' }).hostname).toBe('lab-host');
    expect(specOf({ network: 'host', hostname: 'web' }).hostname).toBe('web');
    expect(specOf({ hostname: 'web' }).process.env).toContain('HOSTNAME=web');
  });
});

describe('dockerSpec: --privileged', () => {
  const spec = specOf({ privileged: true });

  it('gets every capability the kernel has (41)', () => {
    expect(spec.process.capabilities?.bounding).toEqual([...ALL_CAPS]);
    expect(spec.process.capabilities?.bounding).toHaveLength(41);
  });

  it.each([
    ['no seccomp filter', spec.linux.seccomp, undefined],
    ['no masked paths', spec.linux.maskedPaths, undefined],
    ['no read-only paths', spec.linux.readonlyPaths, undefined],
    ['AppArmor unconfined', spec.process.apparmorProfile, 'unconfined'],
    ['/sys read-write', spec.mounts.find((m) => m.destination === '/sys')?.options, ['nosuid', 'noexec', 'nodev']],
    ['cgroupfs read-write', spec.mounts.find((m) => m.destination === '/sys/fs/cgroup')?.options, ['nosuid', 'noexec', 'nodev']],
    ['allow-all appended to the device rules', spec.linux.resources?.devices?.at(-1), { allow: true, access: 'rwm' }],
  ])('%s', (_what, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each([
    ['/dev/sda', 'b', 8, 0, 0o660, 6],
    ['/dev/sda1', 'b', 8, 1, 0o660, 6],
    ['/dev/null', 'c', 1, 3, 0o666, 0],
    ['/dev/mem', 'c', 1, 1, 0o640, 15],
  ])('lists the host device %s (%s %i:%i)', (path, type, major, minor, fileMode, gid) => {
    expect(spec.linux.devices).toContainEqual({ path, type, major, minor, fileMode, uid: 0, gid });
  });

  it('skips /dev/console as containerd does, and lists the rest in name order', () => {
    const paths = spec.linux.devices?.map((d) => d.path) ?? [];
    expect(paths).not.toContain('/dev/console');
    expect(paths).toEqual([...paths].sort());
  });

  it('keeps a seccomp profile that is given explicitly', () => {
    const profile = parseSeccompProfile('{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["reboot"],"action":"SCMP_ACT_ERRNO"}]}');
    if (!profile.ok) throw new Error(profile.message);
    const s = specOf({ privileged: true, seccomp: { type: 'profile', path: 'p.json' } }, { seccompProfile: profile.profile });
    expect(s.linux.seccomp).toEqual({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['reboot'], action: 'SCMP_ACT_ERRNO' }] });
  });
});

describe('dockerSpec: security options, root and volumes', () => {
  it.each([
    ['seccomp=unconfined', { seccomp: { type: 'unconfined' as const } }, (s: ReturnType<typeof specOf>) => s.linux.seccomp, undefined],
    ['no-new-privileges', { noNewPrivileges: true }, (s: ReturnType<typeof specOf>) => s.process.noNewPrivileges, true],
    ['--read-only', { readOnly: true }, (s: ReturnType<typeof specOf>) => s.root.readonly, true],
    ['-t', { tty: true }, (s: ReturnType<typeof specOf>) => [s.process.terminal, s.process.env.at(-1)], [true, 'TERM=xterm']],
  ])('%s', (_flag, over, pick, expected) => {
    expect(pick(specOf(over))).toEqual(expected);
  });

  it('--read-only makes the container\'s own files read-only binds (rro) and leaves /proc and /dev alone', () => {
    const s = specOf({ readOnly: true });
    expect(s.mounts.find((m) => m.destination === '/etc/hosts')?.options).toEqual(['rbind', 'rro', 'rprivate']);
    expect(s.mounts.find((m) => m.destination === '/proc')?.options).toEqual(['nosuid', 'noexec', 'nodev']);
    expect(s.mounts.find((m) => m.destination === '/dev/shm')?.options).not.toContain('ro');
  });

  it.each([
    ['-v /srv/data:/data', { host: '/srv/data', container: '/data', readOnly: false }, {}, ['rbind', 'rprivate']],
    ['-v /srv/data:/data:ro', { host: '/srv/data', container: '/data', readOnly: true }, {}, ['rbind', 'rro', 'rprivate']],
    ['-v …:ro on a runtime without rro', { host: '/srv/data', container: '/data', readOnly: true }, { recursiveReadOnly: false }, ['rbind', 'ro', 'rprivate']],
  ])('%s is a bind mount with %j', (_flag, volume, ctx, options) => {
    const s = specOf({ volumes: [volume] }, ctx);
    expect(s.mounts.find((m) => m.destination === '/data')).toEqual({ destination: '/data', type: 'bind', source: '/srv/data', options });
  });

  it('sorts the container\'s mounts by depth after the defaults, and a volume on /dev/shm replaces the default', () => {
    const s = specOf({ volumes: [
      { host: '/a', container: '/x/y/z', readOnly: false }, { host: '/b', container: '/data', readOnly: false },
      { host: '/c', container: '/dev/shm', readOnly: false },
    ] });
    expect(s.mounts.map((m) => m.destination)).toEqual([
      '/proc', '/dev', '/dev/pts', '/sys', '/sys/fs/cgroup', '/dev/mqueue',
      '/data', '/dev/shm', '/etc/resolv.conf', '/etc/hostname', '/etc/hosts', '/x/y/z',
    ]);
    expect(s.mounts.filter((m) => m.destination === '/dev/shm')).toHaveLength(1);
  });
});

describe('dockerSpec: the program, its user and its errors', () => {
  it.each([
    ['the image CMD', {}, {}, ['bash']],
    ['the command typed after the image', { command: ['sleep', '1'] }, {}, ['sleep', '1']],
    ['entrypoint then CMD', {}, { image: { env: [], cmd: ['-g', 'daemon off;'], entrypoint: ['nginx'], user: '', workingDir: '/srv' } }, ['nginx', '-g', 'daemon off;']],
  ])('args: %s', (_what, over, ctx, args) => {
    expect(specOf(over, ctx).process.args).toEqual(args);
  });

  it.each([
    ['(image default)', undefined, { uid: 0, gid: 0, additionalGids: [0] }],
    ['nobody', 'nobody', { uid: 65534, gid: 65534, additionalGids: [65534] }],
    ['1000:1000', '1000:1000', { uid: 1000, gid: 1000, additionalGids: [1000] }],
    ['1000 (found in passwd: its gid)', '1000', { uid: 1000, gid: 1000, additionalGids: [1000] }],
    ['4242 (not in passwd: gid 0)', '4242', { uid: 4242, gid: 0, additionalGids: [0] }],
    ['nobody:tty', 'nobody:tty', { uid: 65534, gid: 5, additionalGids: [5] }],
  ])('--user %s', (_what, user, expected) => {
    expect(specOf(user === undefined ? {} : { user }).process.user).toEqual(expected);
  });

  it.each([
    ['--user ghost', { user: 'ghost' }, 'unable to find user ghost: no matching entries in passwd file'],
    ['--user nobody:ghosts', { user: 'nobody:ghosts' }, 'unable to find group ghosts: no matching entries in group file'],
    ['--user -1', { user: '-1' }, 'uids and gids must be in range 0-2147483647'],
    ['--cap-add FOO', { capAdd: ['FOO'] }, 'invalid CapAdd: unknown capability: "CAP_FOO"'],
    ['--cap-drop cap_bar', { capDrop: ['cap_bar'] }, 'invalid CapDrop: unknown capability: "CAP_BAR"'],
    ['--memory 4m', { resources: { memory: '4m' } }, 'Minimum memory limit allowed is 6MB'],
    ['--cpus 99', { resources: { cpus: '99' } }, 'Range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available'],
    ['no command at all', { command: [] as string[] }, 'no command specified'],
  ])('%s is refused: %s', (_flag, over, reason) => {
    const ctx = _flag === 'no command at all' ? { image: { env: [], cmd: [], entrypoint: [], user: '', workingDir: '' } } : {};
    expect(run(over, ctx)).toEqual({ ok: false, errno: 'EINVAL', reason });
  });

  it('refuses a profile the caller did not parse', () => {
    const r = run({ seccomp: { type: 'profile', path: '/tmp/p.json' } });
    expect(r).toMatchObject({ ok: false, errno: 'EINVAL', reason: expect.stringContaining('opening seccomp profile (/tmp/p.json) failed') });
  });
});

describe('dockerSpec: resources', () => {
  it.each([
    ['--memory 64m', { memory: '64m' }, {}, { memory: { limit: 67108864, swap: 134217728 } }],
    ['--memory 64m without swap accounting', { memory: '64m' }, { swapLimit: false }, { memory: { limit: 67108864 } }],
    ['--cpus 0.5', { cpus: '0.5' }, {}, { cpu: { quota: 50000, period: 100000 } }],
    ['--cpus 1.5', { cpus: '1.5' }, {}, { cpu: { quota: 150000, period: 100000 } }],
    ['--pids-limit 10', { pidsLimit: '10' }, {}, { pids: { limit: 10 } }],
    ['--pids-limit 0 (unlimited: -1)', { pidsLimit: '0' }, {}, { pids: { limit: -1 } }],
    ['--pids-limit -5 (unlimited: -1)', { pidsLimit: '-5' }, {}, { pids: { limit: -1 } }],
  ])('%s', (_flag, resources, ctx, expected) => {
    expect(specOf({ resources }, ctx).linux.resources).toMatchObject(expected);
  });
});
