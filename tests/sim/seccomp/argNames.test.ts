import { describe, expect, it } from 'vitest';
import { argLabel, showMask, showValue } from '../../../src/sim/seccomp/argNames.ts';

/** How seccomp sentences name argument values. */
describe('argument names in seccomp sentences', () => {
  it.each([
    ['socket', 0, 'domain'], ['clone', 0, 'flags'], ['personality', 0, 'persona'], ['clone', 1, 'arg1'], ['read', 2, 'arg2'],
    ['constructor', 0, 'arg0'],
  ])('%s argument %i is called %s', (name, index, label) => {
    expect(argLabel(name, index)).toBe(label);
  });

  it.each([
    ['socket', 0, 2n, 'AF_INET (2)'],
    ['socket', 0, 38n, 'AF_ALG (38)'],
    ['socket', 0, 40n, 'AF_VSOCK (40)'],
    ['socket', 0, 16n, 'AF_NETLINK (16)'],
    ['socket', 0, 999n, '999'],
    ['clone', 0, 0x11n, 'SIGCHLD (0x11)'],
    ['clone', 0, 0x10000011n, 'CLONE_NEWUSER|SIGCHLD (0x10000011)'],
    ['personality', 0, 0x20008n, 'PER_LINUX32|UNAME26 (0x20008)'],
    ['personality', 0, 0x400000n, 'PER_LINUX|READ_IMPLIES_EXEC (0x400000)'],
    ['personality', 0, 0xffffffffn, '0xffffffff'],
    ['read', 0, 3n, '3'],
    ['read', 0, 2n ** 64n - 1n, '0xffffffffffffffff'],
  ])('%s argument %i = %s reads %s', (name, index, value, shown) => {
    expect(showValue(name, index, value)).toBe(shown);
  });

  it('names the bits of a clone mask', () => {
    expect(showMask('clone', 0, 0x7e020000n)).toBe(
      'CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET (0x7e020000)');
    expect(showMask('read', 0, 0xf0n)).toBe('0xf0');
  });
});
