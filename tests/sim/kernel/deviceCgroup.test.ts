import { describe, expect, it } from 'vitest';
import { runInput } from '../../../src/machines/runInput.ts';
import { findRuntime } from '../../../src/sim/runtime/registry.ts';
import type { Session } from '../../../src/sim/runtime/types.ts';

function session(id: 'host' | 'runc'): Session {
  const rt = findRuntime(id);
  if (!rt) throw new Error(id);
  return rt.boot();
}

/** Runs lines one after another in one session; returns the last line's first call. */
function runAll(s: Session, lines: string[]) {
  let cur = s;
  let last;
  for (const line of lines) {
    const r = runInput(cur, line);
    if (!r.ok) throw new Error(`${line}: ${r.message}`);
    cur = r.value.session;
    last = r.value.calls[0];
  }
  return last;
}

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
    const call = runAll(session(rt), [...lines]);
    expect([call?.retval, call?.errno, call?.deniedBy]).toEqual([retval, errno, deniedBy]);
    if (errno === 'EPERM') expect(call?.reason).toMatch(/device cgroup .* does not let its tasks read b 8:0/);
  });

  it('a process without CAP_MKNOD cannot make a device node (capabilities layer)', () => {
    const s = session('host');
    const p = s.world.procs[s.pid];
    if (!p) throw new Error('no shell');
    const weak = { ...s, world: { ...s.world, procs: { ...s.world.procs, [p.pid]: { ...p, cred: { ...p.cred, effective: [], permitted: [] } } } } };
    const call = runAll(weak, [MKNOD_SDA]);
    expect([call?.errno, call?.deniedBy]).toEqual(['EPERM', 'capabilities']);
  });
});
