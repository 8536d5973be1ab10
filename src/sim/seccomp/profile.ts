/**
 * A seccomp profile in Docker's JSON format: the runtime-spec
 * `linux.seccomp` object plus moby's extensions (`archMap`, `names`,
 * `includes`/`excludes`, `comment`). The loader (parseProfile.ts) returns this
 * type and the lab's own copy of Docker's default profile
 * (dockerDefaultProfile.ts) builds it, so one evaluator runs both.
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md#seccomp
 * @see moby/profiles seccomp/seccomp.go (Seccomp, Syscall, Filter, KernelVersion)
 */

/** The actions libseccomp and runc accept (runc libcontainer/seccomp/config.go `actions`). */
export const SECCOMP_ACTIONS = [
  'SCMP_ACT_KILL', 'SCMP_ACT_KILL_PROCESS', 'SCMP_ACT_KILL_THREAD', 'SCMP_ACT_TRAP',
  'SCMP_ACT_ERRNO', 'SCMP_ACT_TRACE', 'SCMP_ACT_ALLOW', 'SCMP_ACT_LOG', 'SCMP_ACT_NOTIFY',
] as const;
export type SeccompAction = (typeof SECCOMP_ACTIONS)[number];

/** The comparison operators (runc libcontainer/seccomp/config.go `operators`). */
export const SECCOMP_OPS = [
  'SCMP_CMP_NE', 'SCMP_CMP_LT', 'SCMP_CMP_LE', 'SCMP_CMP_EQ',
  'SCMP_CMP_GE', 'SCMP_CMP_GT', 'SCMP_CMP_MASKED_EQ',
] as const;
export type SeccompOp = (typeof SECCOMP_OPS)[number];

/** The architectures runc accepts in `architectures` (runc config.go `archs`). */
export const SECCOMP_ARCHES = [
  'SCMP_ARCH_X86', 'SCMP_ARCH_X86_64', 'SCMP_ARCH_X32', 'SCMP_ARCH_ARM', 'SCMP_ARCH_AARCH64',
  'SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64', 'SCMP_ARCH_MIPS64N32', 'SCMP_ARCH_MIPSEL',
  'SCMP_ARCH_MIPSEL64', 'SCMP_ARCH_MIPSEL64N32', 'SCMP_ARCH_PPC', 'SCMP_ARCH_PPC64',
  'SCMP_ARCH_PPC64LE', 'SCMP_ARCH_RISCV64', 'SCMP_ARCH_S390', 'SCMP_ARCH_S390X',
  'SCMP_ARCH_LOONGARCH64',
] as const;
export type SeccompArchName = (typeof SECCOMP_ARCHES)[number];

/** A syscall has at most six arguments (seccomp(2): `struct seccomp_data.args[6]`). */
export const SECCOMP_MAX_ARGS = 6;

/** Arguments are unsigned 64-bit in `struct seccomp_data`, so values are kept as bigint. */
export const U64_MAX = (1n << 64n) - 1n;

/**
 * One argument comparison. For SCMP_CMP_MASKED_EQ `value` is the mask and
 * `valueTwo` the datum: the rule matches when (arg & value) == valueTwo.
 * @see libseccomp src/db.c db_col_rule_add (mask = datum_a, datum = datum_b)
 */
export interface SeccompArg {
  index: number;
  value: bigint;
  valueTwo: bigint;
  op: SeccompOp;
}

/** `<kernel>.<major>` of moby's KernelVersion, e.g. 4.8 → [4, 8]. */
export type KernelVersion = readonly [number, number];

/**
 * moby's conditions on a rule: capabilities of the container, the host's
 * architecture (Go/libseccomp names such as `amd64`, `arm64`, `s390x`) and the
 * host kernel's version.
 */
export interface SeccompFilter {
  caps?: readonly string[];
  arches?: readonly string[];
  minKernel?: KernelVersion;
}

/** One entry of `syscalls`: a group of names sharing an action and conditions. */
export interface SeccompRule {
  names: readonly string[];
  action: SeccompAction;
  /** The errno for SCMP_ACT_ERRNO (the message for SCMP_ACT_TRACE); EPERM when absent. */
  errnoRet?: number;
  args?: readonly SeccompArg[];
  includes?: SeccompFilter;
  excludes?: SeccompFilter;
  comment?: string;
}

export interface SeccompArchMapEntry {
  architecture: SeccompArchName;
  subArchitectures: readonly SeccompArchName[];
}

export interface SeccompProfile {
  defaultAction: SeccompAction;
  defaultErrnoRet?: number;
  architectures?: readonly SeccompArchName[];
  archMap?: readonly SeccompArchMapEntry[];
  syscalls: readonly SeccompRule[];
  flags?: readonly string[];
  listenerPath?: string;
  listenerMetadata?: string;
  /**
   * Not part of Docker's format: what the lab calls the profile in its
   * sentences ("Docker's default profile"). The loader takes it as an option.
   */
  label?: string;
}
