import { DOCKER_DEFAULT_CAPS } from '../kernel/capabilities.ts';
import { linuxClassifier } from '../runtime/staticVerdicts.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import { allSyscalls } from '../syscalls/catalogue.ts';
import type { StaticClassifier, SyscallVerdict } from '../trace.ts';
import { sentryHandling, sentryVerdict } from './sentrySyscalls.ts';
import { SENTRY_OCI_FILTER } from './sandbox.ts';

/**
 * How gVisor treats each syscall taken alone: with --oci-seccomp the
 * container's profile runs first (the Sentry checks it on syscall entry,
 * before its table); then the Sentry's table decides — supported or partly
 * supported runs, a fixed error returns its errno (a CapError one EPERM for
 * a caller without the capability, as a default container is), a missing
 * one ENOSYS. Nothing here reaches the host kernel's syscall table.
 */
export function gvisorVerdicts(options: RuntimeOptions = {}): SyscallVerdict[] {
  const oci = options['oci-seccomp'] === 'on' ? linuxClassifier(SENTRY_OCI_FILTER).verdicts() : null;
  return allSyscalls().map((info, i) => {
    const base = { number: info.number, name: info.name };
    const seccomp = oci?.[i];
    if (seccomp && seccomp.handledBy === 'seccomp' && seccomp.verdict === 'deny') return { ...base, verdict: 'deny', errno: seccomp.errno, handledBy: 'sentry-seccomp' };
    const v = sentryVerdict(info.name, DOCKER_DEFAULT_CAPS);
    if (v.verdict === 'deny') return { ...base, verdict: 'deny', errno: v.errno, handledBy: 'sentry-syscall' };
    if (seccomp?.verdict === 'conditional') return { ...base, verdict: 'conditional', errno: null, handledBy: 'sentry-seccomp' };
    return { ...base, verdict: 'allow', errno: null, handledBy: 'sentry' };
  });
}

/** The replay classifier with runsc's defaults: the Sentry's table alone, which never looks at arguments. */
export function gvisorClassifier(): { classify: StaticClassifier; argDependent: (name: string) => boolean } {
  let table: Map<string, SyscallVerdict> | undefined;
  const classify: StaticClassifier = (name) => {
    table ??= new Map(gvisorVerdicts().map((v) => [v.name, v]));
    const v = table.get(name);
    if (!v) return { allowed: false, errno: 'ENOSYS', layer: 'sentry-syscall', reason: `${name} is not an x86_64 syscall: the Sentry's table has no entry, so ENOSYS` };
    const h = sentryHandling(name);
    if (v.verdict === 'allow') return { allowed: true, errno: null, layer: 'sentry', reason: h.status === 'partial' ? `the Sentry implements ${name} in part: ${h.note ?? ''}` : `the Sentry implements ${name}` };
    return { allowed: false, errno: v.errno, layer: 'sentry-syscall', reason: `the Sentry's table: ${name} ${h.status === 'unimplemented' ? 'is missing (ENOSYS)' : `returns ${v.errno ?? 'an error'}`}${h.note ? ` — ${h.note}` : ''}` };
  };
  return { classify, argDependent: () => false };
}
