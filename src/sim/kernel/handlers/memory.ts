import { chargeMemory } from '../cgroupBridge.ts';
import type { CallContext, SyscallHandler } from './types.ts';
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

/** Anonymous memory asked for at once (MAP_POPULATE): charged to the cgroup by the call itself. */
function populates(c: CallContext): boolean {
  const flags = num(c, 3) ?? 0;
  return (flags & MAP_ANONYMOUS) !== 0 && (flags & MAP_POPULATE) !== 0;
}

export const memoryHandlers: Record<string, SyscallHandler> = {
  mmap: {
    checks: {
      cgroups: (c) => {
        if (!populates(c)) return null;
        const r = chargeMemory(c.world, caller(c), num(c, 1) ?? 0, true);
        if (r.ok) return { ...pass(r.note), world: r.world };
        const killed = r.killedCaller ? { terminated: '+++ killed by SIGKILL +++' } : {};
        return { ...deny('ENOMEM', r.note, r.reason), world: r.world, ...killed };
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
      return done(c, addr, `Maps ${len} bytes at ${hex}, every page touched and charged to ${p.cgroup}`);
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
