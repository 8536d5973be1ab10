import type { DispatchOutcome } from '../kernel/dispatch.ts';
import type { World } from '../kernel/world.ts';
import { argNumber } from '../syscalls/argValue.ts';
import type { ArgNode } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import { consoleText, type IoPlan } from './libosIo.ts';

/** What the library OS did with one call, before any Solo5 I/O: the shape every libOS step returns. */
export interface LibOsResult {
  hops: Hop[];
  outcome: DispatchOutcome;
  world: World;
  /** The Solo5 calls the libOS makes next, in order. */
  io: IoPlan;
  /** Set when the call ends the unikernel (its exit status is what the tender passes to exit_group). */
  halts?: { status: number };
}

export const hop = (layer: string, state: string, verdict: Hop['verdict'], note: string, cost: { ns: number; source: string }): Hop =>
  ({ layer, state, verdict, note, costNs: cost.ns, source: cost.source });

/** A line the libOS prints once (rumprun's STUB and STUBWARN messages), kept in the world's log so it is printed only the first time. */
export function printOnce(world: World, line: string): { world: World; io: IoPlan } {
  if (world.dmesg.includes(line)) return { world, io: [] };
  return { world: { ...world, dmesg: [...world.dmesg, line] }, io: consoleText(`${line}\n`) };
}

/** tv_sec/tv_nsec of a timespec argument, in ns (0 when it cannot be read). */
export function timespecNs(node: ArgNode | undefined): number {
  if (!node || node.type !== 'struct') return 0;
  const field = (k: string) => { const f = node.fields.find((x) => x.key === k); return f ? argNumber(f.value) ?? 0 : 0; };
  return field('tv_sec') * 1e9 + field('tv_nsec');
}
