import { nsTypesInFlags, type NamespaceOf } from '../namespaces.ts';
import { COST } from '../costs.ts';
import { chargeFork } from '../cgroupBridge.ts';
import { pidSeenBy } from '../pidView.ts';
import type { Process } from '../process.ts';
import type { World } from '../world.ts';
import type { CallContext, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, withProc } from './util.ts';
import { enterNewNamespaces, flagNames, nsCreateCheck } from './unshare.ts';

/**
 * fork, vfork, clone and clone3: a new process, charged to the parent's cgroup
 * (pids.max refuses it with EAGAIN), born in the parent's namespaces or in new
 * ones the flags ask for, and given a pid in every pid namespace from its own
 * up to the initial one.
 * @see clone(2), kernel/fork.c copy_process(), kernel/cgroup/pids.c pids_can_fork()
 */
const CLONE_THREAD = 0x00010000;

function flagsOf(c: CallContext): number {
  const name = c.call.name;
  if (name === 'fork' || name === 'vfork') return 0;
  // clone3 takes a struct; the lab reads `flags=` from it when it is written out.
  if (name === 'clone3') return structFlags(c) ?? 0;
  // strace prints x86_64 clone as clone(child_stack=…, flags=…, …): find the flags by name, else take arg 0 (the ABI order).
  const labelled = c.call.args.findIndex((a) => a.text.startsWith('flags='));
  return num(c, labelled >= 0 ? labelled : 0) ?? 0;
}

function structFlags(c: CallContext): number | undefined {
  const node = c.call.args[0];
  if (node?.type !== 'struct') return undefined;
  const f = node.fields.find((x) => x.key === 'flags');
  return f ? numOf(f.value) : undefined;
}

function numOf(n: import('../../syscalls/args.ts').ArgNode): number | undefined {
  return n.type === 'number' ? n.value : undefined;
}

/** Gives `child` a pid in its pid namespace and every ancestor's, lowest level first. */
export function assignPids(world: World, child: Process): { world: World; child: Process } {
  const chain: NamespaceOf<'pid'>[] = [];
  let cur: number | null = child.ns.pid;
  while (cur !== null) {
    const ns = world.namespaces[cur] as NamespaceOf<'pid'>;
    chain.unshift(ns);
    cur = ns.parent;
  }
  const namespaces = { ...world.namespaces };
  const nsPids = chain.map((ns, level) => {
    const pid = level === 0 ? world.nextPid : ns.nextPid;
    namespaces[ns.id] = { ...ns, nextPid: (level === 0 ? world.nextPid : ns.nextPid) + 1, initPid: ns.initPid ?? world.nextPid };
    return pid;
  });
  const tgid = child.tgid === 0 ? world.nextPid : child.tgid;
  return { world: { ...world, namespaces, nextPid: world.nextPid + 1 }, child: { ...child, pid: world.nextPid, tgid, nsPids } };
}

/**
 * The child of a fork or clone: the parent's credentials, fds and namespaces,
 * then the new namespaces the flags ask for (so a CLONE_NEWPID child is pid 1
 * of its own namespace), then its pids. It is in the world but not yet in a cgroup.
 */
export function spawnChild(world: World, parent: Process, flags: number): { world: World; child: Process } {
  const base: Process = {
    ...parent, pid: 0, tgid: 0, ppid: parent.pid, nsPids: [],
    ns: { ...parent.ns, pid: parent.pidNsForChildren, time: parent.timeNsForChildren },
    fds: { ...parent.fds }, memBytes: 0,
  };
  const entered = enterNewNamespaces(world, base, flags, true);
  const placed = assignPids(entered.world, entered.proc);
  return { world: withProc(placed.world, placed.child), child: placed.child };
}

/**
 * copy_process()'s flag rules for threads: a thread shares signal handlers,
 * which need a shared address space, and cannot start in new namespaces.
 * @see clone(2) "EINVAL", kernel/fork.c copy_process()
 */
function threadFlagsError(flags: number): string | null {
  const CLONE_VM = 0x100;
  const CLONE_SIGHAND = 0x800;
  if (flags & CLONE_THREAD && !(flags & CLONE_SIGHAND)) return 'CLONE_THREAD needs CLONE_SIGHAND';
  if (flags & CLONE_SIGHAND && !(flags & CLONE_VM)) return 'CLONE_SIGHAND needs CLONE_VM';
  if (flags & CLONE_THREAD && nsTypesInFlags(flags).some((t) => t === 'user' || t === 'pid')) return 'a thread cannot get a new user or pid namespace';
  return null;
}

/** A thread: the caller's thread group, parent and namespaces, a tid of its own. */
export function spawnThread(world: World, caller: Process): { world: World; child: Process } {
  const base: Process = { ...caller, pid: 0, tgid: caller.tgid, ppid: caller.ppid, nsPids: [], fds: { ...caller.fds }, memBytes: 0 };
  const placed = assignPids(world, base);
  return { world: withProc(placed.world, placed.child), child: placed.child };
}

export const cloneHandler: SyscallHandler = {
  checks: {
    namespaces: (c) => {
      const types = nsTypesInFlags(flagsOf(c));
      return types.length ? pass(`The child will get new namespaces: ${flagNames(types)}`) : pass("The child shares all of the parent's namespaces");
    },
    capabilities: (c) => nsCreateCheck(c, flagsOf(c)),
    cgroups: (c) => {
      const r = chargeFork(c.world, caller(c));
      if (r.ok) return pass(r.note);
      // Let the controller count the refusal (pids.events `max`) as the kernel does.
      const counted = chargeFork(c.world, caller(c), c.world.nextPid);
      return { ...deny('EAGAIN', r.note, r.reason), world: counted.world };
    },
  },
  execute: (c) => {
    const flags = flagsOf(c);
    const bad = threadFlagsError(flags);
    if (bad) return failed(c, 'EINVAL', bad, `kernel: ${bad}`, { cost: COST.processSwitch });
    const parent = caller(c);
    const { world, child } = flags & CLONE_THREAD ? spawnThread(c.world, parent) : spawnChild(c.world, parent, flags);
    const charged = chargeFork(world, parent, child.pid);
    if (!charged.ok) return failed(c, 'EAGAIN', charged.note, charged.reason);
    const seen = pidSeenBy(charged.world, parent, child, 'tid');
    const inner = child.nsPids[child.nsPids.length - 1];
    const where = inner !== seen ? `; inside its own pid namespace it is pid ${inner}` : '';
    const what = flags & CLONE_THREAD ? `a thread of process ${parent.tgid} (tid ${child.pid} on the host)` : `process ${child.pid} on the host`;
    return done(c, seen, `Creates ${what}, returned to the parent as ${seen}${where}; the pids controller counts it`, { world: charged.world, cost: COST.processSwitch });
  },
};
