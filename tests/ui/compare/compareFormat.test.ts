import { describe, expect, it } from 'vitest';
import type { CompareViewRow, PublishedRow } from '../../../src/store/compareView.ts';
import type { CallRow } from '../../../src/store/views.ts';
import { fmtMs, fmtNs, focusCall, hostCallSummary, publishedSource, publishedText, ratioText, resultLines, resultSummary, rowFailed } from '../../../src/ui/compare/compareFormat.ts';

const call = (name: string, failed = false): CallRow => ({ line: `${name}() = ${failed ? '-1 EPERM (Operation not permitted)' : '0'}`, name, failed, reason: failed ? 'seccomp' : null, servedBy: 'host', hops: [] });
const base = { runtime: 'runc' as const, runtimeLabel: 'runc', options: {}, layers: [], startup: [] };
const ran = (calls: CallRow[], extra: Partial<Extract<CompareViewRow, { ok: true }>> = {}): CompareViewRow => ({
  ...base, label: 'runc', ok: true, calls, stdout: '', stderr: '', status: 0, servedBy: 'host', hops: 6, hostCalls: [], costNs: 100, warmCostNs: 90,
  ratio: 1, baseline: 'runc', isBaseline: true, published: [], ...extra,
});
const withHops = (c: CallRow, n: number): CallRow => ({
  ...c, hops: Array.from({ length: n }, () => ({ layer: 'Host kernel', layerId: 'host-kernel', verdict: 'pass' as const, note: '', costNs: 1, source: 'estimate', hostEntry: null, hostCall: null })),
});
const refused: CompareViewRow = { ...base, label: 'runc', ok: false, message: "unknown syscall 'opnat'" };

describe('compareFormat', () => {
  it.each([[239, '239 ns'], [1017, '1.02 µs'], [1.2e6, '1.20 ms'], [64.11, '64.11 ns']])('fmtNs(%d) = %s', (ns, text) => expect(fmtNs(ns)).toBe(text));
  it.each([[66.3, '66.3 ms'], [1193, '1.19 s']])('fmtMs(%d) = %s', (ms, text) => expect(fmtMs(ms)).toBe(text));

  it.each([
    { name: 'a refusal is one red line', row: refused, lines: ["unknown syscall 'opnat'"], more: 0 },
    { name: 'few calls: all', row: ran([call('a'), call('b')]), lines: ['a() = 0', 'b() = 0'], more: 0 },
    { name: 'many calls: failed ones kept, then the first', row: ran([...'abcdefgh'.split('').map((n) => call(n)), call('x', true)]), lines: ['a() = 0', 'b() = 0', 'x() = -1 EPERM (Operation not permitted)'], more: 6 },
  ])('resultLines: $name', ({ row, lines, more }) => {
    const r = resultLines(row);
    expect(r.lines.map((l) => l.text)).toEqual(lines);
    expect(r.more).toBe(more);
  });

  it.each([
    { name: 'the first failed call', row: ran([call('a'), call('b', true), call('c', true)]), focus: 'b' },
    { name: 'else the call with the most hops', row: ran([call('a'), withHops(call('b'), 3), withHops(call('c'), 2)]), focus: 'b' },
    { name: 'the first of equals', row: ran([call('a'), call('b')]), focus: 'a' },
    { name: 'none for a refusal', row: refused, focus: undefined },
  ])('focusCall: $name', ({ row, focus }) => expect(focusCall(row)?.name).toBe(focus));

  it('groups host calls, naming a filter that did not allow', () => {
    const hostCalls = [
      { text: 'openat by Sentry', name: 'openat', by: 'Sentry', filter: 'allowed' },
      { text: 'openat by Sentry', name: 'openat', by: 'Sentry', filter: 'allowed' },
      { text: 'ptrace by Sentry', name: 'ptrace', by: 'Sentry', filter: 'killed' },
    ];
    expect(hostCallSummary(ran([], { hostCalls }))).toEqual({ count: 3, names: ['openat by Sentry ×2', 'ptrace by Sentry (killed)'] });
    expect(hostCallSummary(refused)).toEqual({ count: 0, names: [] });
  });

  it.each([
    { row: ran([]), text: 'baseline' },
    { row: ran([], { isBaseline: false, ratio: 4.4709, label: 'gvisor' }), text: '4.47× runc' },
    { row: ran([], { isBaseline: false, ratio: null, baseline: null }), text: '—' },
    { row: refused, text: '—' },
  ])('ratioText → $text', ({ row, text }) => expect(ratioText(row)).toBe(text));

  it('published ratios and result summaries in words', () => {
    const p: PublishedRow = { what: 'getpid() in a loop', against: 'host', ratio: 4.2552, numeratorId: 'n', denominatorId: 'd', conditions: 'GCE', modelled: 4.13, warm: true, calibrated: true, caveat: null };
    expect(publishedText(p)).toBe('4.26× host: getpid() in a loop (modelled 4.13× warm)');
    expect(publishedSource({ ...p, caveat: 'older build' })).toBe('n / d; GCE — not reproduced: older build');
    expect(resultSummary(ran([call('getpid')]))).toBe('getpid() = 0');
    expect(resultSummary(ran([call('a'), call('b', true)], { status: 1 }))).toBe('2 calls, 1 failed, exit status 1');
    expect(resultSummary(refused)).toBe("refused: unknown syscall 'opnat'");
    expect([rowFailed(refused), rowFailed(ran([call('a')])), rowFailed(ran([call('a', true)]))]).toEqual([true, false, true]);
  });
});

describe('compareFormat in Chinese', () => {
  it('says the summary, the baseline and the published figure in Chinese; the model\'s lines stay', () => {
    expect(resultSummary(ran([call('a'), call('b', true)], { status: 1 }), 'zh')).toBe('2 次调用，1 次失败，退出状态 1');
    expect(resultSummary(refused, 'zh')).toBe("被拒绝：unknown syscall 'opnat'");
    expect(resultSummary(ran([call('getpid')]), 'zh')).toBe('getpid() = 0');
  });
});
