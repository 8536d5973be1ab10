import { describe, expect, it } from 'vitest';
import { bootSequence, type BootStepKind } from '../../../src/sim/firecracker/jailer.ts';
import { FC_FIGURES } from '../../../src/sim/firecracker/costs.ts';

const firstOf = (kinds: BootStepKind[], kind: BootStepKind) => kinds.indexOf(kind);

describe('the jailer boot sequence (docs/jailer.md, "Jailer Operation")', () => {
  const on = bootSequence({ jailer: 'on' });
  const kinds = on.map((s) => s.kind);

  it.each<[BootStepKind, BootStepKind]>([
    ['cgroups', 'namespace'],
    ['namespace', 'chroot'],
    ['chroot', 'devices'],
    ['devices', 'privileges'],
    ['privileges', 'exec'],
    ['exec', 'seccomp'],
    ['seccomp', 'vm'],
  ])('%s comes before %s', (a, b) => {
    expect(firstOf(kinds, a)).toBeGreaterThanOrEqual(0);
    expect(firstOf(kinds, a)).toBeLessThan(firstOf(kinds, b));
  });

  it.each([
    ['mount-ns', ['unshare', 'mount'], undefined],
    ['pivot-root', ['pivot_root', 'chdir', 'umount2', 'chroot'], undefined],
    ['net-ns', ['open', 'setns', 'close'], '--netns'],
    ['pid-ns', ['clone'], '--new-pid-ns'],
    ['drop-privileges', ['setgid', 'setuid'], undefined],
    ['exec', ['execve'], undefined],
    ['seccomp-vmm-vcpu', ['prctl', 'seccomp'], undefined],
  ])('%s makes %j (flag: %s)', (id, syscalls, optional) => {
    const step = on.find((s) => s.id === id);
    expect(step?.syscalls).toEqual(syscalls);
    expect(step?.optional).toBe(optional);
  });

  it('every jailer step is the jailer\'s and comes before every step of Firecracker itself', () => {
    const lastJailer = on.map((s) => s.by).lastIndexOf('jailer');
    expect(on.slice(0, lastJailer + 1).every((s) => s.by === 'jailer')).toBe(true);
    expect(on.slice(lastJailer + 1).every((s) => s.by === 'firecracker')).toBe(true);
  });

  it.each([
    ['on', true],
    ['off', false],
  ])('with jailer %s: chroot, cgroups and namespaces present = %s; the seccomp filters always', (jailer, jailed) => {
    const steps = bootSequence({ jailer }).map((s) => s.kind);
    expect(['chroot', 'cgroups', 'namespace', 'privileges'].map((k) => steps.includes(k as BootStepKind))).toEqual([jailed, jailed, jailed, jailed]);
    expect(steps.filter((k) => k === 'seccomp')).toHaveLength(2);
  });

  it.each(on.filter((s) => s.figure).map((s) => [s.id, s.figure] as const))('%s cites figure %s, one of the boot figures', (_id, figure) => {
    expect(FC_FIGURES.map((f) => f.id)).toContain(figure);
  });
});
