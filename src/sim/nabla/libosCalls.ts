import type { World } from '../kernel/world.ts';
import { argNumber } from '../syscalls/argValue.ts';
import { inAbiOrder } from '../syscalls/abiOrder.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { NABLA_COST } from './costs.ts';
import { consoleText } from './libosIo.ts';
import { libosRoute, NETBSD_ENOTSUP, type LibOsRoute } from './libosRoutes.ts';
import { hop, printOnce, type LibOsResult } from './libosUtil.ts';

/**
 * The library OS's answers that are not the rump kernel's ordinary work:
 * rumprun's libc stubs (fork, execve…), calls the unikernel lacks (ENOSYS),
 * and the calls rumprun implements itself (signals it ignores, threads in its
 * own scheduler, exit that halts the whole unikernel).
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/libc_stubs.c
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/signals.c
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/syscall_misc.c
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/platform/solo5/kernel.c (bmk_platform_halt: "halted", solo5_exit(SOLO5_EXIT_SUCCESS))
 */
const CLONE_THREAD = 0x10000;

/** clone's flags, or clone3's `flags=` field: a thread or a new process? */
function cloneFlags(call: SyscallCall): number {
  const first = inAbiOrder(call.name, call.args)[0];
  if (!first) return 0;
  if (first.type === 'struct') {
    const f = first.fields.find((x) => x.key === 'flags');
    return f ? argNumber(f.value) ?? 0 : 0;
  }
  return argNumber(first) ?? 0;
}

/** The route for this very call: clone and clone3 by their flags, the rest by name. */
export function resolveRoute(call: SyscallCall): LibOsRoute {
  const route = libosRoute(call.name);
  if (route.type !== 'cloneKind') return route;
  if ((cloneFlags(call) & CLONE_THREAD) !== 0) return { type: 'own', netbsd: '_lwp_create (pthread_create)', impl: 'thread', by: 'rumprun' };
  return { type: 'stub', netbsd: '__fork', retval: NETBSD_ENOTSUP, errno: 'EOPNOTSUPP', reason: `${call.name} without CLONE_THREAD asks for a new process: a unikernel is a single process, so this is fork, which rumprun's libc stubs (__fork: errno ENOTSUP, returns 86)` };
}

export function stubResult(world: World, call: SyscallCall, route: Extract<LibOsRoute, { type: 'stub' }>): LibOsResult {
  const bogus = route.retval !== -1;
  const note = `rumprun's libc answers ${call.name}() itself: ${route.reason}${bogus ? `; a caller that checks for -1 sees ${route.retval} and carries on` : ''}`;
  const printed = route.netbsd === 'execve' ? { world, io: consoleText('execve not implemented\n') } : printOnce(world, `STUB \`\`${route.netbsd}'' called`);
  return {
    hops: [hop('libc', 'stubbed', 'deny', note, NABLA_COST.rumprunStub)],
    outcome: { retval: route.retval, errno: route.errno, deniedBy: 'libc', reason: `rumprun: ${route.reason}` },
    world: printed.world, io: printed.io,
  };
}

export function missingResult(world: World, call: SyscallCall, route: Extract<LibOsRoute, { type: 'missing' }>): LibOsResult {
  return {
    hops: [hop('libos', 'notSupported', 'deny', `The unikernel has no ${call.name}: ${route.reason}. The program gets ENOSYS`, NABLA_COST.rumprunStub)],
    outcome: { retval: -1, errno: 'ENOSYS', deniedBy: 'libos', reason: `libOS: ${route.reason}` },
    world, io: [],
  };
}

const MAP_FIXED = 0x10;
const PROT_READ = 0x1;

/**
 * Calls the rump kernel has but refuses for some arguments before any work:
 * rumprun's mmap (librumpkern_mman) will not place a mapping at a fixed
 * address ("we're not going to even try": ENOMEM) and maps files read-only
 * only (EOPNOTSUPP). mmapRefusal says why (null: go on to the rump kernel's work).
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumpkern_mman/sys_mman.c
 */
export function mmapRefusal(call: SyscallCall): { errno: 'ENOMEM' | 'EOPNOTSUPP'; why: string } | null {
  if (call.name !== 'mmap') return null;
  const arg = (i: number) => (call.args[i] ? argNumber(call.args[i]) : undefined);
  const flags = arg(3) ?? 0;
  const fd = arg(4) ?? -1;
  const prot = arg(2) ?? 0;
  if ((flags & MAP_FIXED) !== 0) return { errno: 'ENOMEM', why: 'rumprun\'s mmap does not do MAP_FIXED ("we\'re not going to even try"): ENOMEM' };
  if (fd !== -1 && prot !== PROT_READ) return { errno: 'EOPNOTSUPP', why: 'rumprun maps a file only with PROT_READ (it copies the file in; there is no page cache to share): EOPNOTSUPP' };
  return null;
}

export function libosRefusal(world: World, call: SyscallCall): LibOsResult | null {
  const refusal = mmapRefusal(call);
  if (!refusal) return null;
  return {
    hops: [hop('libos', 'libos.rumprun', 'deny', `rumprun's mmap refuses: ${refusal.why}`, NABLA_COST.rumprunStub)],
    outcome: { retval: -1, errno: refusal.errno, deniedBy: 'libos', reason: `rumprun: ${refusal.why}` },
    world, io: [],
  };
}
