/**
 * Bit operations on flag words wider than 31 bits. JavaScript's `|` and `&`
 * work on signed 32-bit integers, so CLONE_IO (0x80000000) would turn
 * negative and CLONE_INTO_CGROUP (0x200000000) would vanish; these go through
 * BigInt as an unsigned 64-bit word instead, as the kernel sees it.
 */

/** The unsigned 64-bit word a register would hold (-1 → 0xffffffffffffffff). */
export function toWord(value: number): bigint {
  return BigInt.asUintN(64, BigInt(Math.trunc(value)));
}

/** Back to a number; exact up to 2^53, which covers every flag the lab knows. */
export function fromWord(word: bigint): number {
  return Number(word);
}

export function bitOr(...values: number[]): number {
  return fromWord(values.reduce((acc, v) => acc | toWord(v), 0n));
}

export function bitAnd(a: number, b: number): number {
  return fromWord(toWord(a) & toWord(b));
}

/** True when every bit of `bits` is set in `value`. */
export function hasBits(value: number, bits: number): boolean {
  const b = toWord(bits);
  return (toWord(value) & b) === b;
}
