import { U64_MAX, type SeccompArg } from './profile.ts';

/**
 * Argument comparisons as the BPF program libseccomp generates performs them:
 * on the unsigned 64-bit values of `struct seccomp_data.args[]` (libseccomp
 * splits each into two 32-bit halves, which gives the same result as one
 * 64-bit comparison).
 * @see seccomp(2) (struct seccomp_data), seccomp_rule_add(3) (SCMP_CMP_*)
 */

/** A call argument as the lab knows it: a number, an exact bigint, or unknown. */
export type ArgValue = number | bigint | undefined;

/**
 * The unsigned 64-bit register value of an argument, or undefined when it is
 * not known. Negative numbers become their two's complement (-1 → 2^64-1), as
 * a sign-extended register would hold them; a non-integer is not a value a
 * register can hold, so it counts as unknown.
 */
export function toU64(value: ArgValue): bigint | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'bigint') return BigInt.asUintN(64, value);
  if (!Number.isInteger(value)) return undefined;
  return BigInt.asUintN(64, BigInt(value));
}

/** Does `actual` (already unsigned 64-bit) satisfy the comparison? */
export function compareArg(arg: SeccompArg, actual: bigint): boolean {
  const datum = arg.value & U64_MAX;
  switch (arg.op) {
    case 'SCMP_CMP_NE': return actual !== datum;
    case 'SCMP_CMP_LT': return actual < datum;
    case 'SCMP_CMP_LE': return actual <= datum;
    case 'SCMP_CMP_EQ': return actual === datum;
    case 'SCMP_CMP_GE': return actual >= datum;
    case 'SCMP_CMP_GT': return actual > datum;
    // value is the mask, valueTwo the datum (libseccomp db.c: mask = datum_a).
    case 'SCMP_CMP_MASKED_EQ': return (actual & datum) === (arg.valueTwo & U64_MAX);
  }
}

/** Three-valued truth: a condition on an unknown argument is `unknown`. */
export type Match = 'yes' | 'no' | 'unknown';

/**
 * All of a rule's conditions must hold (libseccomp ANDs the comparisons of one
 * rule). `no` wins over `unknown`: one known failing comparison settles it.
 */
export function matchAll(conds: readonly SeccompArg[], args: readonly ArgValue[]): Match {
  let result: Match = 'yes';
  for (const cond of conds) {
    const actual = toU64(args[cond.index]);
    if (actual === undefined) result = 'unknown';
    else if (!compareArg(cond, actual)) return 'no';
  }
  return result;
}

/** The argument indexes a rule looks at whose values are unknown. */
export function unknownIndexes(conds: readonly SeccompArg[], args: readonly ArgValue[]): number[] {
  return conds.filter((c) => toU64(args[c.index]) === undefined).map((c) => c.index);
}
