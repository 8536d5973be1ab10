import { describe, expect, it } from 'vitest';
import { boot as session, call } from '../runtime/sessions.ts';

const MKNOD_SDA = 'mknod("/tmp/sda", S_IFBLK|0600, makedev(0x8, 0))';
const OPEN_SDA = 'openat(AT_FDCWD, "/tmp/sda", O_RDONLY)';

describe('the device cgroup: Docker lets a container make device nodes but open only the standard ones', () => {
  it.each([
    ['runc: mknod of /dev/sda\'s numbers succeeds (CAP_MKNOD, and the device cgroup allows b *:* m)', 'runc', [MKNOD_SDA], 0, null, null],
    ['runc: opening that node is refused by the device cgroup (EPERM), not by the file mode', 'runc', [MKNOD_SDA, OPEN_SDA], -1, 'EPERM', 'vfs'],
    ['runc: /dev/null is on the allow-list', 'runc', ['openat(AT_FDCWD, "/dev/null", O_RDWR)'], 3, null, null],
    ['runc: the host disk is not in the container\'s /dev at all', 'runc', ['openat(AT_FDCWD, "/dev/sda", O_RDONLY)'], -1, 'ENOENT', 'vfs'],
    ['host: root opens the disk', 'host', ['openat(AT_FDCWD, "/dev/sda", O_RDONLY)'], 3, null, null],
    ['host: a node made on the host opens too (no device filter)', 'host', [MKNOD_SDA, OPEN_SDA], 3, null, null],
  ] as const)('%s', (_what, rt, lines, retval, errno, deniedBy) => {
    const c = call(session(rt), ...lines);
    expect([c.retval, c.errno, c.deniedBy]).toEqual([retval, errno, deniedBy]);
    if (errno === 'EPERM') expect(c.reason).toMatch(/device cgroup .* does not let its tasks read b 8:0/);
  });

  it('a process without CAP_MKNOD cannot make a device node (capabilities layer)', () => {
    const s = session('host');
    const p = s.world.procs[s.pid];
    if (!p) throw new Error('no shell');
    const weak = { ...s, world: { ...s.world, procs: { ...s.world.procs, [p.pid]: { ...p, cred: { ...p.cred, effective: [], permitted: [] } } } } };
    const c = call(weak, MKNOD_SDA);
    expect([c.errno, c.deniedBy]).toEqual(['EPERM', 'capabilities']);
  });
});
