import type { World } from '../sim/kernel/world.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { Hop } from '../sim/trace.ts';
import { runCall, type CallRun } from './runCall.ts';

/** The hops of the kernel dispatch machine that belong to the trip in and out, not to the kernel's work. */
const TRIP_STATES = new Set(['userSpace', 'libc', 'syscallEntry', 'returning', 'killed']);

/**
 * A Linux-compatible kernel that is not the host's — gVisor's Sentry, a Kata
 * or Firecracker guest kernel — answering a call: the same dispatch machine
 * (seccomp, namespaces, capabilities, cgroups, VFS, the handler) run on that
 * kernel's world. The runtime's own machines draw the trip in and out (trap,
 * VM entry), so this returns only the kernel's hops, each given to the
 * runtime's `relabel` (which names its layer and may drop it), with the host
 * marks taken off: nothing here touches the host kernel.
 */
export function runInnerKernel(world: World, pid: number, call: SyscallCall, relabel: (hop: Hop) => Hop | null): { run: CallRun; hops: Hop[] } {
  const run = runCall(world, pid, call);
  const hops: Hop[] = [];
  for (const hop of run.trace.hops) {
    if (hop.state && TRIP_STATES.has(hop.state)) continue;
    const { hostEntry: _entry, hostCall: _call, ...inner } = hop;
    const mapped = relabel(inner);
    if (mapped) hops.push(mapped);
  }
  return { run, hops };
}
