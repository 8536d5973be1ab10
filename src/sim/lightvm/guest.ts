import { bootHost, TERMINAL_FDS } from '../kernel/boot.ts';
import { ALL_CAPS } from '../kernel/capabilities.ts';
import { createRuncContainer } from '../runtime/runcContainer.ts';
import type { Process } from '../kernel/process.ts';
import type { KernelIdentity, World } from '../kernel/world.ts';
import type { BootOptions } from '../runtime/types.ts';

/**
 * The guests LightVM runs. A Mini-OS unikernel has no processes, users or
 * filesystem: the lab keeps its one application as the only process of a
 * world whose fds are Mini-OS's file table (0–2: the console, shown as the lab's terminal). A Tinyx VM is
 * a trimmed Linux with the application's packages: the lab boots its own
 * Linux model as that guest — the application as root with every capability
 * and no seccomp filter, on its own root filesystem (the lab's Debian-like
 * image, not Tinyx's BusyBox one) and hostname, set up with the lab's
 * container builder so that nothing of the host's shows — with Tinyx's
 * kernel identity.
 * @see https://github.com/sysml/mini-os/blob/4f67232d5d2ef4a1c2f40c3193c7097e1140a6cb/daytime.c (the minimal unikernel in LightVM's Mini-OS tree)
 */
export const UNIKERNEL_PID = 1;

/** Mini-OS has no uname(); this is only what the lab shows for the world. */
export const MINI_OS_KERNEL: KernelIdentity = { release: 'Mini-OS (noxs)', version: 'LightVM Mini-OS, noxs branch' };

/** The public LightVM material names no Tinyx kernel version, so the lab does not invent one. */
export const TINYX_KERNEL: KernelIdentity = { release: 'tinyx', version: '#1 SMP (Tinyx build; kernel version not published)' };

export function bootUnikernel(): { world: World; pid: number } {
  const host = bootHost();
  const shell = Object.values(host.procs).find((p) => p.fds[0]);
  if (!shell) throw new Error('the lab host has no terminal process');
  const app: Process = {
    ...shell, pid: UNIKERNEL_PID, tgid: UNIKERNEL_PID, ppid: 0, comm: 'daytime', exe: 'daytime.gz', argv: ['daytime'], nsPids: [UNIKERNEL_PID],
    // Mini-OS's fds 0–2 are the Xen console, which the lab shows as its terminal.
    fds: { ...TERMINAL_FDS },
    cwd: '/', seccomp: { mode: 'disabled', profile: null },
  };
  return { world: { ...host, kernel: MINI_OS_KERNEL, procs: { [UNIKERNEL_PID]: app } }, pid: UNIKERNEL_PID };
}

export const TINYX_HOSTNAME = 'tinyx';

export function bootTinyx(boot?: BootOptions): { world: World; pid: number } {
  const { world, pid } = createRuncContainer(bootHost(), { hostname: boot?.hostname ?? TINYX_HOSTNAME });
  const app = world.procs[pid];
  if (!app) throw new Error('the Tinyx guest has no application process');
  const cred = { ...app.cred, bounding: ALL_CAPS, permitted: ALL_CAPS, effective: ALL_CAPS };
  const { 'docker-default': _unused, ...profiles } = world.seccompProfiles;
  return {
    world: { ...world, kernel: TINYX_KERNEL, seccompProfiles: profiles, procs: { ...world.procs, [pid]: { ...app, cred, seccomp: { mode: 'disabled', profile: null } } } },
    pid,
  };
}
