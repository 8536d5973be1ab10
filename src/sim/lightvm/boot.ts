/**
 * How LightVM brings a guest up: the chaos toolstack in Dom0 creates the
 * domain through libxc, and with noxs (no XenStore) the backends give each
 * device a shared page holding what its frontend needs, so no XenStore
 * round trips are left on the boot path. Steps follow the LightVM README;
 * the one timing, 2.3 ms for a minimal unikernel, is from the paper's abstract only.
 * @see https://github.com/sysml/lightvm/blob/17a471ac0d1e1161e4f3b4dcf8f03356f14b8327/README.md
 * @see https://doi.org/10.1145/3132747.3132763 (abstract: 2.3 ms boot, fork/exec 1 ms)
 */
export interface LightvmBootStep {
  id: string;
  by: 'chaos' | 'xen' | 'dom0 backends' | 'xendevd' | 'guest';
  what: string;
  /** A published figure for the step, by measurement id, and whether only the paper's abstract backs it. */
  figure?: { id: string; abstractOnly: boolean };
}

export const LIGHTVM_BOOT: readonly LightvmBootStep[] = [
  { id: 'create', by: 'chaos', what: 'chaos (libh2 over libxc) creates the domain: memory, vCPUs, the kernel image (a split-instantiation daemon can prepare domains ahead of time)' },
  { id: 'devices', by: 'chaos', what: 'chaos asks the backends for the guest\'s devices through /dev/xen/noxs_backend instead of writing XenStore entries' },
  { id: 'device-pages', by: 'dom0 backends', what: 'netback and blkback each fill a shared page with what the frontend needs to connect (noxs)' },
  { id: 'userland', by: 'xendevd', what: 'xendevd does the userland part: adds the vif to a bridge, sets up a loop device for a file-backed disk' },
  { id: 'start', by: 'xen', what: 'Xen starts the domain\'s vCPU' },
  { id: 'boot', by: 'guest', what: 'the guest (Mini-OS or Tinyx) boots; its frontends read their device pages and connect', figure: { id: 'lightvm-boot', abstractOnly: true } },
];
