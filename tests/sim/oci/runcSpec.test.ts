import { describe, expect, it } from 'vitest';
import { runcSpec } from '../../../src/sim/oci/runcSpec.ts';

/**
 * `runc spec` and `runc spec --rootless`, field by field, as
 * opencontainers/runc libcontainer/specconv/example.go (Example, ToRootless)
 * builds them on a cgroup v2 host.
 */
describe('runc spec', () => {
  const spec = runcSpec();

  it.each([
    ['ociVersion', spec.ociVersion, '1.3.0'],
    ['root', spec.root, { path: 'rootfs', readonly: true }],
    ['hostname', spec.hostname, 'runc'],
    ['process.terminal', spec.process.terminal, true],
    ['process.user', spec.process.user, { uid: 0, gid: 0 }],
    ['process.args', spec.process.args, ['sh']],
    ['process.env', spec.process.env, ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'TERM=xterm']],
    ['process.cwd', spec.process.cwd, '/'],
    ['process.noNewPrivileges', spec.process.noNewPrivileges, true],
    ['process.rlimits', spec.process.rlimits, [{ type: 'RLIMIT_NOFILE', hard: 1024, soft: 1024 }]],
    ['process.capabilities', spec.process.capabilities, {
      bounding: ['CAP_AUDIT_WRITE', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
      effective: ['CAP_AUDIT_WRITE', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
      permitted: ['CAP_AUDIT_WRITE', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
    }],
    ['linux.namespaces', spec.linux.namespaces.map((n) => n.type), ['pid', 'network', 'ipc', 'uts', 'mount', 'cgroup']],
    ['linux.resources', spec.linux.resources, { devices: [{ allow: false, access: 'rwm' }] }],
    ['linux.maskedPaths', spec.linux.maskedPaths, [
      '/proc/acpi', '/proc/asound', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list',
      '/proc/timer_stats', '/proc/sched_debug', '/sys/firmware', '/proc/scsi',
    ]],
    ['linux.readonlyPaths', spec.linux.readonlyPaths, ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger']],
    ['linux.seccomp', spec.linux.seccomp, undefined],
    ['linux.uidMappings', spec.linux.uidMappings, undefined],
  ])('%s', (_field, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each([
    ['/proc', 'proc', 'proc', undefined],
    ['/dev', 'tmpfs', 'tmpfs', ['nosuid', 'strictatime', 'mode=755', 'size=65536k']],
    ['/dev/pts', 'devpts', 'devpts', ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5']],
    ['/dev/shm', 'tmpfs', 'shm', ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k']],
    ['/dev/mqueue', 'mqueue', 'mqueue', ['nosuid', 'noexec', 'nodev']],
    ['/sys', 'sysfs', 'sysfs', ['nosuid', 'noexec', 'nodev', 'ro']],
    ['/sys/fs/cgroup', 'cgroup', 'cgroup', ['nosuid', 'noexec', 'nodev', 'relatime', 'ro']],
  ])('mount %s is %s from %s with %j', (destination, type, source, options) => {
    const index = spec.mounts.findIndex((m) => m.destination === destination);
    expect(spec.mounts[index]).toEqual({ destination, type, source, ...(options ? { options } : {}) });
  });

  it('lists the mounts in runc\'s order', () => {
    expect(spec.mounts.map((m) => m.destination)).toEqual(['/proc', '/dev', '/dev/pts', '/dev/shm', '/dev/mqueue', '/sys', '/sys/fs/cgroup']);
  });
});

describe('runc spec --rootless', () => {
  const spec = runcSpec({ rootless: true });

  it.each([
    ['linux.namespaces', spec.linux.namespaces.map((n) => n.type), ['pid', 'ipc', 'uts', 'mount', 'cgroup', 'user']],
    ['linux.uidMappings', spec.linux.uidMappings, [{ containerID: 0, hostID: 1000, size: 1 }]],
    ['linux.gidMappings', spec.linux.gidMappings, [{ containerID: 0, hostID: 1000, size: 1 }]],
    ['linux.resources', spec.linux.resources, undefined],
    ['the /sys mount', spec.mounts.find((m) => m.destination === '/sys'), { destination: '/sys', type: 'none', source: '/sys', options: ['rbind', 'nosuid', 'noexec', 'nodev', 'ro'] }],
    ['the /dev/pts options (no gid=)', spec.mounts.find((m) => m.destination === '/dev/pts')?.options, ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620']],
    ['the /proc mount', spec.mounts[0], { destination: '/proc', type: 'proc', source: 'proc' }],
  ])('%s', (_field, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('maps root to whoever runs it', () => {
    expect(runcSpec({ rootless: true, uid: 1234, gid: 99 }).linux.uidMappings).toEqual([{ containerID: 0, hostID: 1234, size: 1 }]);
    expect(runcSpec({ rootless: true, uid: 1234, gid: 99 }).linux.gidMappings).toEqual([{ containerID: 0, hostID: 99, size: 1 }]);
  });

  it('does not change the plain spec', () => {
    runcSpec({ rootless: true });
    expect(runcSpec().linux.namespaces).toHaveLength(6);
  });
});
