import { DOCKER_DEFAULT_CAPS, type CapSet } from '../kernel/capabilities.ts';
import type { KernelVersion, SeccompRule } from './profile.ts';

/**
 * What moby looks at when it turns a profile into the filter for one
 * container: the host's architecture and kernel, and the container's
 * capabilities (its bounding set).
 * @see moby/profiles seccomp/seccomp_linux.go setupSeccomp
 */
export interface SeccompEnv {
  /** Go/libseccomp architecture name as moby matches `arches`: amd64, arm64, s390x… */
  arch: string;
  caps: CapSet;
  /** The host kernel's `<kernel>.<major>`; moby ignores the rest of the release. */
  kernel: KernelVersion;
}

/** amd64, Docker's default capabilities, and a recent kernel (Ubuntu 24.04's 6.8). */
export const DEFAULT_SECCOMP_ENV: SeccompEnv = { arch: 'amd64', caps: DOCKER_DEFAULT_CAPS, kernel: [6, 8] };

export function seccompEnv(env: Partial<SeccompEnv> = {}): SeccompEnv {
  return { ...DEFAULT_SECCOMP_ENV, ...env };
}

/** Why moby left a rule out of this container's filter. */
export type RuleGate =
  | { applies: true }
  | { applies: false; missingCaps: readonly string[] }
  | { applies: false; heldCap: string }
  | { applies: false; arches: readonly string[]; excluded: boolean }
  | { applies: false; minKernel: KernelVersion; excluded: boolean };

function atLeast(kernel: KernelVersion, min: KernelVersion): boolean {
  return kernel[0] > min[0] || (kernel[0] === min[0] && kernel[1] >= min[1]);
}

/**
 * moby's `excludes` then `includes`, in its order. `includes.caps` needs
 * EVERY listed capability (the loop skips the rule at the first one missing
 * from the bounding set); `excludes.caps` drops the rule if ANY listed
 * capability is held; `minKernel` includes on kernel ≥ min and excludes on
 * kernel ≥ min.
 * @see moby/profiles seccomp/seccomp_linux.go setupSeccomp (the `Loop:` over config.Syscalls)
 */
export function ruleGate(rule: SeccompRule, env: SeccompEnv): RuleGate {
  const ex = rule.excludes;
  if (ex?.arches?.includes(env.arch)) return { applies: false, arches: ex.arches, excluded: true };
  const held = ex?.caps?.find((c) => (env.caps as readonly string[]).includes(c));
  if (held !== undefined) return { applies: false, heldCap: held };
  if (ex?.minKernel && atLeast(env.kernel, ex.minKernel)) return { applies: false, minKernel: ex.minKernel, excluded: true };
  const inc = rule.includes;
  if (inc?.arches && !inc.arches.includes(env.arch)) return { applies: false, arches: inc.arches, excluded: false };
  const missing = inc?.caps?.filter((c) => !(env.caps as readonly string[]).includes(c)) ?? [];
  if (missing.length > 0) return { applies: false, missingCaps: missing };
  if (inc?.minKernel && !atLeast(env.kernel, inc.minKernel)) return { applies: false, minKernel: inc.minKernel, excluded: false };
  return { applies: true };
}
