import { describe, expect, it } from 'vitest';
import { flatPosition } from '../../../src/ui/diagram/subject.ts';
import type { CallRow } from '../../../src/store/labStore.ts';

/** A comparison's columns walk their own calls with one flat hop index. */
const call = (name: string, hops: number): CallRow => ({
  line: `${name}() = 0`, name, failed: false, reason: null, servedBy: 'host',
  hops: Array.from({ length: hops }, (_, i) => ({ layer: `l${i}`, layerId: `l${i}`, verdict: 'pass' as const, note: '', costNs: 0, source: 'estimate', hostEntry: null, hostCall: null })),
});
const CALLS = [call('openat', 3), call('read', 2), call('close', 4)];

describe('flatPosition', () => {
  it.each([
    [0, 0, 0], [2, 0, 2], [3, 1, 0], [4, 1, 1], [5, 2, 0], [8, 2, 3], [20, 2, 3], [-1, 0, 0],
  ])('hop %i → call %i, hop %i', (flat, callIndex, hop) => {
    const p = flatPosition(CALLS, flat);
    expect([p.callIndex, p.hop]).toEqual([callIndex, hop]);
    expect(p.call).toBe(CALLS[callIndex]);
  });
});
