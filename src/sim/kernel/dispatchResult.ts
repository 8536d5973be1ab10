import { errnoMessage } from '../errno.ts';
import { syscallByName } from '../syscalls/catalogue.ts';
import type { Hop } from '../trace.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { DispatchOutcome } from './dispatch.ts';
import type { World } from './world.ts';

/** The last hop: back to user space with the value strace would print. */
export function returnHop(outcome: DispatchOutcome | null): Hop {
  const base = { layer: 'syscall', costNs: 0, source: 'native-getpid-e5-2650v2', state: 'returning' };
  if (!outcome) return { ...base, verdict: 'pass', note: 'sysret returns to user space' };
  if (outcome.terminated) return { ...base, verdict: 'deny', note: outcome.terminated };
  if (outcome.errno) {
    return { ...base, verdict: 'deny', note: `sysret returns -${outcome.errno} to user space; glibc sets errno to ${outcome.errno} and returns -1` };
  }
  return { ...base, verdict: 'pass', note: `sysret returns ${outcome.retval} to user space (entry and exit cost are counted at entry)` };
}

/** The world after a call: its clock advanced by the call's modelled cost. */
export function withTime(world: World, hops: readonly Hop[]): World {
  const ns = hops.reduce((sum, h) => sum + h.costNs, 0);
  return { ...world, timeNs: world.timeNs + ns };
}

/** `openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3` as strace prints it. */
export function straceLine(call: SyscallCall, outcome: DispatchOutcome | null): string {
  const args = call.args.map((a, i) => outcome?.outArgs?.[i] ?? a.text).join(', ');
  const head = `${call.name}(${args})`;
  if (!outcome || outcome.terminated) return `${head} = ?`;
  if (outcome.errno) return `${head} = -1 ${outcome.errno} (${errnoMessage(outcome.errno)})`;
  // Calls that return an address (mmap, brk) print it in hex, as strace does.
  const value = syscallByName(call.name)?.returns === 'pointer' ? `0x${outcome.retval.toString(16)}` : String(outcome.retval);
  return `${head} = ${value}${outcome.annotation ? ` ${outcome.annotation}` : ''}`;
}
