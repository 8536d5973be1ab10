import { describe, expect, it } from 'vitest';
import { suggestSyscall } from '../../../src/sim/syscalls/suggestSyscall.ts';

describe('suggestSyscall', () => {
  it.each([
    { typo: 'opnat', expected: 'openat' },
    { typo: 'getpdi', expected: 'getpid' },
    { typo: 'sysctl', expected: '_sysctl' },
    { typo: 'mmount', expected: 'mount' },
    { typo: 'unshrae', expected: 'unshare' },
    { typo: 'clone4', expected: 'clone3' },
    { typo: 'Execve', expected: 'execve' },
  ])('suggests $expected for $typo', ({ typo, expected }) => {
    expect(suggestSyscall(typo)).toContain(expected);
  });

  it.each([
    { typo: 'getpdi', limit: 3 },
    { typo: 'read', limit: 2 },
  ])('returns at most $limit names for $typo', ({ typo, limit }) => {
    expect(suggestSyscall(typo, limit).length).toBeLessThanOrEqual(limit);
  });

  it.each(['', 'zzzzzzzzzz', 'kubectl-apply'])('suggests nothing for %j', (typo) => {
    expect(suggestSyscall(typo)).toEqual([]);
  });

  it('puts the closest name first', () => {
    expect(suggestSyscall('opnat')[0]).toBe('openat');
  });
});
