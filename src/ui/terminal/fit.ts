import type { ITheme } from '@xterm/xterm';

/**
 * The terminal's size, type and colours, as pure functions: columns and rows
 * that fit the pane at the presenter's font size, and a high-contrast theme
 * in the page's own colours (src/ui/lab.css) for light and dark.
 */

/** The page's base size (lab.css: 18px × --scale). */
export const BASE_FONT_PX = 18;
export const FONT_FAMILY = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";
/** xterm's scrollbar takes this much of the width (what @xterm/addon-fit leaves for it). */
export const SCROLLBAR_PX = 14;
export const MIN_COLS = 20;
export const MIN_ROWS = 4;

export interface Size {
  width: number;
  height: number;
}

export function terminalFontPx(fontScale: number): number {
  const scale = Number.isFinite(fontScale) && fontScale > 0 ? fontScale : 1;
  return Math.round(BASE_FONT_PX * scale);
}

/** Rows a little apart: at 1.0 some sizes clip the underscores of CAP_SYS_ADMIN. */
export const LINE_HEIGHT = 1.15;

/** A monospace cell before xterm has measured one: about 0.6em wide, 1.2em × the line height tall. */
export function estimateCell(fontPx: number): Size {
  return { width: fontPx * 0.6, height: Math.ceil(fontPx * 1.2 * LINE_HEIGHT) };
}

/** Columns and rows that fit `box`; null until there is a box and a cell to measure by. */
export function fitSize(box: Size, cell: Size): { cols: number; rows: number } | null {
  if (!(box.width > 0 && box.height > 0 && cell.width > 0 && cell.height > 0)) return null;
  return {
    cols: Math.max(MIN_COLS, Math.floor((box.width - SCROLLBAR_PX) / cell.width)),
    rows: Math.max(MIN_ROWS, Math.floor(box.height / cell.height)),
  };
}

/**
 * Light: near-black on white; dark: near-white on near-black. The ANSI colours
 * the transcript uses (red, cyan) are the page's --bad and a cyan of the same
 * contrast, and a softer red for reasons (bright red); xterm's
 * minimumContrastRatio holds every colour to 7:1.
 */
export function terminalTheme(theme: 'light' | 'dark'): ITheme {
  return theme === 'dark'
    ? {
      background: '#101216', foreground: '#f2f2f2', cursor: '#f2f2f2', cursorAccent: '#101216', selectionBackground: '#3d5a8a', selectionForeground: '#ffffff',
      black: '#101216', red: '#ff6b6b', green: '#6fdc8c', yellow: '#ffd166', blue: '#8ab4ff', magenta: '#e0a3ff', cyan: '#6fe3f0', white: '#f2f2f2',
      brightBlack: '#c8c8c8', brightRed: '#ffb3b3', brightGreen: '#8ee6a6', brightYellow: '#ffe08a', brightBlue: '#a9c8ff', brightMagenta: '#ebbfff', brightCyan: '#9aeef7', brightWhite: '#ffffff',
    }
    : {
      background: '#ffffff', foreground: '#111111', cursor: '#111111', cursorAccent: '#ffffff', selectionBackground: '#b3d4fc', selectionForeground: '#111111',
      black: '#111111', red: '#a4161a', green: '#1b5e20', yellow: '#6b4500', blue: '#0b3d91', magenta: '#6a1b9a', cyan: '#005a66', white: '#444444',
      brightBlack: '#444444', brightRed: '#7f1d1d', brightGreen: '#154a19', brightYellow: '#573800', brightBlue: '#082f70', brightMagenta: '#561580', brightCyan: '#00454f', brightWhite: '#111111',
    };
}

/** The contrast ratio xterm holds every cell to (WCAG AAA, as lab.css keeps text). */
export const MIN_CONTRAST = 7;
