import { GVISOR_LAYERS } from '../gvisor/layers.ts';
import { bootSentry } from '../gvisor/sandbox.ts';
import { SENTRY_ARG_FILTERED, sentryFilter } from '../gvisor/sentryFilter.ts';
import { gvisorClassifier, gvisorVerdicts } from '../gvisor/verdicts.ts';
import { syscallByName } from '../syscalls/catalogue.ts';
import { optionsOrThrow } from './options.ts';
import type { RuntimeModel, RuntimeOption, RuntimeOptions, SurfaceRow } from './types.ts';

/**
 * runsc's settings that change a call's path, named as runsc's flags.
 * @see https://gvisor.dev/docs/architecture_guide/platforms/
 * @see https://gvisor.dev/blog/2023/06/27/directfs/
 * @see https://gvisor.dev/docs/user_guide/networking/
 */
const OPTIONS: readonly RuntimeOption[] = [
  { key: 'platform', values: ['systrap', 'ptrace', 'kvm'], default: 'systrap', description: 'runsc --platform: how the app\'s syscalls are caught — systrap (seccomp traps, the default since 2023), ptrace (PTRACE_SYSEMU) or KVM (the Sentry as a guest kernel).' },
  { key: 'directfs', values: ['on', 'off'], default: 'on', description: 'runsc --directfs: the Sentry opens the container\'s files itself on fds the Gofer donated (default), or asks the Gofer for each over LISAFS.' },
  { key: 'network', values: ['sandbox', 'host'], default: 'sandbox', description: 'runsc --network: netstack, TCP/IP inside the Sentry (default), or the host\'s network stack through host sockets.' },
  { key: 'oci-seccomp', values: ['off', 'on'], default: 'off', description: 'runsc --oci-seccomp: also enforce the container\'s OCI seccomp profile inside the sandbox (off by default: runsc ignores it).' },
];

const { classify, argDependent } = gvisorClassifier();

function surface(given?: RuntimeOptions): SurfaceRow[] {
  const options = optionsOrThrow(GVISOR, given);
  const rows: SurfaceRow[] = [];
  for (const [name] of sentryFilter(options)) {
    const info = syscallByName(name);
    if (!info) throw new Error(`the Sentry's filter names ${name}, which is no x86_64 syscall`);
    rows.push({ number: info.number, name, processes: ['runsc-sandbox (Sentry)'], argFiltered: SENTRY_ARG_FILTERED.has(name) });
  }
  return rows.sort((a, b) => a.number - b.number);
}

/** `docker run --runtime=runsc`: the app's syscalls are answered by gVisor's Sentry, a kernel in user space. */
export const GVISOR: RuntimeModel = {
  id: 'gvisor',
  label: 'gVisor (runsc)',
  summary: "the app's syscalls are caught by the platform and answered by the Sentry, a Linux-compatible kernel in user space; only the Sentry's own filtered syscalls reach the host",
  layers: GVISOR_LAYERS,
  options: OPTIONS,
  servedBy: 'sentry',
  boot: (boot) => {
    const options = optionsOrThrow(GVISOR, boot?.options);
    const { world, pid } = bootSentry(options, boot);
    return { runtime: 'gvisor', world, pid, options };
  },
  classify,
  argDependent,
  verdicts: (options) => gvisorVerdicts(optionsOrThrow(GVISOR, options)),
  surface,
};
