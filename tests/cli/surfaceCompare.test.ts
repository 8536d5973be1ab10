import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { referenceCsv, referenceList } from '../helpers/reference.ts';
import { fakeIo } from './fakeIo.ts';

/** `isolab surface` and `isolab compare` (issue 3, points 6 and 7). */
const syscalls = referenceCsv('syscalls_x86_64.csv');
const docker = referenceCsv('docker_default_seccomp_summary.csv');

async function csvRows(argv: string[]): Promise<string[][]> {
  const io = fakeIo();
  expect(await main(argv, io)).toBe(0);
  const [head, ...rows] = io.out.trim().split('\n');
  expect(head).toBe('number,name,kind,arg_filtered,processes');
  return rows.map((r) => r.split(','));
}

describe('isolab surface', () => {
  it.each([
    ['host', [], syscalls.length],
    ['runc', [], docker.filter((r) => r.default_container_result === 'allowed' || r.default_container_result === 'allowed_if_args_match').length],
    ['gvisor', [], referenceList('gvisor_sentry_host_syscalls.txt').length],
    ['gvisor', ['--directfs', 'off'], referenceList('gvisor_sentry_host_syscalls.txt').length - 16],
  ])('%s %o', async (runtime, extra, count) => {
    const rows = await csvRows(['surface', '--runtime', runtime, ...extra]);
    expect(rows).toHaveLength(count);
  });

  it('runc names the three argument-filtered syscalls', async () => {
    const rows = await csvRows(['surface', '--runtime', 'runc']);
    expect(rows.filter((r) => r[3] === 'yes').map((r) => r[1]).sort()).toEqual(['clone', 'personality', 'socket']);
  });

  it('json says which process reaches each syscall', async () => {
    const io = fakeIo();
    await main(['surface', '--runtime', 'gvisor', '--format', 'json'], io);
    const out = JSON.parse(io.out) as { count: number; processes: string[]; syscalls: { name: string; processes: string[] }[] };
    expect(out.processes).toEqual(['runsc-sandbox (Sentry)']);
    expect(out.syscalls.find((s) => s.name === 'openat')?.processes).toEqual(['runsc-sandbox (Sentry)']);
  });
});

describe('isolab compare', () => {
  it('prints each runtime\'s result, kernel, host calls, cost and the published ratio', async () => {
    const io = fakeIo();
    expect(await main(['compare', 'getpid()', '--runtimes', 'host,runc,gvisor:platform=kvm'], io)).toBe(0);
    expect(io.out).toContain('served by   host kernel');
    expect(io.out).toContain('served by   sentry kernel');
    expect(io.out).toMatch(/gvisor:platform=kvm\n {2}result {6}getpid\(\) = 1\n/);
    expect(io.out).toContain('host calls  none');
    expect(io.out).toContain('13.39× host (gvisor-kvm-getpid-e5-2650v2 / native-getpid-e5-2650v2');
  });

  it('options given once apply to every runtime that has them', async () => {
    const io = fakeIo();
    await main(['compare', 'getpid()', '--runtimes', 'runc,gvisor', '--platform', 'ptrace', '--json'], io);
    const out = JSON.parse(io.out) as { rows: { runtime: string; options: Record<string, string> }[] };
    expect(out.rows.map((r) => r.options)).toEqual([{}, { platform: 'ptrace', directfs: 'on', network: 'sandbox', 'oci-seccomp': 'off' }]);
  });

  it('bad input under every runtime is a row each, and exit 1', async () => {
    const io = fakeIo();
    expect(await main(['compare', 'frobnicate(1)', '--runtimes', 'runc,gvisor'], io)).toBe(1);
    expect(io.out.match(/refused: unknown syscall 'frobnicate'/g)).toHaveLength(2);
  });
});

describe('isolab boot', () => {
  it.each([
    ['firecracker', [], ['jailer', 'pivot_root', 'seccomp', 'fc-spec-boot']],
    ['firecracker', ['--jailer', 'off'], ['firecracker', 'fc-spec-boot']],
    ['lightvm', [], ['chaos', 'noxs', 'lightvm-boot']],
  ])('%s %o', async (runtime, extra, parts) => {
    const io = fakeIo();
    expect(await main(['boot', '--runtime', runtime, ...extra], io)).toBe(0);
    for (const p of parts) expect(io.out).toContain(p);
    if (extra.includes('off')) expect(io.out).not.toContain('jailer ');
  });

  it('says so for a runtime whose start-up is not modelled step by step', async () => {
    const io = fakeIo();
    expect(await main(['boot', '--runtime', 'runc'], io)).toBe(1);
    expect(io.err).toContain("does not model runc's start-up step by step");
  });
});
