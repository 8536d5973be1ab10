import type { OciSpec } from '../oci/spec.ts';
import type { BootStepView } from '../runtime/types.ts';
import { step, type StartStep } from './startPlan.ts';

/**
 * What a sandboxed runtime does where runc would make the container in the
 * host kernel: runsc starts its Gofer and its sandbox (the Sentry) as host
 * processes under the Sentry's own filter, and the Sentry makes the container
 * inside itself; Kata's shim boots a VM and asks the guest's kata-agent to
 * make the container in the guest kernel. Costs of the runsc steps are the
 * lab's estimates; the Kata steps carry the boot sequence's own figures.
 * @see https://gvisor.dev/docs/architecture_guide/ (Sentry, Gofer), runsc/sandbox/sandbox.go, runsc/container/container.go
 */
export function runscSteps(spec: OciSpec, sentryRules: number, ociSeccomp: boolean): StartStep[] {
  return [
    step('namespaced', 'execve("/proc/self/exe", ["runsc-gofer", "gofer", …])', '0', 'host-kernel', 'pass', 'runsc starts the Gofer: a host process that opens the container\'s root filesystem and hands the Sentry file descriptors (directfs) or serves it files (LISAFS)', 3_000_000, 'do_execveat_common'),
    step('namespaced', 'execve("/proc/self/exe", ["runsc-sandbox", "boot", …])', '0', 'host-kernel', 'pass', 'runsc starts the sandbox process, the Sentry, in new namespaces of its own: it will run the container\'s programs inside itself', 5_000_000, 'do_execveat_common'),
    step('credentialed', 'seccomp(SECCOMP_SET_MODE_FILTER, 0, 0x… /* the Sentry\'s filter */)', '0', 'host-kernel', 'pass', `The Sentry filters itself: from now on it may make only ${sentryRules} host syscalls, whatever the container asks of it`, 200_000, 'do_seccomp'),
    ...insideSteps(spec, 'the Sentry', ociSeccomp ? 'the OCI seccomp profile, which the Sentry enforces itself (--oci-seccomp)' : 'no OCI seccomp profile: runsc ignores the spec\'s profile unless --oci-seccomp, since the Sentry is the boundary'),
  ];
}

export function kataSteps(spec: OciSpec, boot: readonly BootStepView[], guestSeccomp: boolean): StartStep[] {
  const hops = boot.map((b): StartStep => {
    const layer = /agent|guest/i.test(b.by) ? 'sandbox-kernel' : /shim/i.test(b.by) ? 'shim' : 'oci-runtime';
    const base = step('sandboxBooted', b.calls?.[0] ?? b.by, 'ok', layer, 'handled', `${b.by}: ${b.what}`, b.figure ? b.figure.ms * 1e6 : 1_000_000);
    return b.figure ? { ...base, source: b.figure.id } : base;
  });
  return [...hops, ...insideSteps(spec, 'the guest kernel', guestSeccomp ? 'the spec\'s seccomp profile, applied by kata-agent in the guest (disable_guest_seccomp=false)' : 'no seccomp: kata-agent ignores the spec\'s profile by default (disable_guest_seccomp=true), the VM is the boundary')];
}

/** The container made inside the sandbox's kernel from the same spec. */
function insideSteps(spec: OciSpec, kernel: string, seccomp: string): StartStep[] {
  const ns = spec.linux.namespaces.map((n) => n.type).join(', ');
  const caps = spec.process.capabilities?.bounding?.length ?? 0;
  const { uid } = spec.process.user;
  return [step('sandboxBooted', 'CreateContainer', 'ok', 'sandbox-kernel', 'handled',
    `Inside ${kernel}, from the same config.json: namespaces (${ns}), its root filesystem, ${caps} capabilities, user ${uid}; ${seccomp}. The host kernel sees none of these: they live in ${kernel}`, 2_000_000)];
}
