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

const PROT_WRITE = 0x2;
const MAP_SHARED = 0x1;
const MAP_NORESERVE = 0x4000;
/** TASK_SIZE on x86_64 with 4-level page tables: 128 TiB less a guard page (arch/x86/include/asm/page_64_types.h). */
const TASK_SIZE = 2 ** 47 - 4096;

/**
 * Anonymous memory asked for at once (MAP_POPULATE): charged to the cgroup by
 * the call itself. Only a writable private mapping is charged: populating a
 * read-only one faults in the shared zero page (mm/memory.c do_anonymous_page,
 * mm/gup.c populate_vma_page_range asks for write faults only on VM_WRITE).
 */
function populates(c: CallContext): boolean {
  const flags = num(c, 3) ?? 0;
  const prot = num(c, 2) ?? 0;
  return (flags & MAP_ANONYMOUS) !== 0 && (flags & MAP_POPULATE) !== 0 && (prot & PROT_WRITE) !== 0 && !refusal(c);
}

/**
 * Why mmap refuses the length before any page is touched, if it does:
 * longer than the address space (get_unmapped_area: len > TASK_SIZE), or a
 * private writable mapping bigger than RAM plus swap (the lab's host has no
 * swap), which the default heuristic overcommit refuses
 * (vm.overcommit_memory=0: mm/util.c __vm_enough_memory, mm/mmap.c accountable_mapping).
 * @see Documentation/mm/overcommit-accounting.rst
 */
function refusal(c: CallContext): string | null {
  const len = num(c, 1) ?? 0;
  const prot = num(c, 2) ?? 0;
  const flags = num(c, 3) ?? 0;
  if (len > TASK_SIZE) return `${len} bytes are more than the ${TASK_SIZE}-byte user address space`;
  const accountable = (prot & PROT_WRITE) !== 0 && (flags & (MAP_SHARED | MAP_NORESERVE)) === 0;
  const ram = c.world.cgroups.ramBytes;
  return accountable && len > ram ? `${len} bytes of private writable memory are more than the machine's ${ram} bytes of RAM and swap: the heuristic overcommit check refuses it` : null;
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
      const refused = refusal(c);
      if (refused) return failed(c, 'ENOMEM', refused, 'kernel: mmap cannot reserve that much memory');
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
