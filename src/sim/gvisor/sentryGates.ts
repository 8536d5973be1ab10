import type { DispatchOutcome } from '../kernel/dispatch.ts';
import { seccompCheck } from '../kernel/seccompGate.ts';
import type { World } from '../kernel/world.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import { GVISOR_COST } from './costs.ts';
import { sentryHandling, sentryVerdict } from './sentrySyscalls.ts';

/** One gate of the Sentry's: the hop it records, and the outcome when it decided the call. */
export interface SentryGate {
  hop: Hop;
  outcome: DispatchOutcome | null;
}

/**
 * The container's OCI seccomp profile, as the Sentry applies it on syscall
 * entry before its table — only with --oci-seccomp. Without it, runsc ignores
 * the profile: the sandbox as a whole is the boundary.
 * @see https://gvisor.dev/docs/user_guide/compatibility/ (runsc --oci-seccomp)
 */
export function ociSeccompGate(world: World, pid: number, call: SyscallCall, options: RuntimeOptions): SentryGate {
  if (options['oci-seccomp'] !== 'on') {
    return { hop: { layer: 'sentry-seccomp', state: 'sentry.ociSeccomp', verdict: 'pass', note: "runsc does not apply the container's seccomp profile inside the sandbox unless --oci-seccomp is set: nothing to check", costNs: 0, source: 'estimate' }, outcome: null };
  }
  const gate = seccompCheck(world, pid, call);
  const note = `The Sentry evaluates the container's OCI profile (--oci-seccomp): ${gate.hop.note}`;
  const outcome = gate.outcome ? { ...gate.outcome, deniedBy: 'sentry-seccomp', reason: `sentry-seccomp: ${gate.outcome.reason?.replace(/^seccomp: /, '') ?? ''}` } : null;
  return { hop: { ...gate.hop, layer: 'sentry-seccomp', state: 'sentry.ociSeccomp', note }, outcome };
}

/** The Sentry's amd64 syscall table: run it, run part of it, a fixed error, or the Missing handler's ENOSYS. */
export function syscallTableGate(world: World, pid: number, call: SyscallCall): SentryGate {
  const h = sentryHandling(call.name);
  const caps = world.procs[pid]?.cred.effective ?? [];
  const v = sentryVerdict(call.name, caps);
  const base = { layer: 'sentry-syscall', state: 'sentry.syscallTable', costNs: GVISOR_COST.tableLookup.ns, source: GVISOR_COST.tableLookup.source };
  if (v.verdict === 'allow') {
    const note = h.status === 'partial' ? `The Sentry's table implements ${call.name} in part: ${h.note ?? ''}` : `The Sentry's table has a full implementation of ${call.name}`;
    return { hop: { ...base, verdict: 'pass', note }, outcome: null };
  }
  const why = h.status === 'unimplemented'
    ? `${call.name} is not in the Sentry's table; its Missing handler returns ENOSYS`
    : h.capability ? `the Sentry's table answers ${call.name} with EPERM unless the caller holds ${h.capability} (then ENOSYS); the caller ${caps.includes(h.capability) ? 'holds' : 'lacks'} it`
      : `the Sentry's table answers ${call.name} with ${v.errno ?? 'an error'}${h.note ? `: ${h.note}` : ''}`;
  const errno = v.errno ?? 'ENOSYS';
  return { hop: { ...base, verdict: 'deny', note: why[0]?.toUpperCase() + why.slice(1) }, outcome: { retval: -1, errno, deniedBy: 'sentry-syscall', reason: `sentry: ${why}` } };
}

/** A Linux handler's note in the Sentry's words: no Linux function names, "the kernel" is the Sentry. */
function sentryWords(note: string): string {
  const plain = note.replace(/^[a-z_0-9]+\(\): /, '').replace(/^do_sys_openat2 /, '').replace(/\bThe kernel\b/g, 'The Sentry').replace(/\bthe kernel\b/g, 'the Sentry');
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

const LAYER_OF: Readonly<Record<string, string>> = { namespaces: 'sentry', capabilities: 'sentry', cgroups: 'sentry', vfs: 'sentry-vfs', kernel: 'sentry' };
const OPENS = new Set(['open', 'openat', 'creat', 'stat', 'lstat', 'newfstatat', 'statx', 'access', 'faccessat', 'faccessat2']);
const READS = new Set(['read', 'pread64', 'readv', 'preadv', 'preadv2']);

/**
 * The lab's Linux kernel run as the Sentry: its check and handler hops are
 * the Sentry's (its seccomp hop was the OCI gate above), with the Sentry's
 * measured cost for opens and reads in place of Linux's.
 */
export function asSentryHop(call: SyscallCall): (hop: Hop) => Hop | null {
  return (hop) => {
    if (hop.state === 'seccomp' || hop.state === 'notImplemented') return null;
    const layer = LAYER_OF[hop.layer] ?? 'sentry';
    const state = `sentry.${hop.state ?? hop.layer}`;
    const note = sentryWords(hop.note);
    if (hop.state !== 'handler.execute') return { ...hop, layer, state, note };
    const cost = OPENS.has(call.name) ? GVISOR_COST.sentryOpen : READS.has(call.name) ? GVISOR_COST.sentryRead : null;
    return { ...hop, layer, state, note, ...(cost ? { costNs: cost.ns, source: cost.source } : {}) };
  };
}
