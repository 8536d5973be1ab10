import { describe, expect, it } from 'vitest';
import { bitAnd, bitOr, hasBits, toWord } from '../../../../src/sim/syscalls/constants/bits.ts';

describe('bits beyond 31', () => {
  it.each([
    { args: [0x80000000, 0x100], or: 0x80000100 },
    { args: [0x200000000, 0x1], or: 0x200000001 },
    { args: [0x7e000000, 0x20000], or: 0x7e020000 },
    { args: [], or: 0 },
  ])('bitOr($args) = $or', ({ args, or }) => {
    expect(bitOr(...args)).toBe(or);
  });

  it.each([
    { a: 0x80000100, b: 0x80000000, and: 0x80000000, has: true },
    { a: 0x7e020000, b: 0x10000000, and: 0x10000000, has: true },
    { a: 0x11, b: 0x80, and: 0, has: false },
  ])('bitAnd($a, $b) = $and', ({ a, b, and, has }) => {
    expect(bitAnd(a, b)).toBe(and);
    expect(hasBits(a, b)).toBe(has);
  });

  it('reads -1 as the all-ones register', () => {
    expect(toWord(-1)).toBe(2n ** 64n - 1n);
  });
});
