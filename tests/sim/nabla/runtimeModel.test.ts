import { describe, expect, it } from 'vitest';
import { NABLA_BOOT, NABLA_COST } from '../../../src/sim/nabla/costs.ts';
import { LIBOS_MISSING, LIBOS_OWN, LIBOS_STUBS } from '../../../src/sim/nabla/libosTable.ts';
import { allRoutes } from '../../../src/sim/nabla/libosRoutes.ts';
import { NABLA } from '../../../src/sim/runtime/nabla.ts';
import { resolveOptions } from '../../../src/sim/runtime/options.ts';
import type { RuntimeModel } from '../../../src/sim/runtime/types.ts';
import { UNIKERNEL_HVT } from '../../../src/sim/runtime/unikernelHvt.ts';
import { parseCall } from '../../../src/sim/strace/callParser.ts';
import { withLabels } from '../../../src/sim/syscalls/abiOrder.ts';
import { allSyscalls, syscallByName } from '../../../src/sim/syscalls/catalogue.ts';
import { measurements, referenceCsv, referenceList } from '../../helpers/reference.ts';

const TABLE = referenceCsv('syscalls_x86_64.csv');
const MODELS: [string, RuntimeModel][] = [['nabla', NABLA], ['unikernel-hvt', UNIKERNEL_HVT]];

describe("the tender's host surface", () => {
  const spt = referenceCsv('solo5_spt_seccomp.csv');
  it.each([
    ['nabla', NABLA, {}, referenceList('nabla_runnc_seccomp.txt'), 'nabla-run (solo5-spt tender)'],
    ['nabla', NABLA, { tender: 'solo5-spt' }, referenceList('solo5_spt_seccomp.txt'), 'solo5-spt (tender)'],
  ] as const)('%s %j: the reference set, through %s', (_id, model, options, ref, label) => {
    const rows = model.surface(options);
    expect(rows.map((r) => r.name).sort()).toEqual([...ref].sort());
    expect(rows.every((r) => r.processes.length === 1 && r.processes[0] === label)).toBe(true);
    expect(rows.every((r) => r.number === syscallByName(r.name)?.number)).toBe(true);
    // Every rule compares an argument except exit_group's (solo5_spt_seccomp.csv; nabla-run's header says the same).
    expect(rows.filter((r) => !r.argFiltered).map((r) => r.name)).toEqual(['exit_group']);
    expect(spt.filter((r) => !r.arg_constraint).map((r) => r.syscall)).toEqual(['exit_group']);
  });

  it.each([[7, {}], [9, { tender: 'solo5-spt' }]] as const)('nabla has %i host syscalls with %j', (count, options) => {
    expect(NABLA.surface(options)).toHaveLength(count);
  });

  it('hvt (Solo5 v0.12.1): 18 syscalls, none argument-filtered (hvt_seccomp_linux.c)', () => {
    const rows = UNIKERNEL_HVT.surface();
    expect(rows).toHaveLength(18);
    expect(rows.some((r) => r.argFiltered)).toBe(false);
    expect(rows.map((r) => r.name)).toContain('ioctl');
  });

  it('hvt before v0.11.0 has no filter: every implemented syscall is reachable', () => {
    expect(UNIKERNEL_HVT.surface({ solo5: 'v0.10.1' })).toHaveLength(allSyscalls().filter((s) => s.implemented).length);
  });

  it.each([['nabla', NABLA, { tender: 'runsc' }], ['unikernel-hvt', UNIKERNEL_HVT, { platform: 'kvm' }]] as const)('%s refuses %j', (_id, model, options) => {
    expect(resolveOptions(model, options).ok).toBe(false);
  });
});

