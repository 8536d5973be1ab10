import { syscallByName } from '../syscalls/catalogue.ts';
import type { Hop, HostCall } from '../trace.ts';

/**
 * A host process that serves a sandbox (gVisor's Sentry and Gofer, virtiofsd,
 * a VMM's threads, the Solo5 tender) and the seccomp filter it runs under.
 * A host syscall it makes on the workload's behalf passes that filter or ends
 * the process: what `isolab surface` lists and what a hop into the host shows.
 */
export interface HelperProcess {
  /** The layer id the process is drawn as (`gofer`, `virtiofsd`, `vmm`, `tender`). */
  layer: string;
  /** As `ps` would name it, with its role: `runsc-gofer (Gofer)`. */
  label: string;
  /** Syscall names its filter allows; null when it runs without a filter. */
  allowed: ReadonlySet<string> | null;
  /** What the filter does with any other syscall. */
  onDeny: 'kill' | 'trap';
  /** Whose filter, for notes: `the Sentry's seccomp filter (runsc/boot/filter)`. */
  filterLabel: string;
  /** Optional argument rules: a syscall listed here is allowed only when the check returns null, else the check's reason. */
  argRule?: (name: string, args: readonly number[]) => string | null;
}

export interface HostSyscallResult {
  hops: Hop[];
  allowed: boolean;
  /** Why it was refused, when it was. */
  reason: string | null;
}

export interface HostSyscallStep {
  /** What the process is doing with this call, for the kernel hop's note. */
  purpose: string;
  args?: readonly number[];
  /** The modelled cost of the host kernel's work. */
  costNs: number;
  source: string;
  /** The layer of the host's seccomp gate (default `host-seccomp`) and of the host kernel (default `host-kernel`). */
  seccompLayer?: string;
  kernelLayer?: string;
}

const FILTER_CHECK_NS = 30.1; // gVisor's optimised filter evaluation, the one measured filter cost of a helper (gvisor-seccomp-eval-aggregate-after)

/**
 * One host syscall by a helper: the host's seccomp gate for that process,
 * then (when allowed) the host kernel's handler. A call outside the filter
 * ends the helper (SECCOMP_RET_KILL_PROCESS) or traps it (SIGSYS).
 */
export function hostSyscall(proc: HelperProcess, name: string, step: HostSyscallStep): HostSyscallResult {
  const seccompLayer = step.seccompLayer ?? 'host-seccomp';
  const kernelLayer = step.kernelLayer ?? 'host-kernel';
  const refusal = filterRefusal(proc, name, step.args ?? []);
  const call = (filter: HostCall['filter']): HostCall => ({ by: proc.label, name, filter });
  const cost = proc.allowed ? { costNs: FILTER_CHECK_NS, source: 'gvisor-seccomp-eval-aggregate-after' } : { costNs: 0, source: 'estimate' };
  if (refusal) {
    const fate = proc.onDeny === 'kill' ? 'kills the process (SIGSYS, core dump)' : 'sends SIGSYS';
    const note = `${proc.label} calls ${name}: ${refusal}, so ${proc.filterLabel} ${fate}`;
    const hop: Hop = { layer: seccompLayer, verdict: 'deny', note, ...cost, hostCall: call(proc.onDeny === 'kill' ? 'killed' : 'trapped'), state: 'hostSeccomp' };
    return { hops: [hop], allowed: false, reason: `${proc.label}'s seccomp filter does not allow ${name}` };
  }
  const gate: Hop = proc.allowed
    ? { layer: seccompLayer, verdict: 'pass', note: `${name} is in ${proc.filterLabel}`, ...cost, state: 'hostSeccomp' }
    : { layer: seccompLayer, verdict: 'pass', note: `${proc.label} runs with no seccomp filter: the host kernel takes any syscall from it`, ...cost, state: 'hostSeccomp' };
  const entry = syscallByName(name)?.entryPoint ?? `sys_${name}`;
  const work: Hop = {
    layer: kernelLayer, verdict: 'handled', note: `The host kernel runs ${name} for ${proc.label}: ${step.purpose}`,
    costNs: step.costNs, source: step.source, hostEntry: entry, hostCall: call(proc.allowed ? 'allowed' : 'none'), state: 'hostKernel',
  };
  return { hops: [gate, work], allowed: true, reason: null };
}

function filterRefusal(proc: HelperProcess, name: string, args: readonly number[]): string | null {
  if (!proc.allowed) return null;
  if (!proc.allowed.has(name)) return `${name} is not in its allow-list`;
  return proc.argRule?.(name, args) ?? null;
}

/** The host syscalls a trace caused, in order, as `by: name`. */
export function hostCallsOf(hops: readonly Hop[]): HostCall[] {
  return hops.flatMap((h) => (h.hostCall ? [h.hostCall] : []));
}
