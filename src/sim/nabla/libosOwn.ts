import type { World } from '../kernel/world.ts';
import { argIsNull, argNumber } from '../syscalls/argValue.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { NABLA_COST } from './costs.ts';
import { consoleText, sleepIo, type IoPlan } from './libosIo.ts';
import type { LibOsRoute, OwnImpl } from './libosRoutes.ts';
import { hop, printOnce, timespecNs, type LibOsResult } from './libosUtil.ts';
import { LIBOS_KERNEL } from './libosWorld.ts';

/**
 * Calls the libOS answers with its own code rather than the rump kernel's
 * ordinary syscall work (see libosTable.ts LIBOS_OWN for the list and sources).
 */
type Own = Extract<LibOsRoute, { type: 'own' }>;

interface Answer { retval: number; errno?: 'EAGAIN' | 'EPERM' | 'EFAULT'; note: string; io?: IoPlan; world?: World; data?: string; outArgs?: Record<number, string>; halts?: boolean }

const warn = (world: World, fn: string) => printOnce(world, `rumprun: call to \`\`${fn}'' ignored`);

function signals(impl: OwnImpl, world: World, call: SyscallCall): Answer | null {
  switch (impl) {
    case 'sigaction': {
      const act = call.args[1];
      const ignoring = !act || argIsNull(act) || act.text.includes('SIG_IGN');
      const w = ignoring ? { world, io: [] } : warn(world, 'sigaction');
      return { retval: 0, note: 'rumprun records nothing and returns 0: no signal will ever reach a handler (it prints a warning the first time a handler is set)', ...w };
    }
    case 'sigmaskZero': {
      const w = warn(world, call.name === 'rt_sigpending' ? 'sigpending' : '_sys___sigprocmask14');
      return { retval: 0, note: 'rumprun ignores the mask and reports an empty set, warning once on the console', ...w };
    }
    case 'sigtimedwait':
      return { retval: -1, errno: 'EAGAIN', note: 'rumprun parks the thread until the timeout (_lwp_park) and fails with EAGAIN: no signal ever arrives', io: sleepIo(world.timeNs + timespecNs(call.args[2])) };
    case 'sigqueueinfo': {
      const w = warn(world, 'sigqueueinfo');
      return { retval: -1, errno: 'EPERM', note: 'rumprun refuses to queue a signal (EPERM), warning once', ...w };
    }
    default: return null;
  }
}

function exitText(status: number): string {
  return `\n=== ${status === 0 ? '' : 'ERROR: '}_exit(${status}) called ===\nhalted\n`;
}

function lifecycle(impl: OwnImpl, world: World, call: SyscallCall): Answer | null {
  switch (impl) {
    case 'exit': {
      const status = call.args[0] ? argNumber(call.args[0]) ?? 0 : 0;
      return { retval: 0, halts: true, io: consoleText(exitText(status)), note: `rumprun's _exit prints "=== _exit(${status}) called ===" and ends the program's thread; with no program left, rumprun reboots the rump kernel and bmk_platform_halt() prints "halted" and calls solo5_exit(SOLO5_EXIT_SUCCESS): the tender's exit status is 0 whatever the program's was` };
    }
    case 'reboot':
      return { retval: 0, halts: true, io: consoleText('halted\n'), note: 'The rump kernel halts: rumpuser_exit() → bmk_platform_halt() prints "halted" and calls solo5_exit(SOLO5_EXIT_SUCCESS): rebooting a unikernel ends it' };
    case 'thread':
      return { retval: world.nextPid, world: { ...world, nextPid: world.nextPid + 1 }, note: `pthread_create → rumprun_makelwp(): a new thread (lwp ${world.nextPid}) in rumprun's own scheduler, in the same address space; no host call (the lab does not run it)` };
    case 'sleep': {
      const at = call.name === 'clock_nanosleep' ? call.args[2] : call.args[0];
      if (!at || argIsNull(at)) return { retval: -1, errno: 'EFAULT', note: 'The rump kernel cannot copy in a NULL timespec (copyin fails): EFAULT' };
      return { retval: 0, io: sleepIo(world.timeNs + timespecNs(at)), note: 'The rump kernel puts the thread to sleep; rumprun\'s scheduler, with nothing else to run, reads the clock and blocks the whole unikernel in solo5_yield() until the deadline' };
    }
    default: return null;
  }
}

function utsText(world: World): string {
  const uts = Object.values(world.namespaces).find((n) => n.type === 'uts' && n.id === world.initNs.uts);
  const node = uts && uts.type === 'uts' ? uts.hostname : 'rumprun';
  return `{sysname="NetBSD", nodename="${node}", release="${world.kernel?.release ?? LIBOS_KERNEL.release}", version="${world.kernel?.version ?? LIBOS_KERNEL.version}", machine="amd64"}`;
}

function misc(impl: OwnImpl, world: World, pid: number): Answer | null {
  switch (impl) {
    case 'noop': return { retval: 0, note: 'rumprun\'s mprotect, mlock and friends are aliases of its madvise, which does nothing: there are no page protections to change in the one flat address space' };
    case 'yield': return { retval: 0, note: 'rumprun\'s scheduler switches to another runnable thread, if any (bmk_sched_yield); no host call' };
    case 'gettid': return { retval: pid, note: 'rumprun answers from its own thread table (_lwp_self); the lab gives the main thread the program\'s id' };
    case 'uname': {
      const text = utsText(world);
      return { retval: 0, data: text, outArgs: { 0: text }, note: 'libc\'s uname() reads kern.ostype, kern.hostname and kern.osrelease with __sysctl from the rump kernel: NetBSD, "rumprun" unless the config set a hostname' };
    }
    case 'getrusage': return { retval: 86, note: 'rumprun fills in made-up figures (1 s user, 1 s system, 1024 KiB) and returns ENOTSUP (86) instead of 0 ("XXX: wrong in many ways")' };
    default: return null;
  }
}

export function ownResult(world: World, pid: number, call: SyscallCall, route: Own): LibOsResult {
  const a = signals(route.impl, world, call) ?? lifecycle(route.impl, world, call) ?? misc(route.impl, world, pid);
  if (!a) throw new Error(`no libOS implementation for ${route.impl}`);
  const who = route.by === 'rump' ? `The rump kernel's ${route.netbsd}` : `rumprun's ${route.netbsd}`;
  const errno = a.errno ?? null;
  return {
    hops: [hop('libos', `libos.${route.by}`, errno ? 'deny' : 'handled', `${who}: ${a.note}`, NABLA_COST.rumprunStub)],
    outcome: { retval: a.retval, errno, deniedBy: errno ? 'libos' : null, reason: errno ? `${route.by === 'rump' ? 'rump kernel' : 'rumprun'}: ${call.name} ${errno === 'EAGAIN' ? 'times out' : errno === 'EFAULT' ? 'has a bad address' : 'is refused'}` : null, data: a.data, outArgs: a.outArgs },
    // Halting ends in solo5_exit(SOLO5_EXIT_SUCCESS): the tender's exit status is 0 whatever the program's was.
    world: a.world ?? world, io: [...(a.io ?? []), ...(a.halts ? [{ type: 'exit' as const, status: 0 }] : [])], halts: a.halts ? { status: 0 } : undefined,
  };
}
