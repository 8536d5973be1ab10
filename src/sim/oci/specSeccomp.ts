import type { CapSet } from '../kernel/capabilities.ts';
import {
  SECCOMP_ARCHES, type KernelVersion, type SeccompAction, type SeccompArchName, type SeccompOp, type SeccompProfile, type SeccompRule,
} from '../seccomp/profile.ts';
import { ruleGate } from '../seccomp/seccompEnv.ts';
import { HOST_KERNEL_VERSION } from '../vfs/images/hostRoot.ts';
import type { OciSeccomp, OciSeccompRule } from './spec.ts';

/**
 * Between Docker's profile format and the spec's linux.seccomp.
 *
 * profileToOciSeccomp is moby's setupSeccomp: the architectures are the
 * profile's own plus, from `archMap`, the host's entry and its
 * sub-architectures; each rule whose `includes`/`excludes` do not fit the
 * container (its bounding capabilities, the host's architecture and kernel)
 * is dropped, and the rest keep only names, action, errnoRet and args.
 *
 * ociSeccompToProfile reads a spec's filter back as a profile, so the lab's
 * evaluator (seccomp/evaluate.ts) runs an imported config.json's filter. It
 * expects a filter parseSpec has checked (known actions and operators).
 * @see moby/moby vendor/github.com/moby/profiles/seccomp/seccomp_linux.go setupSeccomp, nativeToSeccomp
 */

/** libseccomp's architecture names (moby's `arches`) to the spec's. */
const NATIVE_TO_SECCOMP: Readonly<Record<string, SeccompArchName>> = {
  x86: 'SCMP_ARCH_X86', amd64: 'SCMP_ARCH_X86_64', arm: 'SCMP_ARCH_ARM', arm64: 'SCMP_ARCH_AARCH64',
  loong64: 'SCMP_ARCH_LOONGARCH64', mips64: 'SCMP_ARCH_MIPS64', mips64n32: 'SCMP_ARCH_MIPS64N32', mipsel64: 'SCMP_ARCH_MIPSEL64',
  mips3l64n32: 'SCMP_ARCH_MIPSEL64N32', mipsle: 'SCMP_ARCH_MIPSEL', ppc: 'SCMP_ARCH_PPC', ppc64: 'SCMP_ARCH_PPC64',
  ppc64le: 'SCMP_ARCH_PPC64LE', riscv64: 'SCMP_ARCH_RISCV64', s390: 'SCMP_ARCH_S390', s390x: 'SCMP_ARCH_S390X',
};

function ociRule(rule: SeccompRule): OciSeccompRule {
  const out: OciSeccompRule = { names: [...rule.names], action: rule.action };
  if (rule.errnoRet !== undefined) out.errnoRet = rule.errnoRet;
  if (rule.args && rule.args.length > 0) {
    out.args = rule.args.map((a) => ({
      index: a.index, value: Number(a.value), ...(a.valueTwo !== 0n ? { valueTwo: Number(a.valueTwo) } : {}), op: a.op,
    }));
  }
  return out;
}

/**
 * The filter moby hands the runtime for a container with these capabilities.
 * Argument values become numbers: exact up to 2^53, which Docker's default
 * profile stays far below (its largest is 0xffffffff).
 */
export function profileToOciSeccomp(p: SeccompProfile, caps: CapSet, arch = 'amd64', kernel: KernelVersion = HOST_KERNEL_VERSION): OciSeccomp {
  const architectures: string[] = [...(p.architectures ?? [])];
  const native = NATIVE_TO_SECCOMP[arch];
  const entry = p.archMap?.find((a) => a.architecture === native);
  if (entry) architectures.push(entry.architecture, ...entry.subArchitectures);
  const env = { arch, caps, kernel };
  const out: OciSeccomp = { defaultAction: p.defaultAction };
  if (p.defaultErrnoRet !== undefined) out.defaultErrnoRet = p.defaultErrnoRet;
  if (architectures.length > 0) out.architectures = architectures;
  if (p.flags && p.flags.length > 0) out.flags = [...p.flags];
  const syscalls = p.syscalls.filter((r) => ruleGate(r, env).applies).map(ociRule);
  if (syscalls.length > 0) out.syscalls = syscalls;
  return out;
}

/** A spec's filter as a profile the evaluator runs; `label` names it in the evaluator's sentences. */
export function ociSeccompToProfile(s: OciSeccomp, label = "the spec's seccomp filter"): SeccompProfile {
  const architectures = (s.architectures ?? []).filter((a): a is SeccompArchName => (SECCOMP_ARCHES as readonly string[]).includes(a));
  const profile: SeccompProfile = {
    label,
    defaultAction: s.defaultAction as SeccompAction,
    syscalls: (s.syscalls ?? []).map((r) => {
      const rule: SeccompRule = { names: [...r.names], action: r.action as SeccompAction };
      if (r.errnoRet !== undefined) rule.errnoRet = r.errnoRet;
      if (r.args && r.args.length > 0) {
        rule.args = r.args.map((a) => ({ index: a.index, value: BigInt(a.value), valueTwo: BigInt(a.valueTwo ?? 0), op: a.op as SeccompOp }));
      }
      return rule;
    }),
  };
  if (s.defaultErrnoRet !== undefined) profile.defaultErrnoRet = s.defaultErrnoRet;
  if (architectures.length > 0) profile.architectures = architectures;
  if (s.flags && s.flags.length > 0) profile.flags = [...s.flags];
  return profile;
}
