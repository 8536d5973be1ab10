/**
 * Terminal cells: xterm draws East Asian wide characters (CJK, full-width
 * forms) two cells wide, so Chinese text is measured, wrapped and padded in
 * cells, not characters. One definition for the terminal's wrapping
 * (src/ui/terminal/screen.ts) and the lab commands' tables.
 */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Cells of one character: 2 for a wide one. */
export const cellsOf = (ch: string): number => (WIDE.test(ch) ? 2 : 1);

/** Cells of a text. */
export const cellWidth = (text: string): number => [...text].reduce((n, ch) => n + cellsOf(ch), 0);

/** `text` padded with spaces to `width` cells. */
export const padCells = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - cellWidth(text)));
