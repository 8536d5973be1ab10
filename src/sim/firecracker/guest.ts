import { bootHost } from '../kernel/boot.ts';
import type { KernelIdentity, World } from '../kernel/world.ts';
import { createRuncContainer } from '../runtime/runcContainer.ts';
import type { BootOptions, RuntimeOptions } from '../runtime/types.ts';

/**
 * The world inside a microVM: a container image run in a VM the way
 * firecracker-containerd does it — the in-guest agent has runc make the
 * container inside the guest, on the guest's own kernel. The lab builds the
 * guest's userland with its runc setup (Docker's spec: namespaces, the 14
 * capabilities, a cgroup, the image as root filesystem), then makes the
 * kernel the guest's: its uname, and no seccomp filter unless
 * `guest-seccomp` asks runc to apply Docker's default profile (a spec
 * without a profile, as `ctr run` without --seccomp makes, has none).
 * Simplifications: containerd's default spec differs from Docker's in small
 * ways (no cgroup or time namespace), and the guest's own init and agent are
 * shown as the host services the lab's boot starts.
 * @see https://github.com/firecracker-microvm/firecracker-containerd/blob/011599672d457a97fb14d28f9a23133ce9770205/docs/architecture.md (the agent runs runc inside the microVM)
 */
export function bootGuestContainer(kernel: KernelIdentity, options: RuntimeOptions, boot?: BootOptions): { world: World; pid: number } {
  const { world, pid } = createRuncContainer(bootHost(), { hostname: boot?.hostname, resources: boot?.resources });
  const proc = world.procs[pid];
  if (!proc) throw new Error('the guest has no shell');
  if (options['guest-seccomp'] === 'docker-default') return { world: { ...world, kernel }, pid };
  const { 'docker-default': _runc, ...profiles } = world.seccompProfiles;
  return {
    world: { ...world, kernel, procs: { ...world.procs, [pid]: { ...proc, seccomp: { mode: 'disabled', profile: null } } }, seccompProfiles: profiles },
    pid,
  };
}
