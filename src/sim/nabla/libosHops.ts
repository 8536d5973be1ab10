import type { World } from '../kernel/world.ts';
import { syscallByName } from '../syscalls/catalogue.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { DispatchOutcome } from '../kernel/dispatch.ts';
import type { Hop } from '../trace.ts';
import { NABLA_COST } from './costs.ts';
import type { LibOsRoute } from './libosRoutes.ts';

/**
 * The hops of a call's trip through the library OS that are not device I/O:
 * the program's call, the libc wrapper, the entry into the rump kernel, the
 * rump kernel's work (the lab's kernel model run on the libOS's world,
 * relabelled), and the return.
 */
export function appHop(world: World, pid: number, call: SyscallCall): Hop {
  const comm = world.procs[pid]?.comm ?? 'the program';
  return { layer: 'app', state: 'userSpace', verdict: 'pass', note: `${comm} calls ${call.name}(): its libc and its kernel are linked into the same unikernel image, one address space`, costNs: NABLA_COST.appCall.ns, source: NABLA_COST.appCall.source };
}

export function libcHop(call: SyscallCall, route: LibOsRoute): Hop {
  const netbsd = route.type === 'rumpKernel' || route.type === 'own' ? route.netbsd : call.name;
  if (route.type === 'stub') return { layer: 'libc', state: 'libc', verdict: 'pass', note: `NetBSD's libc, as rumprun builds it, has ${call.name}() as one of rumprun's stubs (libc_stubs.c): no kernel is asked`, costNs: 0, source: 'estimate' };
  const note = route.type === 'own' && route.by === 'rumprun'
    ? `NetBSD's libc, as rumprun builds it, reaches rumprun's own ${netbsd}: a function call, no syscall instruction`
    : `NetBSD's libc wrapper for ${netbsd} calls the rump kernel directly (rump_syscall): a function call, no syscall instruction, no privilege switch`;
  return { layer: 'libc', state: 'libc', verdict: 'pass', note, costNs: 0, source: 'estimate' };
}

export function libosEntryHop(call: SyscallCall, route: LibOsRoute): Hop {
  const base = { layer: 'libos', state: 'libos', verdict: 'pass' as const };
  if (route.type === 'missing') return { ...base, note: `The program's ${call.name} has nothing to reach: no entry in the rump kernel's syscall table (rump.sysmap), no function in rumprun`, costNs: NABLA_COST.appCall.ns, source: NABLA_COST.appCall.source };
  if (route.type === 'own' && route.by === 'rumprun') return { ...base, note: `rumprun's own ${route.netbsd} takes the call, without entering the rump kernel`, costNs: NABLA_COST.appCall.ns, source: NABLA_COST.appCall.source };
  return { ...base, note: `The rump kernel enters ${call.name}: it takes a rump virtual CPU and runs the NetBSD handler in the caller's thread`, costNs: NABLA_COST.libosEntry.ns, source: NABLA_COST.libosEntry.source };
}

const VFS_CATEGORIES = new Set(['file', 'fs-metadata', 'mount']);
/** The lab kernel's checks that mean nothing in a rump kernel with one root process: dropped unless they refuse. */
const LINUX_ONLY_STATES = new Set(['seccomp', 'handler.namespaces', 'handler.capabilities', 'handler.cgroups']);

/**
 * A hop of the lab's Linux kernel model, run on the libOS's world, as the rump
 * kernel's: Linux-only gates go (no seccomp, namespaces, capabilities or
 * cgroups in a rump kernel whose one process is root) unless they refused,
 * the VFS and the handler become the rump kernel's. The cost stays the lab's
 * figure for the same work in Linux, a proxy for NetBSD's.
 */
export function relabelInner(call: SyscallCall, netbsd: string) {
  const category = syscallByName(call.name)?.category ?? 'file';
  const workLayer = category === 'network' ? 'libos-net' : VFS_CATEGORIES.has(category) ? 'libos-vfs' : 'libos';
  return (h: Hop): Hop | null => {
    if (h.state && LINUX_ONLY_STATES.has(h.state) && h.verdict !== 'deny') return null;
    // The lab's VFS has no cd9660 type: the image is an inode filesystem it calls ext4; say what rumprun mounted.
    if (h.state === 'handler.vfs') return { ...h, layer: 'libos-vfs', state: 'libos.vfs', note: `NetBSD's VFS in the rump kernel: ${h.note.replace(/\bext4\b/g, 'cd9660 (the image)')}` };
    if (h.state === 'handler.execute') return { ...h, layer: workLayer, state: 'libos.execute', note: `The rump kernel's ${netbsd}: ${h.note} (cost: the lab's Linux figure, a proxy for NetBSD's)` };
    return { ...h, layer: 'libos', state: `libos.${h.state ?? 'check'}` };
  };
}

export function returnHop(outcome: DispatchOutcome | null): Hop {
  const base = { layer: 'libc', state: 'returning', costNs: NABLA_COST.libosReturn.ns, source: NABLA_COST.libosReturn.source };
  if (!outcome) return { ...base, verdict: 'pass', note: 'The call returns to the program as a function return' };
  if (outcome.errno) return { ...base, verdict: 'deny', note: `The function returns ${outcome.retval} with errno ${outcome.errno}: a plain return, no kernel exit` };
  return { ...base, verdict: 'pass', note: `The function returns ${outcome.retval} to the program: a plain return, no kernel exit` };
}
