import type { ErrnoName } from '../errno.ts';
import type { Hop } from '../trace.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { syscallByName } from '../syscalls/catalogue.ts';
import { handlerFor } from './handlers/registry.ts';
import type { CallContext, CheckPhase, CheckResult, ExecResult } from './handlers/types.ts';
import { seccompCheck, type SeccompGate } from './seccompGate.ts';
import type { World } from './world.ts';
import { COST } from './costs.ts';

/**
 * The steps of the kernel's syscall path as pure functions; the kernel
 * dispatch machine (src/machines/kernelDispatchMachine.ts) calls them one
 * state at a time, so the hops are the states it went through.
 */
export interface DispatchOutcome {
  retval: number;
  errno: ErrnoName | null;
  deniedBy: string | null;
  reason: string | null;
  annotation?: string;
  outArgs?: Record<number, string>;
  data?: string;
  terminated?: string;
}

export function appHop(world: World, pid: number, call: SyscallCall): Hop {
  const comm = world.procs[pid]?.comm ?? 'the program';
  return { layer: 'app', state: 'userSpace', verdict: 'pass', note: `${comm} calls ${call.name}() through its C library`, costNs: COST.functionCall.ns, source: COST.functionCall.source };
}

export function libcHop(call: SyscallCall): Hop {
  const nr = syscallByName(call.name)?.number;
  const where = nr === undefined ? 'its number' : `number ${nr}`;
  return { layer: 'libc', state: 'libc', verdict: 'pass', note: `glibc loads ${call.name}'s ${where} into rax and executes the syscall instruction`, costNs: 0, source: 'estimate' };
}

export function entryHop(call: SyscallCall): Hop {
  return {
    layer: 'syscall', state: 'syscallEntry', verdict: 'pass', hostEntry: 'entry_SYSCALL_64',
    note: `The CPU switches to ring 0 and enters the kernel at entry_SYSCALL_64 for ${call.name}`,
    costNs: COST.syscallEntryExit.ns, source: COST.syscallEntryExit.source,
  };
}

/** sys_ni_syscall: a number the kernel has no handler for returns ENOSYS. */
export function isKernelUnimplemented(call: SyscallCall): boolean {
  const entry = syscallByName(call.name);
  return entry !== undefined && !entry.implemented;
}

export function unimplementedHop(call: SyscallCall): Hop {
  return { layer: 'kernel', state: 'notImplemented', verdict: 'deny', hostEntry: 'sys_ni_syscall', note: `Linux has no ${call.name} any more: the table entry is sys_ni_syscall, which returns ENOSYS`, costNs: 0, source: 'estimate' };
}

export function runSeccomp(world: World, pid: number, call: SyscallCall): SeccompGate {
  return seccompCheck(world, pid, call);
}

export function runCheck(phase: CheckPhase, ctx: CallContext): CheckResult | null {
  const check = handlerFor(ctx.call.name).checks?.[phase];
  return check ? check(ctx) : null;
}

export function checkHop(phase: CheckPhase, r: CheckResult): Hop {
  return {
    layer: phase, state: `handler.${phase}`, verdict: r.ok ? 'pass' : 'deny', note: r.note,
    costNs: r.costNs ?? COST.check.ns, source: r.source ?? COST.check.source,
  };
}

export function runExecute(ctx: CallContext): ExecResult {
  return handlerFor(ctx.call.name).execute(ctx);
}

export function executeHop(call: SyscallCall, r: ExecResult): Hop {
  const entry = syscallByName(call.name);
  const note = r.simplified ? `${r.note} (the lab models this call in outline)` : r.note;
  return { layer: 'kernel', state: 'handler.execute', verdict: r.errno ? 'deny' : 'handled', note, costNs: r.costNs, source: r.source, hostEntry: entry?.entryPoint ?? undefined };
}
