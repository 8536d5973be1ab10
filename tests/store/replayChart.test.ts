import { describe, expect, it } from 'vitest';
import { layoutReplayChart } from '../../src/store/replayChart.ts';

/** The strace report's bar chart: widths in proportion to calls, counts printed where they fit, one row per runtime. */
const size = { width: 1000, barHeight: 30, gap: 10, labelWidth: 200, tail: 100, minTextWidth: 50 };

describe('layoutReplayChart', () => {
  it.each([
    // allowed, denied → pass width, fail width (700 px of room for the largest total, 100 calls)
    [100, 0, 700, 0],
    [50, 50, 350, 350],
    [98, 2, 686, 14],
    [0, 100, 0, 700],
  ])('%i passing and %i failing calls of 100: %f px and %f px', (allowed, denied, pass, fail) => {
    const [bar] = layoutReplayChart([{ id: 'a', label: 'A', allowed, denied }], size).bars;
    expect(bar?.passWidth).toBeCloseTo(pass);
    expect(bar?.failWidth).toBeCloseTo(fail);
  });

  it.each([
    [50, 50, true, 'middle of its part'],
    [98, 2, false, 'past the end of the bar'],
  ])('%i/%i: the failing count goes inside its part: %s (%s)', (allowed, denied, inside) => {
    const [bar] = layoutReplayChart([{ id: 'a', label: 'A', allowed, denied }], size).bars;
    expect(bar?.failText).toBe(`✗ ${denied}`);
    expect(bar?.failTextInside).toBe(inside);
    const end = 200 + (bar?.passWidth ?? 0) + (bar?.failWidth ?? 0);
    if (inside) expect(bar?.failTextX).toBeLessThan(end);
    else expect(bar?.failTextX).toBeGreaterThan(end);
  });

  it('scales every runtime to the largest total, stacks the rows, and prints no count for an empty part', () => {
    const l = layoutReplayChart([{ id: 'a', label: 'A', allowed: 10, denied: 0 }, { id: 'b', label: 'B', allowed: 5, denied: 5 }, { id: 'c', label: 'C', allowed: 0, denied: 0 }], size);
    expect(l.bars.map((b) => b.y)).toEqual([0, 40, 80]);
    expect(l.height).toBe(110);
    expect(l.bars[1]?.passWidth).toBeCloseTo(350);
    expect(l.bars[0]?.failText).toBeNull();
    expect(l.bars[2]).toMatchObject({ passWidth: 0, failWidth: 0, passText: null, failText: null });
  });

  it('makes room for the longest label when none is given, and never draws a negative width', () => {
    const l = layoutReplayChart([{ id: 'u', label: 'Unikernel (rumprun on solo5-hvt, KVM)', allowed: -3, denied: 4 }], { width: 300, charWidth: 10 });
    expect(l.x0).toBe(37 * 10 + 16);
    expect(l.bars[0]?.passWidth).toBe(0);
    expect(l.bars[0]?.failWidth).toBe(0);
    expect(layoutReplayChart([], { width: 500 }).height).toBe(0);
  });
});
