import { describe, expect, it } from 'vitest';
import { createCgroupTree, createDockerScope, dockerCgroupPath, dockerFlagsToCgroupWrites, readCgroupFile, type DockerResourceFlags } from '../../../src/sim/cgroups/index.ts';
import { must } from './helpers.ts';

describe('docker flags to cgroup files', () => {
  it.each([
    { flags: { memory: '64m' }, writes: [{ file: 'memory.max', value: '67108864' }] },
    { flags: { memory: '1g' }, writes: [{ file: 'memory.max', value: '1073741824' }] },
    { flags: { memory: '512MiB' }, writes: [{ file: 'memory.max', value: '536870912' }] },
    { flags: { memory: '100000000' }, writes: [{ file: 'memory.max', value: '100000000' }] },
    { flags: { pidsLimit: '10' }, writes: [{ file: 'pids.max', value: '10' }] },
    { flags: { pidsLimit: '-1' }, writes: [{ file: 'pids.max', value: 'max' }] },
    { flags: { pidsLimit: '0' }, writes: [{ file: 'pids.max', value: 'max' }] },
    { flags: { cpus: '0.5' }, writes: [{ file: 'cpu.max', value: '50000 100000' }] },
    { flags: { cpus: '1.5' }, writes: [{ file: 'cpu.max', value: '150000 100000' }] },
    { flags: { cpus: '.25' }, writes: [{ file: 'cpu.max', value: '25000 100000' }] },
    { flags: { memory: '64m', pidsLimit: '10', cpus: '0.5' }, writes: [{ file: 'pids.max', value: '10' }, { file: 'memory.max', value: '67108864' }, { file: 'cpu.max', value: '50000 100000' }] },
  ] as { flags: DockerResourceFlags; writes: unknown[] }[])('$flags', ({ flags, writes }) => {
    expect(must(dockerFlagsToCgroupWrites(flags))).toEqual(writes);
  });

  it.each([
    { flags: { memory: '4m' }, reason: 'Minimum memory limit allowed is 6MB' },
    { flags: { memory: '64q' }, reason: 'invalid argument "64q" for "-m, --memory" flag: invalid suffix: \'q\'' },
    { flags: { memory: 'lots' }, reason: 'invalid argument "lots" for "-m, --memory" flag: invalid size: \'lots\'' },
    { flags: { cpus: '16' }, reason: 'Range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available' },
    { flags: { cpus: 'half' }, reason: 'invalid argument "half" for "--cpus" flag: failed to parse half as a rational number' },
    { flags: { cpus: '0.0000000001' }, reason: 'invalid argument "0.0000000001" for "--cpus" flag: value is too precise' },
    { flags: { pidsLimit: 'ten' }, reason: 'invalid argument "ten" for "--pids-limit" flag: strconv.ParseInt: parsing "ten": invalid syntax' },
  ] as { flags: DockerResourceFlags; reason: string }[])('refuses $flags', ({ flags, reason }) => {
    const r = dockerFlagsToCgroupWrites(flags);
    expect(r.ok ? 'ok' : r.reason).toBe(reason);
  });

  it.each([
    { driver: 'systemd', path: '/system.slice/docker-abc123.scope' },
    { driver: 'cgroupfs', path: '/docker/abc123' },
  ] as const)('the $driver driver puts the container at $path', ({ driver, path }) => {
    expect(dockerCgroupPath('abc123', driver)).toBe(path);
    const made = must(createDockerScope(createCgroupTree(), 'abc123', { memory: '64m', pidsLimit: '10', cpus: '0.5' }, { driver }));
    expect(made.path).toBe(path);
    expect(must(readCgroupFile(made.tree, path, 'memory.max'))).toBe('67108864\n');
    expect(must(readCgroupFile(made.tree, path, 'pids.max'))).toBe('10\n');
    expect(must(readCgroupFile(made.tree, path, 'cpu.max'))).toBe('50000 100000\n');
  });

  it('passes on the kernel\'s refusal of a quota under 1 ms (--cpus 0.001)', () => {
    const r = createDockerScope(createCgroupTree(), 'abc', { cpus: '0.001' });
    expect(r.ok ? 'ok' : r.errno).toBe('EINVAL');
  });
});
