import type { SentryMemory, World } from '../kernel/world.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { PlatformId } from './costs.ts';
import type { Egress } from './egress.ts';

const EMPTY: SentryMemory = { patchedSites: [], dentries: [] };

/** systrap: whether this call's site was already rewritten into a jump to the stub. */
export function isPatched(world: World, call: SyscallCall): boolean {
  return world.sentry?.patchedSites.includes(call.name) ?? false;
}

/**
 * What the Sentry keeps after a call: a systrap call site is patched after
 * its first SIGSYS (x86-64 only), and a host path it walked stays in its
 * dentry cache (the rootfs is mounted with exclusive file access, so no
 * revalidation).
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/platform/systrap/usertrap/usertrap_amd64.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/config/flags.go (--file-access=exclusive)
 */
export function remember(world: World, call: SyscallCall, platform: PlatformId, egress: Egress | null, walked: boolean): World {
  const memory = world.sentry ?? EMPTY;
  const patch = platform === 'systrap' && !memory.patchedSites.includes(call.name);
  const path = egress?.type === 'file' && egress.kind !== 'data' && walked && !memory.dentries.includes(egress.path) ? egress.path : null;
  if (!patch && !path) return world;
  return {
    ...world,
    sentry: {
      patchedSites: patch ? [...memory.patchedSites, call.name] : memory.patchedSites,
      dentries: path ? [...memory.dentries, path] : memory.dentries,
    },
  };
}
