import type { ErrnoName } from '../../errno.ts';
import { argNumber, argString } from '../../syscalls/argValue.ts';
import { COST, type Cost } from '../costs.ts';
import type { Process } from '../process.ts';
import type { World } from '../world.ts';
import type { CallContext, CheckResult, ExecResult } from './types.ts';

/** Helpers shared by the syscall handlers. */

export function caller(c: CallContext): Process {
  const p = c.world.procs[c.pid];
  if (!p) throw new Error(`no process ${c.pid}: the dispatcher must only run live processes`);
  return p;
}

/** The numeric value of argument i, or undefined when it is absent or not a number. */
export function num(c: CallContext, i: number): number | undefined {
  const node = c.call.args[i];
  return node ? argNumber(node) : undefined;
}

export function str(c: CallContext, i: number): string | undefined {
  const node = c.call.args[i];
  return node ? argString(node) : undefined;
}

export interface Done {
  world?: World;
  cost?: Cost;
  annotation?: string;
  outArgs?: Record<number, string>;
  data?: string;
  simplified?: boolean;
  terminated?: string;
}

export function done(c: CallContext, retval: number, note: string, d: Done = {}): ExecResult {
  const cost = d.cost ?? COST.generic;
  return {
    world: d.world ?? c.world, retval, errno: null, note, costNs: cost.ns, source: cost.source,
    annotation: d.annotation, outArgs: d.outArgs, data: d.data, simplified: d.simplified, terminated: d.terminated,
  };
}

export function failed(c: CallContext, errno: ErrnoName, note: string, reason: string, d: Done = {}): ExecResult {
  const cost = d.cost ?? COST.generic;
  return { world: d.world ?? c.world, retval: -1, errno, note, reason, costNs: cost.ns, source: cost.source, outArgs: d.outArgs };
}

export const pass = (note: string, cost?: Cost): CheckResult => ({ ok: true, note, costNs: cost?.ns, source: cost?.source });

export const deny = (errno: ErrnoName, note: string, reason: string): CheckResult => ({ ok: false, errno, note, reason });

/** A world with one process replaced. */
export function withProc(world: World, proc: Process): World {
  return { ...world, procs: { ...world.procs, [proc.pid]: proc } };
}

/** A C string as strace prints it: quoted, escaped, cut at 32 characters with `...`. */
export function quote(s: string, max = 32): string {
  const esc = (t: string) => t.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return s.length > max ? `"${esc(s.slice(0, max))}"...` : `"${esc(s)}"`;
}
