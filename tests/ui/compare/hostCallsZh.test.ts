import { describe, expect, it } from 'vitest';
import type { CompareViewRow } from '../../../src/store/compareView.ts';
import { hostCallSummary } from '../../../src/ui/compare/compareFormat.ts';

/** The comparison table's host-call list in Chinese: the lab's `by` is translated, the call, the process and the seccomp action are not. */
const row = (hostCalls: Extract<CompareViewRow, { ok: true }>['hostCalls']): CompareViewRow => ({
  label: 'gvisor', runtime: 'gvisor', runtimeLabel: 'gVisor (runsc)', options: {}, layers: [], startup: [],
  ok: true, calls: [], stdout: '', stderr: '', status: 0, servedBy: 'sentry', hops: 8, hostCalls, costNs: 100, warmCostNs: 90,
  ratio: null, baseline: null, isBaseline: false, published: [],
});

describe('hostCallSummary in Chinese', () => {
  const calls = [
    { text: 'openat by Sentry', name: 'openat', by: 'Sentry', filter: 'allowed' },
    { text: 'openat by Sentry', name: 'openat', by: 'Sentry', filter: 'allowed' },
    { text: 'ptrace by Sentry', name: 'ptrace', by: 'Sentry', filter: 'killed' },
  ];
  it.each([
    ['en', ['openat by Sentry ×2', 'ptrace by Sentry (killed)']],
    ['zh', ['Sentry 的 openat ×2', 'Sentry 的 ptrace (killed)']],
  ] as const)('%s', (language, names) => {
    expect(hostCallSummary(row(calls), language)).toEqual({ count: 3, names });
  });
});
