import { describe, expect, it } from 'vitest';
import { compareSpecProblemText, parseCompareSpec, readCompareSpec } from '../../src/machines/compareRuntimes.ts';
import { RUNTIME_IDS } from '../../src/sim/runtime/registry.ts';

/** A label the lab cannot read is a structured problem; the CLI's English comes from it unchanged. */
describe('readCompareSpec', () => {
  it.each([
    ['gvsor', { type: 'unknown-runtime', id: 'gvsor', hint: 'gvisor', expected: RUNTIME_IDS }],
    ['qqqqqq', { type: 'unknown-runtime', id: 'qqqqqq', hint: null, expected: RUNTIME_IDS }],
    ['gvisor:platform', { type: 'not-key-value', pair: 'platform', text: 'gvisor:platform' }],
  ])('%s → %o', (text, problem) => {
    expect(readCompareSpec(text)).toEqual({ ok: false, problem });
  });

  it('an option the model refuses keeps the model\'s sentence', () => {
    const r = readCompareSpec('gvisor:platform=xen');
    expect(r.ok === false && r.problem.type).toBe('option');
    expect(r.ok === false && compareSpecProblemText(r.problem)).toMatch(/--platform takes .*not 'xen'/);
  });

  it.each([
    ['gvsor', `unknown runtime 'gvsor' (did you mean gvisor?); expected one of: ${RUNTIME_IDS.join(', ')}`],
    ['gvisor:platform', "'platform' in 'gvisor:platform' is not KEY=VALUE (e.g. gvisor:platform=kvm)"],
  ])('parseCompareSpec(%s) prints the English', (text, message) => {
    expect(parseCompareSpec(text)).toBe(message);
  });
});
