import { chargeMemory } from '../cgroupBridge.ts';
import type { SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, withProc } from './util.ts';

/**
 * mmap and brk, as far as the memory controller sees them: anonymous memory is
 * charged to the caller's cgroup when its pages are touched. The lab charges
 * at mmap time when MAP_POPULATE asks for the pages at once, or for brk growth;
 * a plain mmap only reserves address space. Past memory.max the cgroup's OOM
 * killer picks a victim.
 * @see mmap(2), Documentation/admin-guide/cgroup-v2.rst "Memory"
 */
const MAP_ANONYMOUS = 0x20;
const MAP_POPULATE = 0x8000;
const MAP_FIXED = 0x10;
/** Where the lab puts the first mapping: a typical x86_64 mmap base. */
const MMAP_BASE = 0x7f0000000000;

export const memoryHandlers: Record<string, SyscallHandler> = {
  mmap: {
    checks: {
      cgroups: (c) => {
        const flags = num(c, 3) ?? 0;
        const len = num(c, 1) ?? 0;
        if (!(flags & MAP_ANONYMOUS) || !(flags & MAP_POPULATE)) return null;
        const r = chargeMemory(c.world, caller(c), len, false);
        return r.ok ? pass(r.note) : deny('ENOMEM', r.note, r.reason);
      },
    },
    execute: (c) => {
      const len = num(c, 1) ?? 0;
      const flags = num(c, 3) ?? 0;
      if (len <= 0) return failed(c, 'EINVAL', 'A mapping of length 0 is invalid', 'kernel: mmap length must be positive');
      const p = caller(c);
      const addr = flags & MAP_FIXED ? (num(c, 0) ?? MMAP_BASE) : MMAP_BASE + p.memBytes;
      const hex = `0x${addr.toString(16)}`;
      if (!(flags & MAP_ANONYMOUS) || !(flags & MAP_POPULATE)) {
        return done(c, addr, `Reserves ${len} bytes of address space at ${hex}; no page is charged until it is touched`, { annotation: '', simplified: !(flags & MAP_ANONYMOUS) });
      }
      const r = chargeMemory(c.world, p, len, true);
      if (r.ok) return done(c, addr, `${r.note}; the pages are mapped at ${hex}`, { world: r.world });
      if (r.killedCaller) return done(c, 0, r.note, { world: r.world, terminated: '+++ killed by SIGKILL +++' });
      return failed(c, 'ENOMEM', r.note, r.reason, { world: r.world });
    },
  },
  munmap: {
    execute: (c) => {
      const p = caller(c);
      const len = Math.min(num(c, 1) ?? 0, p.memBytes);
      return done(c, 0, `Unmaps ${len} bytes; their charge goes back to the cgroup`, { world: withProc(c.world, { ...p, memBytes: p.memBytes - len }), simplified: true });
    },
  },
};
