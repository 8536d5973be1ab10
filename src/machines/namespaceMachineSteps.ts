/**
 * What each event does to the namespace machine's context: the real
 * syscalls run through the kernel's dispatch machine (runCall), so every gate
 * that applies to a typed call applies here; then the facts to emit, built
 * from what the last event did.
 */
import type { ErrnoName } from '../sim/errno.ts';
import { nsDiff, newestChild, nsProcPath, type NsChange } from '../sim/kernel/nsOps.ts';
import type { World } from '../sim/kernel/world.ts';
import { call, id, labelled, n, NULL, s } from '../sim/shell/build.ts';
import type { ArgNode, SyscallCall } from '../sim/syscalls/args.ts';
import { formatFlags } from '../sim/syscalls/constants/formatFlags.ts';
import type { CallTrace } from '../sim/trace.ts';
import { runCall } from './runCall.ts';

export type NamespaceEvent =
  /** unshare(flags): the process moves into new namespaces. */
  | { type: 'ns.unshare'; flags: number }
  /** open /proc/PID/ns/… of a process in namespace `nsId`, setns into it, close: `nsenter -t PID`. */
  | { type: 'ns.setns'; nsId: number }
  /** clone(flags|SIGCHLD): a child in new namespaces; the machine keeps following the parent. */
  | { type: 'ns.clone'; flags: number }
  | { type: 'ns.exit' };

/** Facts the machine emits, past tense. (`nsType`, not `type`, names the namespace: `type` is the event's tag.) */
export type NamespaceEmitted =
  | ({ type: 'ns.changed' } & NsChange)
  | { type: 'ns.refused'; event: NamespaceEvent['type']; errno: ErrnoName; reason: string; line: string | null }
  | { type: 'ns.cloned'; childPid: number; changes: NsChange[] };

/** What the last event did: the namespaces it changed (or the child it made), or why the kernel refused it. */
export type NsStepOutcome =
  | { ok: true; event: NamespaceEvent['type']; changes: NsChange[]; childPid: number | null }
  | { ok: false; event: NamespaceEvent['type']; errno: ErrnoName; reason: string; line: string | null };

export interface NamespaceMachineContext {
  world: World;
  /** The process followed, by its pid on the host. */
  pid: number;
  /** The calls the last event made, hop by hop. */
  calls: CallTrace[];
  last: NsStepOutcome | null;
}

export interface NamespaceMachineInput { world: World; pid: number }

const flagArg = (flags: number, family: 'unshare' | 'clone'): ArgNode => ({ type: 'number', value: flags, text: formatFlags(flags, family) });
const SIGCHLD = 17;

type Patch = Pick<NamespaceMachineContext, 'world' | 'calls' | 'last'>;

function refused(event: NamespaceEvent['type'], world: World, calls: CallTrace[], bad: CallTrace): Patch {
  return { world, calls, last: { ok: false, event, errno: bad.errno ?? 'EINVAL', reason: bad.reason ?? 'refused', line: bad.line } };
}

/** Runs one call as the followed process; a refusal keeps the world the call left (time moves on). */
function runAs(context: NamespaceMachineContext, event: NamespaceEvent['type'], c: SyscallCall): Patch {
  const before = context.world.procs[context.pid];
  const run = runCall(context.world, context.pid, c);
  if (run.trace.errno) return refused(event, run.world, [run.trace], run.trace);
  const after = run.world.procs[context.pid];
  const child = event === 'ns.clone' ? newestChild(run.world, context.pid) : undefined;
  const subject = child ?? after;
  const changes = before && subject ? nsDiff(before, subject) : [];
  return { world: run.world, calls: [run.trace], last: { ok: true, event, changes, childPid: child?.pid ?? null } };
}

/** `nsenter -t PID`: open a /proc/PID/ns entry that names the namespace, setns into it, close the fd. */
function enter(context: NamespaceMachineContext, nsId: number): Patch {
  const path = nsProcPath(context.world, context.pid, nsId);
  if (!path) {
    const reason = `no process the caller can see is in namespace ${nsId}, so /proc offers nothing to open`;
    return { world: context.world, calls: [], last: { ok: false, event: 'ns.setns', errno: 'ENOENT', reason, line: null } };
  }
  const opened = runCall(context.world, context.pid, call('openat', id('AT_FDCWD'), s(path), id('O_RDONLY')));
  const fd = opened.trace.retval;
  if (opened.trace.errno || fd === null) return refused('ns.setns', opened.world, [opened.trace], opened.trace);
  const before = context.world.procs[context.pid];
  const moved = runCall(opened.world, context.pid, call('setns', n(fd), n(0)));
  const closed = runCall(moved.world, context.pid, call('close', n(fd)));
  const calls = [opened.trace, moved.trace, closed.trace];
  if (moved.trace.errno) return refused('ns.setns', closed.world, calls, moved.trace);
  const after = closed.world.procs[context.pid];
  return { world: closed.world, calls, last: { ok: true, event: 'ns.setns', changes: before && after ? nsDiff(before, after) : [], childPid: null } };
}

/** Folds one event into the context. */
export function applyNamespaceEvent(context: NamespaceMachineContext, event: NamespaceEvent): Patch {
  switch (event.type) {
    case 'ns.unshare':
      return runAs(context, event.type, call('unshare', flagArg(event.flags, 'unshare')));
    case 'ns.clone':
      // In the x86_64 ABI order (flags first), which seccomp's argument checks read; strace prints child_stack first.
      return runAs(context, event.type, call('clone', labelled('flags', flagArg(event.flags | SIGCHLD, 'clone')), labelled('child_stack', NULL)));
    case 'ns.setns':
      return enter(context, event.nsId);
    case 'ns.exit':
      return runAs(context, event.type, call('exit_group', n(0)));
  }
}

/** The facts the last event produced: one `ns.changed` per namespace that changed, `ns.cloned`, or `ns.refused`. */
export function namespaceFacts(context: NamespaceMachineContext): NamespaceEmitted[] {
  const last = context.last;
  if (!last) return [];
  if (!last.ok) return [{ type: 'ns.refused', event: last.event, errno: last.errno, reason: last.reason, line: last.line }];
  if (last.event === 'ns.clone' && last.childPid !== null) return [{ type: 'ns.cloned', childPid: last.childPid, changes: last.changes }];
  return last.changes.map((c) => ({ type: 'ns.changed' as const, ...c }));
}
