import { describe, expect, it } from 'vitest';
import { compareArg, matchAll, toU64, unknownIndexes } from '../../../src/sim/seccomp/compare.ts';
import type { SeccompArg, SeccompOp } from '../../../src/sim/seccomp/profile.ts';

const U64_MAX = 2n ** 64n - 1n;
const arg = (op: SeccompOp, value: bigint, valueTwo = 0n, index = 0): SeccompArg => ({ index, op, value, valueTwo });

/** Comparisons on unsigned 64-bit argument values (seccomp_rule_add(3), struct seccomp_data). */
describe('compareArg', () => {
  it.each([
    ['SCMP_CMP_EQ', 5n, 0n, 5n, true],
    ['SCMP_CMP_EQ', 5n, 0n, 6n, false],
    ['SCMP_CMP_NE', 5n, 0n, 6n, true],
    ['SCMP_CMP_LT', 38n, 0n, 2n, true],
    ['SCMP_CMP_LT', 38n, 0n, 38n, false],
    ['SCMP_CMP_LT', 38n, 0n, U64_MAX, false], // -1 is the largest unsigned value, not below 38
    ['SCMP_CMP_LE', 38n, 0n, 38n, true],
    ['SCMP_CMP_GE', 40n, 0n, 40n, true],
    ['SCMP_CMP_GT', 40n, 0n, 41n, true],
    ['SCMP_CMP_GT', 40n, 0n, U64_MAX, true],
    // value is the mask, valueTwo the datum: (arg & value) == valueTwo
    ['SCMP_CMP_MASKED_EQ', 0x7e020000n, 0n, 0x11n, true],
    ['SCMP_CMP_MASKED_EQ', 0x7e020000n, 0n, 0x10000011n, false],
    ['SCMP_CMP_MASKED_EQ', 0xffn, 0x11n, 0x1011n, true],
    ['SCMP_CMP_MASKED_EQ', 0xffn, 0x11n, 0x12n, false],
    ['SCMP_CMP_MASKED_EQ', U64_MAX, U64_MAX, U64_MAX, true],
  ] as const)('%s value=%s valueTwo=%s on %s → %s', (op, value, valueTwo, actual, expected) => {
    expect(compareArg(arg(op, value, valueTwo), actual)).toBe(expected);
  });
});

describe('toU64', () => {
  it.each([
    ['0', 0, 0n], ['2', 2, 2n], ['-1 (two\'s complement)', -1, U64_MAX], ['-2', -2, U64_MAX - 1n],
    ['0xffffffff', 0xffffffff, 0xffffffffn], ['2^64 as bigint wraps to 0', 2n ** 64n, 0n],
    ['1.5 is not a register value', 1.5, undefined], ['NaN', Number.NaN, undefined], ['Infinity', Infinity, undefined],
    ['undefined', undefined, undefined],
  ])('%s', (_label, input, expected) => {
    expect(toU64(input)).toBe(expected);
  });
});

describe('matchAll', () => {
  const conds = [arg('SCMP_CMP_EQ', 1n, 0n, 0), arg('SCMP_CMP_EQ', 2n, 0n, 1)];
  it.each([
    [[1, 2], 'yes'], [[1, 3], 'no'], [[1, undefined], 'unknown'], [[9, undefined], 'no'], [[], 'unknown'],
  ] as const)('args %j → %s', (args, expected) => {
    expect(matchAll(conds, args)).toBe(expected);
  });

  it('names the unknown arguments a rule looks at', () => {
    expect(unknownIndexes(conds, [undefined, 2])).toEqual([0]);
  });

  it('an empty rule always matches', () => {
    expect(matchAll([], [])).toBe('yes');
  });
});
