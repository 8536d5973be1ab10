import { FIRECRACKER_LAYERS } from '../firecracker/layers.ts';
import { bootGuestContainer } from '../firecracker/guest.ts';
import { FC_GUEST_KERNEL, fcGuestLacks } from '../firecracker/guestKernel.ts';
import { firecrackerSurface } from '../firecracker/surface.ts';
import { bootSequence } from '../firecracker/jailer.ts';
import { FC_FIGURES } from '../firecracker/costs.ts';
import type { BootStepView } from './types.ts';
import { guestClassifier } from '../firecracker/verdicts.ts';
import { DOCKER_DEFAULT_FILTER } from './dockerFilter.ts';
import { optionsOrThrow } from './options.ts';
import type { RuntimeModel, RuntimeOption, RuntimeOptions } from './types.ts';

/**
 * Firecracker's settings that change a call's path.
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/jailer.md
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/api_requests/block-io-engine.md
 */
const OPTIONS: readonly RuntimeOption[] = [
  { key: 'jailer', values: ['on', 'off'], default: 'on', description: 'Start Firecracker through the jailer (chroot, mount/pid/net namespaces, cgroup, unprivileged uid), as production does; off: Firecracker runs as started, with only its own seccomp filters.' },
  { key: 'io-engine', values: ['sync', 'async'], default: 'sync', description: "The drive's io_engine: Sync (default) serves a request with lseek and read/fsync on the backing file; Async submits it to io_uring." },
  { key: 'guest-seccomp', values: ['off', 'docker-default'], default: 'off', description: "A seccomp filter inside the guest: runc in the microVM applies Docker's default profile when the container's spec has it; off: none (a plain microVM, or ctr run without --seccomp)." },
];

const filterFor = (options: RuntimeOptions) => (options['guest-seccomp'] === 'docker-default' ? DOCKER_DEFAULT_FILTER : null);
const defaults = guestClassifier(null, fcGuestLacks);

/** A container image run in a Firecracker microVM (firecracker-containerd), on the guest's own Linux kernel. */
export const FIRECRACKER: RuntimeModel = {
  id: 'firecracker',
  label: 'Firecracker microVM',
  summary: "the workload runs on its own Linux kernel in a KVM microVM; only virtio I/O leaves the VM, served by Firecracker's jailed, seccomp-filtered threads (50 host syscalls at most)",
  layers: FIRECRACKER_LAYERS,
  options: OPTIONS,
  servedBy: 'guest',
  boot: (boot) => {
    const options = optionsOrThrow(FIRECRACKER, boot?.options);
    const { world, pid } = bootGuestContainer(FC_GUEST_KERNEL, options, boot);
    return { runtime: 'firecracker', world, pid, options };
  },
  classify: defaults.classify,
  argDependent: defaults.argDependent,
  verdicts: (options) => guestClassifier(filterFor(optionsOrThrow(FIRECRACKER, options)), fcGuestLacks).verdicts(),
  surface: () => firecrackerSurface(),
  bootSteps: (options) => bootSequence(optionsOrThrow(FIRECRACKER, options)).map(asView),
};

/** A jailer or VMM step as `isolab boot` shows it, with its published figure (time figures only). */
function asView(step: ReturnType<typeof bootSequence>[number]): BootStepView {
  const f = FC_FIGURES.find((x) => x.id === step.figure && x.unit === 'ms');
  const figure = f ? { ms: f.value, id: f.id, note: `${f.what}; ${f.conditions}` } : undefined;
  return { by: step.by, what: `${step.what}${step.optional ? ` (only with ${step.optional})` : ''}`, calls: step.syscalls, ...(figure ? { figure } : {}) };
}
