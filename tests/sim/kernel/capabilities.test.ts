import { describe, expect, it } from 'vitest';
import { CAPABILITIES, DOCKER_DEFAULT_CAPS, parseCapability } from '../../../src/sim/kernel/capabilities.ts';
import { referenceList } from '../../helpers/reference.ts';

describe('capabilities', () => {
  it("Docker's default set is exactly the reference's 14, in the same order", () => {
    expect([...DOCKER_DEFAULT_CAPS]).toEqual(referenceList('docker_default_capabilities.txt'));
  });

  it.each([
    ['CAP_CHOWN', 0], ['CAP_DAC_OVERRIDE', 1], ['CAP_KILL', 5], ['CAP_NET_RAW', 13], ['CAP_SYS_MODULE', 16],
    ['CAP_SYS_CHROOT', 18], ['CAP_SYS_PTRACE', 19], ['CAP_SYS_ADMIN', 21], ['CAP_SYS_BOOT', 22], ['CAP_SYS_TIME', 25],
    ['CAP_MKNOD', 27], ['CAP_SETFCAP', 31], ['CAP_SYSLOG', 34], ['CAP_PERFMON', 38], ['CAP_BPF', 39], ['CAP_CHECKPOINT_RESTORE', 40],
  ])('%s is capability %i (include/uapi/linux/capability.h)', (name, num) => {
    expect(CAPABILITIES.indexOf(name as (typeof CAPABILITIES)[number])).toBe(num);
  });

  it.each([['SYS_ADMIN', 'CAP_SYS_ADMIN'], ['cap_net_raw', 'CAP_NET_RAW'], [' CAP_KILL ', 'CAP_KILL'], ['SYS_NOPE', undefined], ['', undefined]])(
    'parseCapability(%j) → %s', (input, expected) => expect(parseCapability(input)).toBe(expected));
});
