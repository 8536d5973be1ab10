import { ALL_CAPS, DOCKER_DEFAULT_CAPS, type Capability, type CapSet } from '../../../src/sim/kernel/capabilities.ts';
import { parseSeccompProfile } from '../../../src/sim/seccomp/parseProfile.ts';
import type { SeccompProfile, SeccompRule } from '../../../src/sim/seccomp/profile.ts';
import { readReference, referenceCsv } from '../../helpers/reference.ts';

/**
 * Shared fixtures of the seccomp tests: the reference copy of Docker's
 * default profile loaded with the lab's own loader, the x86_64 syscall names,
 * the capability sets the tests compare under, and a normal form of a rule
 * that ignores the names it lists and its comment.
 */

export const REFERENCE_PROFILE_TEXT = readReference('docker_default_seccomp.json');

export function loadReferenceProfile(): SeccompProfile {
  const result = parseSeccompProfile(REFERENCE_PROFILE_TEXT, { label: "Docker's default profile" });
  if (!result.ok) throw new Error(`the reference profile does not load: ${result.message}`);
  return result.profile;
}

export const X86_64_NAMES: readonly string[] = referenceCsv('syscalls_x86_64.csv').map((r) => r.name ?? '');

const plus = (...caps: Capability[]): CapSet => [...DOCKER_DEFAULT_CAPS, ...caps];

export const CAP_SETS: readonly (readonly [string, CapSet])[] = [
  ['Docker default', DOCKER_DEFAULT_CAPS],
  ['default + CAP_SYS_ADMIN', plus('CAP_SYS_ADMIN')],
  ['default + PTRACE/TIME/MODULE/BOOT/NICE/BPF', plus('CAP_SYS_PTRACE', 'CAP_SYS_TIME', 'CAP_SYS_MODULE', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_BPF')],
  ['all caps', ALL_CAPS],
  ['no caps', []],
];

/** A rule without its names and comment, as a comparable string. */
export function ruleShape(rule: SeccompRule): string {
  const filter = (f: SeccompRule['includes']) => f && {
    caps: f.caps ? [...f.caps].sort() : undefined,
    arches: f.arches ? [...f.arches].sort() : undefined,
    minKernel: f.minKernel,
  };
  return JSON.stringify({
    action: rule.action,
    errnoRet: rule.errnoRet,
    args: rule.args?.map((a) => [a.index, a.op, String(a.value), String(a.valueTwo)]),
    includes: filter(rule.includes),
    excludes: filter(rule.excludes),
  });
}

/** For each syscall name, the sorted shapes of the rules that name it. */
export function shapesByName(profile: SeccompProfile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of profile.syscalls) {
    for (const name of rule.names) out.set(name, [...(out.get(name) ?? []), ruleShape(rule)].sort());
  }
  return out;
}
