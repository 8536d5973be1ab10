import { errnoNumber } from '../errno.ts';
import { DOCKER_ALWAYS_ALLOWED } from './dockerDefaultAllowList.ts';
import { DOCKER_RULE_ROWS, type ArgTest, type DockerRuleRow } from './dockerDefaultRules.ts';
import type { SeccompArchMapEntry, SeccompOp, SeccompProfile, SeccompRule } from './profile.ts';

/**
 * Docker's default seccomp profile, built from the lab's own tables
 * (dockerDefaultAllowList.ts, dockerDefaultRules.ts) into the same
 * SeccompProfile the JSON loader returns, so one evaluator runs both and the
 * tests can hold them against each other rule by rule.
 * @see moby/profiles seccomp/default.json @ cd3bed8061c7b7378b61fc6827c7885779417a75
 *      (vendored unchanged by moby/moby as github.com/moby/profiles/seccomp v0.2.3)
 */

/**
 * Which extra architectures each native one lets through the filter: moby
 * adds the sub-architectures of the host's entry (64-bit hosts run 32-bit
 * binaries), so an amd64 filter also covers x86 and x32 system calls.
 */
const ARCH_MAP: readonly SeccompArchMapEntry[] = [
  { architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'] },
  { architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] },
  { architecture: 'SCMP_ARCH_MIPS64', subArchitectures: ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64N32'] },
  { architecture: 'SCMP_ARCH_MIPS64N32', subArchitectures: ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64'] },
  { architecture: 'SCMP_ARCH_MIPSEL64', subArchitectures: ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64N32'] },
  { architecture: 'SCMP_ARCH_MIPSEL64N32', subArchitectures: ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64'] },
  { architecture: 'SCMP_ARCH_S390X', subArchitectures: ['SCMP_ARCH_S390'] },
  { architecture: 'SCMP_ARCH_RISCV64', subArchitectures: [] },
  { architecture: 'SCMP_ARCH_LOONGARCH64', subArchitectures: [] },
];

const OPS: Record<ArgTest[0], SeccompOp> = { '<': 'SCMP_CMP_LT', '==': 'SCMP_CMP_EQ', '>': 'SCMP_CMP_GT' };

function expandRow(row: DockerRuleRow): SeccompRule[] {
  const comment = row.why;
  switch (row.type) {
    case 'kernel': return [{ names: row.names, action: 'SCMP_ACT_ALLOW', includes: { minKernel: row.minKernel }, comment }];
    case 'arch': return [{ names: row.names, action: 'SCMP_ACT_ALLOW', includes: { arches: row.arches }, comment }];
    case 'cap': return [{ names: row.names, action: 'SCMP_ACT_ALLOW', includes: { caps: [row.cap] }, comment }];
    case 'arg-any':
      // One entry per alternative: the entries are ORed, the args of one entry ANDed.
      return row.anyOf.map(([op, value]) => ({
        names: [row.name], action: 'SCMP_ACT_ALLOW', args: [{ index: row.index, value, valueTwo: 0n, op: OPS[op] }], comment,
      }));
    case 'no-bits': {
      const args = [{ index: row.index, value: row.bits, valueTwo: 0n, op: 'SCMP_CMP_MASKED_EQ' as const }];
      const caps = [row.unlessCap];
      const scope = 'only' in row.arches
        ? { includes: { arches: row.arches.only }, excludes: { caps } }
        : { excludes: { caps, arches: row.arches.except } };
      return [{ names: [row.name], action: 'SCMP_ACT_ALLOW', args, ...scope, comment }];
    }
    case 'errno':
      return [{ names: [row.name], action: 'SCMP_ACT_ERRNO', errnoRet: row.errno, excludes: { caps: [row.unlessCap] }, comment }];
  }
}

export function buildDockerDefaultProfile(): SeccompProfile {
  const always = Object.values(DOCKER_ALWAYS_ALLOWED).flat().sort();
  return {
    label: "Docker's default profile",
    defaultAction: 'SCMP_ACT_ERRNO',
    defaultErrnoRet: errnoNumber('EPERM'),
    archMap: ARCH_MAP,
    syscalls: [{ names: always, action: 'SCMP_ACT_ALLOW' }, ...DOCKER_RULE_ROWS.flatMap(expandRow)],
  };
}

/** Built once; profiles are treated as immutable (the evaluator caches an index per profile). */
export const DOCKER_DEFAULT_PROFILE: SeccompProfile = buildDockerDefaultProfile();
