import { describe, expect, it } from 'vitest';
import { estimateCell, fitSize, MIN_COLS, MIN_ROWS, SCROLLBAR_PX, terminalFontPx, terminalTheme } from '../../../src/ui/terminal/fit.ts';

describe('terminalFontPx: the presenter scale on an 18px base', () => {
  it.each([
    [1, 18],
    [1.5, 27],
    [2, 36],
    [0.75, 14],
    [Number.NaN, 18],
    [0, 18],
  ])('scale %f → %ipx', (scale, px) => {
    expect(terminalFontPx(scale)).toBe(px);
  });
});

describe('fitSize: columns and rows that fit the pane', () => {
  it.each([
    { box: { width: 600 + SCROLLBAR_PX, height: 440 }, cell: { width: 10, height: 22 }, size: { cols: 60, rows: 20 } },
    { box: { width: 605 + SCROLLBAR_PX, height: 450 }, cell: { width: 10, height: 22 }, size: { cols: 60, rows: 20 } },
    { box: { width: 100, height: 50 }, cell: { width: 10, height: 22 }, size: { cols: MIN_COLS, rows: MIN_ROWS } },
    { box: { width: 0, height: 400 }, cell: { width: 10, height: 22 }, size: null },
    { box: { width: 600, height: 400 }, cell: { width: 0, height: 22 }, size: null },
  ])('$box with cell $cell → $size', ({ box, cell, size }) => {
    expect(fitSize(box, cell)).toEqual(size);
  });

  it('a larger font fits fewer columns in the same pane', () => {
    const box = { width: 800, height: 500 };
    const small = fitSize(box, estimateCell(18));
    const large = fitSize(box, estimateCell(36));
    expect(small && large && large.cols < small.cols && large.rows < small.rows).toBe(true);
  });
});

/** WCAG relative luminance and contrast, to hold the theme to the page's 7:1. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

describe('terminalTheme: high contrast in both themes', () => {
  it.each([
    ['light', 'foreground', 7],
    ['light', 'red', 7],
    ['light', 'cyan', 7],
    ['light', 'brightRed', 7],
    ['dark', 'brightRed', 7],
    ['dark', 'foreground', 7],
    ['dark', 'red', 6.5],
    ['dark', 'cyan', 7],
  ] as const)('%s: %s on the background ≥ %f:1', (theme, key, ratio) => {
    const t = terminalTheme(theme);
    expect(contrast(t[key] ?? '', t.background ?? '')).toBeGreaterThanOrEqual(ratio);
  });

  it('light is dark text on white, dark is light text on near-black', () => {
    expect(terminalTheme('light')).toMatchObject({ background: '#ffffff', foreground: '#111111' });
    expect(terminalTheme('dark')).toMatchObject({ background: '#101216', foreground: '#f2f2f2' });
  });
});
