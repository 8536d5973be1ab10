import { evaluateSeccomp, type SeccompDecision } from '../seccomp/evaluate.ts';
import type { SeccompProfile } from '../seccomp/profile.ts';
import { argNumber } from '../syscalls/argValue.ts';
import { inAbiOrder } from '../syscalls/abiOrder.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import type { CapSet } from './capabilities.ts';
import { COST } from './costs.ts';
import type { DispatchOutcome } from './dispatch.ts';
import type { World } from './world.ts';
import { isAboveProfile } from './enosysStub.ts';
import { HOST_KERNEL_VERSION } from '../vfs/images/hostRoot.ts';

/**
 * A seccomp filter as a runtime installed it: the profile, and the capability
 * set it was compiled for (runc drops rules whose `includes.caps` the
 * container lacks when it builds the BPF program, so the caps are fixed then).
 * @see moby profiles/seccomp/seccomp_linux.go setupSeccomp
 */
export interface InstalledFilter {
  label: string;
  profile: SeccompProfile;
  caps: CapSet;
  /** runc's ENOSYS stub: syscalls numbered above this return ENOSYS (null: no stub). */
  enosysAbove: number | null;
}

export interface SeccompGate {
  hop: Hop;
  /** Set when the filter decided the call's fate (an errno, or death by SIGSYS). */
  outcome: DispatchOutcome | null;
}

/** The kernel the lab's seccomp filters are evaluated for (a profile's minKernel compares with it). */
const KERNEL = HOST_KERNEL_VERSION;

export function seccompCheck(world: World, pid: number, call: SyscallCall): SeccompGate {
  const proc = world.procs[pid];
  const filter = proc?.seccomp.profile ? world.seccompProfiles[proc.seccomp.profile] : undefined;
  if (!proc || proc.seccomp.mode === 'disabled' || !filter) {
    return { hop: hop('pass', 'No seccomp filter is installed for this process, so the kernel skips the check', COST.seccompNone), outcome: null };
  }
  if (isAboveProfile(call.name, filter.enosysAbove)) {
    const reason = `${call.name} is newer than every syscall ${filter.label} names, so runc's stub returns ENOSYS before the filter runs`;
    return { hop: hop('deny', reason, COST.seccompDockerFilter), outcome: { retval: -1, errno: 'ENOSYS', deniedBy: 'seccomp', reason: `seccomp: ${reason}` } };
  }
  const args = inAbiOrder(call.name, call.args).map((a) => argNumber(a));
  const ev = evaluateSeccomp(filter.profile, { name: call.name, args }, { arch: 'amd64', caps: filter.caps, kernel: KERNEL });
  if (ev.type === 'argument-dependent') {
    const first = ev.outcomes[0];
    if (!first) return { hop: hop('pass', ev.reason, COST.seccompDockerFilter), outcome: null };
    return decide(first, `${ev.reason} The lab could not read the deciding argument and shows the first outcome.`);
  }
  return decide(ev, ev.reason);
}

function decide(d: SeccompDecision, reason: string): SeccompGate {
  if (d.outcome === 'allow' || d.outcome === 'log' || d.outcome === 'notify') {
    return { hop: hop('pass', reason, COST.seccompDockerFilter), outcome: null };
  }
  if (d.signal === 'SIGSYS') {
    const terminated = d.outcome === 'kill-thread' || d.outcome === 'kill-process' || d.outcome === 'trap'
      ? '+++ killed by SIGSYS (core dumped) +++' : '+++ killed by SIGSYS +++';
    return {
      hop: hop('deny', `${reason} The kernel sends SIGSYS, which kills the process`, COST.seccompDockerFilter),
      outcome: { retval: -1, errno: null, deniedBy: 'seccomp', reason: `seccomp: ${reason}`, terminated },
    };
  }
  const errno = d.errno ?? 'EPERM';
  return {
    hop: hop('deny', reason, COST.seccompDockerFilter),
    outcome: { retval: -1, errno, deniedBy: 'seccomp', reason: `seccomp: ${reason}` },
  };
}

function hop(verdict: 'pass' | 'deny', note: string, cost: { ns: number; source: string }): Hop {
  return { layer: 'seccomp', state: 'seccomp', verdict, note, costNs: cost.ns, source: cost.source, hostEntry: verdict === 'deny' ? '__seccomp_filter' : undefined };
}
