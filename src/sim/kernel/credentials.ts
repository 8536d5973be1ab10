import type { Capability, CapSet } from './capabilities.ts';

/**
 * A task's credentials (include/linux/cred.h): ids, capability sets and the
 * flags that decide what it may do.
 * @see credentials(7), capabilities(7)
 */
export interface Credentials {
  uid: number;
  gid: number;
  euid: number;
  egid: number;
  suid: number;
  sgid: number;
  fsuid: number;
  fsgid: number;
  groups: number[];
  bounding: CapSet;
  permitted: CapSet;
  effective: CapSet;
  inheritable: CapSet;
  ambient: CapSet;
  /** PR_SET_NO_NEW_PRIVS; Docker sets it only with `--security-opt no-new-privileges`. */
  noNewPrivs: boolean;
}

/** Root with every capability: the host's init and a root shell on the host. */
export function rootCredentials(caps: CapSet): Credentials {
  return {
    uid: 0, gid: 0, euid: 0, egid: 0, suid: 0, sgid: 0, fsuid: 0, fsgid: 0, groups: [0],
    bounding: caps, permitted: caps, effective: caps, inheritable: [], ambient: [], noNewPrivs: false,
  };
}

/**
 * Credentials after a switch to a non-root user without file capabilities:
 * execve() of a plain binary by a non-root user clears permitted and effective
 * (capabilities(7), "Transformation of capabilities during execve()").
 */
export function userCredentials(uid: number, gid: number, bounding: CapSet): Credentials {
  return {
    uid, gid, euid: uid, egid: gid, suid: uid, sgid: gid, fsuid: uid, fsgid: gid, groups: [gid],
    bounding, permitted: [], effective: [], inheritable: [], ambient: [], noNewPrivs: false,
  };
}

export function hasEffective(cred: Credentials, cap: Capability): boolean {
  return cred.effective.includes(cap);
}

/** Capabilities as the hex masks /proc/PID/status prints (CapInh, CapPrm, CapEff, CapBnd, CapAmb). */
export function capMask(set: CapSet, all: readonly Capability[]): string {
  let mask = 0n;
  for (const cap of set) mask |= 1n << BigInt(all.indexOf(cap));
  return mask.toString(16).padStart(16, '0');
}