describe('verdicts: one row per x86_64 syscall', () => {
  it.each(MODELS)('%s numbers its rows as syscalls_x86_64.csv does', (_id, model) => {
    expect(model.verdicts().map((v) => [v.number, v.name])).toEqual(TABLE.map((r) => [Number(r.number), r.name]).sort((a, b) => Number(a[0]) - Number(b[0])));
  });

  it.each([
    ['fork', 'deny', 'EOPNOTSUPP', 'libc'], ['vfork', 'deny', 'EOPNOTSUPP', 'libc'], ['execve', 'deny', 'EOPNOTSUPP', 'libc'],
    ['kill', 'deny', 'EOPNOTSUPP', 'libc'], ['wait4', 'deny', 'EOPNOTSUPP', 'libc'],
    ['clone', 'conditional', null, 'libos'], ['clone3', 'conditional', null, 'libos'], ['mmap', 'conditional', null, 'libos'],
    ['ptrace', 'deny', 'ENOSYS', 'libos'], ['init_module', 'deny', 'ENOSYS', 'libos'], ['finit_module', 'deny', 'ENOSYS', 'libos'],
    ['unshare', 'deny', 'ENOSYS', 'libos'], ['setns', 'deny', 'ENOSYS', 'libos'], ['pivot_root', 'deny', 'ENOSYS', 'libos'],
    ['execveat', 'deny', 'ENOSYS', 'libos'], ['epoll_create1', 'deny', 'ENOSYS', 'libos'], ['futex', 'deny', 'ENOSYS', 'libos'],
    ['io_uring_setup', 'deny', 'ENOSYS', 'libos'], ['bpf', 'deny', 'ENOSYS', 'libos'], ['kexec_load', 'deny', 'ENOSYS', 'libos'],
    ['rt_sigqueueinfo', 'deny', 'EPERM', 'libos'],
    ['mount', 'allow', null, 'libos'], ['umount2', 'allow', null, 'libos'], ['openat', 'allow', null, 'libos'],
    ['getpid', 'allow', null, 'libos'], ['socket', 'allow', null, 'libos'], ['uname', 'allow', null, 'libos'],
    ['exit_group', 'allow', null, 'libos'], ['rt_sigaction', 'allow', null, 'libos'], ['sched_yield', 'allow', null, 'libos'],
  ] as const)('%s: %s %s (%s)', (name, verdict, errno, handledBy) => {
    for (const [, model] of MODELS) {
      expect(model.verdicts().find((v) => v.name === name)).toMatchObject({ verdict, errno, handledBy });
    }
  });

  it.each([
    ['allow', null, 167], ['conditional', null, 3], ['deny', 'ENOSYS', 201], ['deny', 'EOPNOTSUPP', 13], ['deny', 'EPERM', 1],
  ] as const)('%s %s: %i rows', (verdict, errno, count) => {
    expect(NABLA.verdicts().filter((v) => v.verdict === verdict && v.errno === errno)).toHaveLength(count);
  });

  it('every syscall the libOS tables name is an x86_64 syscall, and no name sits in two tables', () => {
    const names = [...Object.keys(LIBOS_STUBS), ...Object.keys(LIBOS_OWN), ...LIBOS_MISSING.keys()];
    expect(names.filter((n) => !syscallByName(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(allRoutes()).toHaveLength(385);
  });

  it('a syscall Linux itself lacks (sys_ni_syscall) is never served', () => {
    const ni = allSyscalls().filter((s) => !s.implemented).map((s) => s.name);
    expect(NABLA.verdicts().filter((v) => ni.includes(v.name) && v.verdict !== 'deny')).toEqual([]);
  });
});

const args = (text: string) => () => {
  const p = parseCall(text);
  if (!p.ok) throw new Error(p.message);
  // The strace reader keeps `name=` labels in the text, as replay hands them over.
  return withLabels(p.value.args, p.value.labels);
};

describe('classify (strace replay)', () => {
  it.each([
    ['clone', 'clone(child_stack=NULL, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM)', true, null],
    ['clone', 'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f)', false, 'EOPNOTSUPP'],
    ['clone3', 'clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0}, 88)', true, null],
    ['mmap', 'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', true, null],
    ['mmap', 'mmap(0x7f0000000000, 8192, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)', false, 'ENOMEM'],
    ['mmap', 'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 3, 0)', false, 'EOPNOTSUPP'],
    ['fork', 'fork()', false, 'EOPNOTSUPP'],
    ['unshare', 'unshare(CLONE_NEWNS)', false, 'ENOSYS'],
    ['read', 'read(3, "", 10)', true, null],
    ['syscall_0x1f4', 'syscall_0x1f4()', false, 'ENOSYS'],
  ] as const)('%s: %s', (name, text, allowed, errno) => {
    const out = NABLA.classify(name, args(text));
    expect({ allowed: out.allowed, errno: out.errno }).toEqual({ allowed, errno });
    expect(NABLA.argDependent(name)).toBe(['clone', 'clone3', 'mmap'].includes(name));
  });
});

describe('costs', () => {
  const ids = new Set(measurements().map((m) => m.id));
  it.each(Object.entries({ ...NABLA_COST, ...NABLA_BOOT }))('%s cites a measurement id or says estimate', (_name, cost) => {
    expect(cost.source === 'estimate' || ids.has(cost.source)).toBe(true);
  });

  it.each([['rumprunSolo5', 14.4e6, 'ms'], ['hvtVmm', 2.92e6, 'ms']] as const)('%s is the measurement (%i ns)', (name, ns, unit) => {
    const m = measurements().find((x) => x.id === NABLA_BOOT[name].source);
    expect(m?.unit).toBe(unit);
    expect((m?.value ?? 0) * 1e6).toBeCloseTo(ns);
  });

  it.each(MODELS)('%s boots with its clock after rumprun\'s start-up', (_id, model) => {
    const s = model.boot();
    expect(s.world.timeNs).toBeGreaterThan(NABLA_BOOT.rumprunSolo5.ns);
    expect(s.world.kernel).toEqual({ release: '7.99.34', version: 'NetBSD 7.99.34 (RUMP-ROAST)' });
    expect(Object.keys(s.world.procs)).toEqual([String(s.pid)]);
  });
});
