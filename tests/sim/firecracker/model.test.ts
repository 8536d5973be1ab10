import { describe, expect, it } from 'vitest';
import { FIRECRACKER } from '../../../src/sim/runtime/firecracker.ts';
import { FIRECRACKER_LAYERS } from '../../../src/sim/firecracker/layers.ts';
import { firecrackerThread } from '../../../src/sim/firecracker/vmmFilter.ts';
import { allSyscalls } from '../../../src/sim/syscalls/catalogue.ts';
import { referenceCsv, referenceList } from '../../helpers/reference.ts';

const CSV = referenceCsv('firecracker_seccomp_x86_64_by_thread.csv');
const THREADS = ['vmm', 'api', 'vcpu'] as const;
const verdict = (name: string, options = {}) => FIRECRACKER.verdicts(options).find((v) => v.name === name);

describe('Firecracker surface(): the union of the thread filters', () => {
  const rows = FIRECRACKER.surface();
  it('lists the 50 syscalls of the union', () => {
    expect(rows.map((r) => r.name).sort()).toEqual(referenceList('firecracker_vmm_seccomp_x86_64.txt').sort());
  });
  it.each(CSV.map((r) => [r.syscall ?? '', r] as const))('%s: the threads that reach it and whether it is argument-filtered', (name, row) => {
    const surface = rows.find((r) => r.name === name);
    expect(surface?.number).toBe(Number(row.number));
    expect(surface?.processes).toEqual(THREADS.filter((t) => row[t]).map((t) => firecrackerThread(t).label));
    expect(surface?.argFiltered).toBe(!THREADS.some((t) => row[t] === 'allow'));
  });
});

describe('Firecracker verdicts(): the guest kernel answers', () => {
  it('has one row per x86_64 syscall, none decided by a host layer', () => {
    const rows = FIRECRACKER.verdicts();
    expect(rows.map((r) => r.name)).toEqual(allSyscalls().map((s) => s.name));
    const hostLayers = FIRECRACKER_LAYERS.filter((l) => l.hostKernel).map((l) => l.id);
    expect(rows.filter((r) => hostLayers.includes(r.handledBy))).toEqual([]);
  });

  it.each([
    ['openat', {}, 'allow', null, 'guest-kernel'],
    ['io_uring_setup', {}, 'allow', null, 'guest-kernel'],
    ['set_mempolicy_home_node', {}, 'allow', null, 'guest-kernel'],
    ['kexec_file_load', {}, 'allow', null, 'guest-kernel'],
    ['kexec_load', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['finit_module', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['landlock_create_ruleset', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['kcmp', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['cachestat', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['mseal', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['uretprobe', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['uselib', {}, 'deny', 'ENOSYS', 'guest-kernel'],
    ['keyctl', { 'guest-seccomp': 'docker-default' }, 'deny', 'EPERM', 'guest-seccomp'],
    ['kexec_load', { 'guest-seccomp': 'docker-default' }, 'deny', 'EPERM', 'guest-seccomp'],
    ['clone', { 'guest-seccomp': 'docker-default' }, 'conditional', null, 'guest-seccomp'],
  ])('%s with %j: %s %s by %s', (name, options, v, errno, layer) => {
    expect(verdict(name, options)).toMatchObject({ verdict: v, errno, handledBy: layer });
  });

  it.each([
    ['getpid', true, 'guest-kernel'],
    ['kexec_load', false, 'guest-kernel'],
    ['no_such_call', false, 'guest-kernel'],
  ])('classify(%s) for replay: allowed %s by %s', (name, allowed, layer) => {
    expect(FIRECRACKER.classify(name, () => [])).toMatchObject({ allowed, layer });
  });

  it.each([
    ['jailer', 'on'],
    ['io-engine', 'sync'],
    ['guest-seccomp', 'off'],
  ])('boot resolves option %s to its default %s', (key, value) => {
    expect(FIRECRACKER.boot().options[key]).toBe(value);
  });

  it('the guest reports its own kernel in uname', () => {
    expect(FIRECRACKER.boot().world.kernel?.release).toBe('6.1.167-27.319.amzn2023.x86_64');
  });
});
