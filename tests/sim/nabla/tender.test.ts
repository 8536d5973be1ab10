import { describe, expect, it } from 'vitest';
import { hostSyscall } from '../../../src/sim/hostcalls/helperProcess.ts';
import { BLOCK_SIZE, IMAGE_CAPACITY, TENDER_FDS, TENDER_SYSCALLS, tenderProcess, type TenderKind } from '../../../src/sim/nabla/tender.ts';
import { readReference, referenceCsv, referenceList } from '../../helpers/reference.ts';

/**
 * The tenders' seccomp filters held against the reference: the allow-lists of
 * nabla_runnc_seccomp.txt (nabla-run, 2019 spt) and solo5_spt_seccomp.txt
 * (today's spt), and every argument comparator of solo5_spt_seccomp.csv and
 * of nabla-run's "Argument constraints" header.
 */
const SYMBOLS = (kind: 'nabla-run' | 'solo5-spt', module: string): Record<string, number> => ({
  CLOCK_MONOTONIC: 1, CLOCK_REALTIME: 0, ARCH_SET_FS: 0x1002, 'spt->epollfd': TENDER_FDS[kind].epoll ?? -1, 'spt->timerfd': TENDER_FDS[kind].timer ?? -1,
  diskfd: TENDER_FDS[kind].block, netfd: TENDER_FDS[kind].tap,
  'mft->e[i].b.hostfd': module === 'module_net' ? TENDER_FDS[kind].tap : TENDER_FDS[kind].block,
  'spt->bi->blocki.block_size': BLOCK_SIZE, 'mft->e[i].u.block_basic.block_size': BLOCK_SIZE,
  '(spt->bi->blocki.capacity - spt->bi->blocki.block_size)': IMAGE_CAPACITY - BLOCK_SIZE,
  '(mft->e[i].u.block_basic.capacity - mft->e[i].u.block_basic.block_size)': IMAGE_CAPACITY - BLOCK_SIZE,
});

interface Cmp { arg: number; op: 'EQ' | 'LE'; value: number }
interface Rule { syscall: string; cmps: Cmp[] }

/** `SCMP_A0(SCMP_CMP_EQ, 1); SCMP_A2(SCMP_CMP_LE, x)` → comparators, symbols resolved to the model's values. */
function comparators(text: string, symbols: Record<string, number>): Cmp[] {
  return [...text.matchAll(/SCMP_A(\d)\(SCMP_CMP_(EQ|LE), ([^;]+?)\)(?=;|$)/g)].map((m) => {
    const raw = (m[3] ?? '').trim();
    const value = /^\d+$/.test(raw) ? Number(raw) : symbols[raw];
    if (value === undefined) throw new Error(`unknown symbol ${raw}`);
    return { arg: Number(m[1]), op: m[2] as 'EQ' | 'LE', value };
  });
}

const SPT_RULES: Rule[] = referenceCsv('solo5_spt_seccomp.csv').map((r) => ({ syscall: r.syscall ?? '', cmps: comparators(r.arg_constraint ?? '', SYMBOLS('solo5-spt', r.added_by ?? '')) }));

const NABLA_RULES: Rule[] = (() => {
  const header = readReference('nabla_runnc_seccomp.txt').split('\n').find((l) => l.includes('Argument constraints:')) ?? '';
  return header.replace(/^#.*?Argument constraints: /, '').split(' | ').map((part) => {
    const [, name, body, module] = /^(\w+): (.*) \[(\w+)\]$/.exec(part.trim()) ?? [];
    return { syscall: name ?? '', cmps: body === 'none' ? [] : comparators(body ?? '', SYMBOLS('nabla-run', module ?? '')) };
  });
})();

/** Arguments that satisfy a rule (other words 0), and ones that break each comparator. */
function satisfying(rule: Rule): number[] {
  const args = [0, 0, 0, 0, 0, 0];
  for (const c of rule.cmps) args[c.arg] = c.value;
  return args;
}
function breaking(rule: Rule, c: Cmp): number[] {
  const args = satisfying(rule);
  args[c.arg] = c.value + (c.op === 'LE' ? BLOCK_SIZE : 1000);
  return args;
}

const allowedBy = (kind: TenderKind, name: string, args: readonly number[]) => hostSyscall(tenderProcess(kind), name, { purpose: 'test', args, costNs: 0, source: 'estimate' }).allowed;

describe.each([
  ['nabla-run', 'nabla_runnc_seccomp.txt', NABLA_RULES, 7, 9],
  ['solo5-spt', 'solo5_spt_seccomp.txt', SPT_RULES, 9, 11],
] as const)('%s against %s', (kind, file, rules, count, ruleCount) => {
  it(`allows exactly the reference's ${count} syscalls, in ${ruleCount} rules`, () => {
    expect(rules).toHaveLength(ruleCount);
    expect([...TENDER_SYSCALLS[kind]].sort()).toEqual(referenceList(file).sort());
    expect(TENDER_SYSCALLS[kind]).toHaveLength(count);
  });

  it.each(rules.map((r, i) => [i, r.syscall, r] as const))('rule %i (%s): matching arguments pass', (_i, name, rule) => {
    expect(allowedBy(kind, name, satisfying(rule))).toBe(true);
  });

  it.each(rules.flatMap((r) => r.cmps.map((c) => [r.syscall, c.arg, c.op, r, c] as const)))('%s: breaking A%i (%s) kills the tender unless another rule allows it', (name, _arg, _op, rule, cmp) => {
    const args = breaking(rule, cmp);
    const otherRuleAllows = rules.some((o) => o.syscall === name && o !== rule && o.cmps.every((c) => (c.op === 'EQ' ? args[c.arg] === c.value : (args[c.arg] ?? 0) <= c.value)));
    expect(allowedBy(kind, name, args)).toBe(otherRuleAllows);
  });
});

describe('a tender asked for a syscall outside its filter is killed', () => {
  it.each([
    ['nabla-run', 'openat', [-100, 0, 0], 'killed'],
    ['nabla-run', 'write', [2, 0, 1], 'killed'],
    ['nabla-run', 'pread64', [TENDER_FDS['nabla-run'].block, 0, 4096, 0], 'killed'],
    ['nabla-run', 'pread64', [TENDER_FDS['nabla-run'].block, 0, BLOCK_SIZE, IMAGE_CAPACITY], 'killed'],
    ['solo5-spt', 'openat', [-100, 0, 0], 'killed'],
    ['solo5-spt', 'ppoll', [0, 1, 0, 0], 'killed'],
    ['solo5-spt', 'clock_gettime', [2, 0], 'killed'],
    ['solo5-hvt', 'openat', [-100, 0, 0], 'killed'],
    ['solo5-hvt', 'ioctl', [TENDER_FDS['solo5-hvt'].vcpu ?? -1, 0xae80, 0], 'allowed'],
    ['solo5-hvt-unfiltered', 'openat', [-100, 0, 0], 'none'],
  ] as const)('%s: %s(%j) → %s', (kind, name, args, filter) => {
    const r = hostSyscall(tenderProcess(kind), name, { purpose: 'test', args, costNs: 0, source: 'estimate' });
    expect(r.hops.find((h) => h.hostCall)?.hostCall).toEqual({ by: tenderProcess(kind).label, name, filter });
    expect(r.allowed).toBe(filter !== 'killed');
  });
});
