import type { SurfaceRow } from '../runtime/types.ts';
import { syscallByName } from '../syscalls/catalogue.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { StaticClassifier, StaticOutcome, SyscallVerdict } from '../trace.ts';
import { mmapRefusal, resolveRoute } from './libosCalls.ts';
import { allRoutes, type LibOsRoute } from './libosRoutes.ts';
import { tenderProcess, tenderSurface, type TenderKind } from './tender.ts';

/**
 * How the library OS treats each syscall taken alone: the same for Nabla and
 * for the unikernel under hvt, since the tender never sees the program's
 * calls (only the libOS's Solo5 I/O reaches it). clone/clone3 depend on
 * CLONE_THREAD, mmap on MAP_FIXED and on mapping a file writable.
 */
const ARG_DEPENDENT = new Set(['clone', 'clone3', 'mmap']);

function verdictOf(number: number, name: string, route: LibOsRoute): SyscallVerdict {
  const base = { number, name };
  if (ARG_DEPENDENT.has(name)) return { ...base, verdict: 'conditional', errno: null, handledBy: 'libos' };
  switch (route.type) {
    case 'stub': return { ...base, verdict: 'deny', errno: route.errno, handledBy: 'libc' };
    case 'missing': return { ...base, verdict: 'deny', errno: 'ENOSYS', handledBy: 'libos' };
    case 'own': return route.impl === 'sigqueueinfo' ? { ...base, verdict: 'deny', errno: 'EPERM', handledBy: 'libos' } : { ...base, verdict: 'allow', errno: null, handledBy: 'libos' };
    default: return { ...base, verdict: 'allow', errno: null, handledBy: 'libos' };
  }
}

export function libosVerdicts(): SyscallVerdict[] {
  return allRoutes().map((r) => verdictOf(r.number, r.name, r.route));
}

function outcomeOf(name: string, route: LibOsRoute): StaticOutcome {
  switch (route.type) {
    case 'stub': return { allowed: false, errno: route.errno, layer: 'libc', reason: `rumprun: ${route.reason}` };
    case 'missing': return { allowed: false, errno: 'ENOSYS', layer: 'libos', reason: `libOS: ${route.reason}` };
    case 'own':
      if (route.impl === 'sigqueueinfo') return { allowed: false, errno: 'EPERM', layer: 'libos', reason: 'rumprun refuses to queue a signal' };
      return { allowed: true, errno: null, layer: 'libos', reason: `${route.by === 'rump' ? 'the rump kernel' : 'rumprun'} answers ${name} itself (${route.netbsd})` };
    default: return { allowed: true, errno: null, layer: 'libos', reason: `the rump kernel serves ${name} (NetBSD's ${route.type === 'rumpKernel' ? route.netbsd : name})` };
  }
}

/** The strace-replay classifier: arguments are read only for clone, clone3 and mmap. */
export const libosClassify: StaticClassifier = (name, args) => {
  if (!syscallByName(name)) return { allowed: false, errno: 'ENOSYS', layer: 'libos', reason: `${name} is not an x86_64 syscall, and the libOS has no such function` };
  if (!ARG_DEPENDENT.has(name)) return outcomeOf(name, resolveRoute({ name, args: [] }));
  const call: SyscallCall = { name, args: [...args()] };
  const refused = mmapRefusal(call);
  if (refused) return { allowed: false, errno: refused.errno, layer: 'libos', reason: `rumprun: ${refused.why}` };
  return outcomeOf(name, resolveRoute(call));
};

export const libosArgDependent = (name: string): boolean => ARG_DEPENDENT.has(name);

/** The host syscalls reachable through the tender, and through which process. */
export function libosSurface(kind: TenderKind): SurfaceRow[] {
  const label = tenderProcess(kind).label;
  return tenderSurface(kind).map((r) => ({ number: syscallByName(r.name)?.number ?? -1, name: r.name, processes: [label], argFiltered: r.argFiltered }));
}
