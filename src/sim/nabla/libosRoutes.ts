import type { ErrnoName } from '../errno.ts';
import { allSyscalls, syscallByName } from '../syscalls/catalogue.ts';
import { LIBOS_MISSING, LIBOS_OWN, LIBOS_STUBS, NETBSD_NAMES } from './libosTable.ts';

/**
 * How the library OS answers each x86_64 syscall a program could make.
 *
 * The unikernel is rumprun: NetBSD's libc, whose syscall wrappers are plain
 * function calls into a rump kernel (NetBSD's own kernel code built as a
 * library: its syscall layer, VFS, file systems and TCP/IP), plus rumprun's
 * own code for what a rump kernel leaves to its host (threads, memory
 * mapping, signals). A Linux syscall name stands for what the program asks
 * for; the libOS either has that call (the rump kernel's, or rumprun's own),
 * has a stub that refuses it, or has nothing: ENOSYS.
 *
 * - `rumpKernel`: a syscall in the rump kernel's table (sys/rump/rump.sysmap)
 *   served by the linked components. The lab runs its Linux kernel model on
 *   the libOS's own world for the work (same semantics for these calls).
 * - `own`: answered by rumprun's code, or by the rump kernel differently from
 *   Linux (uname says NetBSD; exit halts the whole unikernel).
 * - `stub`: rumprun's libc_stubs.c: fork, vfork, execve, kill… set errno to
 *   ENOTSUP; most of them return ENOTSUP (86 on NetBSD) instead of -1.
 * - `missing`: no such call anywhere in the unikernel: ENOSYS, with the reason
 *   of its group (libosTable.ts).
 * - `cloneKind`: clone and clone3 are a thread (rumprun makes an lwp in its
 *   scheduler) or a new process (the fork stub), by their flags.
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/libc_stubs.c
 * @see https://github.com/rumpkernel-attic/rumpkernel-netbsd-src/blob/1a213b3ceb87c87600a50ad595d0925cc5162104/sys/rump/rump.sysmap
 */
export type OwnImpl =
  | 'noop' | 'sigaction' | 'sigmaskZero' | 'sigtimedwait' | 'sigqueueinfo' | 'yield' | 'gettid'
  | 'thread' | 'exit' | 'reboot' | 'uname' | 'getrusage' | 'sleep';

export type LibOsRoute =
  | { type: 'rumpKernel'; netbsd: string }
  | { type: 'own'; netbsd: string; impl: OwnImpl; by: 'rump' | 'rumprun' }
  | { type: 'stub'; netbsd: string; retval: number; errno: ErrnoName; reason: string }
  | { type: 'missing'; reason: string }
  | { type: 'cloneKind' };

/** The ENOTSUP rumprun's stubs set and (for most) return: NetBSD's ENOTSUP is 86; Linux names it EOPNOTSUPP. */
export const NETBSD_ENOTSUP = 86;

export function libosRoute(name: string): LibOsRoute {
  if (name === 'clone' || name === 'clone3') return { type: 'cloneKind' };
  const stub = LIBOS_STUBS[name];
  if (stub) return { type: 'stub', netbsd: stub.netbsd, retval: stub.returnsErrno ? NETBSD_ENOTSUP : -1, errno: 'EOPNOTSUPP', reason: stub.reason };
  const own = LIBOS_OWN[name];
  if (own) return { type: 'own', ...own };
  const missing = LIBOS_MISSING.get(name);
  if (missing !== undefined) return { type: 'missing', reason: missing };
  if (syscallByName(name)) return { type: 'rumpKernel', netbsd: NETBSD_NAMES[name] ?? name };
  return { type: 'missing', reason: `${name} is not an x86_64 syscall, and the libOS has no such function` };
}

/** Every x86_64 syscall's route, in number order (for verdict tables and tests). */
export function allRoutes(): { number: number; name: string; route: LibOsRoute }[] {
  return allSyscalls().map((s) => ({ number: s.number, name: s.name, route: libosRoute(s.name) }));
}
