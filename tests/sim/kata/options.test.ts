import { describe, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS } from '../../../src/sim/kernel/capabilities.ts';
import { GUEST_KERNEL } from '../../../src/sim/kata/guest.ts';
import { kataOptionsProblem, kataSettings, type KataSettings } from '../../../src/sim/kata/options.ts';
import { KATA } from '../../../src/sim/runtime/kata.ts';
import { resolveOptions } from '../../../src/sim/runtime/options.ts';
import type { RuntimeOptions } from '../../../src/sim/runtime/types.ts';
import { referenceList } from '../../helpers/reference.ts';

describe('kataSettings: the options as they take effect', () => {
  it.each<[RuntimeOptions, Partial<KataSettings>]>([
    [{}, { hypervisor: 'qemu', transport: 'virtio-fs', cache: 'auto', dax: false, guestSeccomp: false }],
    [{ 'shared-fs': 'virtio-9p' }, { transport: 'virtio-9p' }],
    // Firecracker shares no filesystem: its rootfs is a block device whatever shared-fs says.
    [{ hypervisor: 'firecracker', 'shared-fs': 'virtio-9p' }, { transport: 'virtio-blk' }],
    [{ hypervisor: 'firecracker', dax: 'on' }, { transport: 'virtio-blk', dax: false }],
    [{ dax: 'on' }, { dax: true }],
    [{ dax: 'on', 'virtio-fs-cache': 'always' }, { dax: true }],
    // Kata leaves `dax` off the mount with cache never or metadata, and gives Cloud Hypervisor no DAX window.
    [{ dax: 'on', 'virtio-fs-cache': 'never' }, { dax: false }],
    [{ dax: 'on', 'virtio-fs-cache': 'metadata' }, { dax: false }],
    [{ dax: 'on', hypervisor: 'clh' }, { dax: false }],
    [{ 'guest-seccomp': 'on' }, { guestSeccomp: true }],
  ])('%j → %j', (options, expected) => {
    expect(kataSettings(options)).toMatchObject(expected);
  });

  it.each<[RuntimeOptions, string | null]>([
    [{ hypervisor: 'clh', 'shared-fs': 'virtio-9p' }, 'Cloud Hypervisor does not support virtio-9p shared filesystem option'],
    [{ hypervisor: 'qemu', 'shared-fs': 'virtio-9p' }, null],
    [{ hypervisor: 'firecracker', 'shared-fs': 'virtio-9p' }, null],
  ])('%j: Kata refuses with %j', (options, problem) => {
    expect(kataOptionsProblem(options)).toBe(problem);
  });

  it.each<[RuntimeOptions, RegExp]>([
    [{ hypervisor: 'xen' }, /--hypervisor takes qemu, clh, firecracker/],
    [{ platform: 'kvm' }, /kata has no option --platform/],
  ])('%j is refused with a message, not an exception', (options, message) => {
    const r = resolveOptions(KATA, options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('KATA.boot', () => {
  it('boots the container in a guest whose uname is Kata\'s guest kernel', () => {
    const s = KATA.boot();
    expect(s.runtime).toBe('kata');
    expect(s.world.kernel).toEqual(GUEST_KERNEL);
    expect(GUEST_KERNEL.release).toBe('6.18.35');
    expect(s.options).toEqual({ hypervisor: 'qemu', 'shared-fs': 'virtio-fs', 'virtio-fs-cache': 'auto', dax: 'off', 'guest-seccomp': 'off' });
  });

  it("gives the container Docker's default capabilities (docker_default_capabilities.txt)", () => {
    const s = KATA.boot();
    const cred = s.world.procs[s.pid]?.cred;
    expect([...(cred?.effective ?? [])].sort()).toEqual(referenceList('docker_default_capabilities.txt').sort());
    expect([...DOCKER_DEFAULT_CAPS].sort()).toEqual([...(cred?.bounding ?? [])].sort());
  });

  it.each<[string, 'disabled' | 'filter', string | null]>([['off', 'disabled', null], ['on', 'filter', 'oci']])('guest-seccomp=%s: the container runs with seccomp %s', (value, mode, profile) => {
    const s = KATA.boot({ options: { 'guest-seccomp': value } });
    expect(s.world.procs[s.pid]?.seccomp).toEqual({ mode, profile });
    expect(Object.keys(s.world.seccompProfiles)).toEqual(profile ? [profile] : []);
  });

  it('throws Kata\'s own message for a combination Kata refuses (callers check kataOptionsProblem first)', () => {
    expect(() => KATA.boot({ options: { hypervisor: 'clh', 'shared-fs': 'virtio-9p' } })).toThrow(/Cloud Hypervisor does not support virtio-9p/);
  });
});
