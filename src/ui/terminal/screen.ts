import { cellsOf, cellWidth, padCells } from '../../store/cells.ts';
import type { TranscriptLine } from '../../store/labStore.ts';

export { cellWidth } from '../../store/cells.ts';

/**
 * What the terminal writes, as pure functions: the transcript's lines in
 * ANSI colours, which of them are new since the last write, the prompt with
 * the line being edited (and the escapes that put the cursor in it), and
 * completion candidates in columns. xtermView only hands these to xterm.
 */

export const ESC = '\x1b[';
export const RESET = `${ESC}0m`;
/** Home, erase the screen and the scrollback. */
export const CLEAR_ALL = `${ESC}H${ESC}2J${ESC}3J`;

/**
 * SGR per kind: bold input and headings, red for what failed, cyan for the
 * lab's own notes. A reason is the theme's softer red (the bright-red slot,
 * see fit.ts) rather than SGR 2: xterm draws dim as the colour at half
 * opacity, far below the 7:1 contrast the lab keeps on a projector.
 */
export const STYLE: Readonly<Record<TranscriptLine['kind'], string>> = {
  input: '1',
  call: '',
  denied: '31',
  reason: '91',
  stdout: '',
  stderr: '31',
  error: '31',
  info: '36',
  heading: '1',
};

/**
 * A program's output may hold control characters; shown as ^X they cannot
 * move the cursor or clear the screen. Tabs become spaces to the next stop
 * of 8, so that a row's width is its length.
 */
export function visible(text: string): string {
  let out = '';
  for (const c of text) {
    if (c === '\t') out += ' '.repeat(8 - (out.length % 8));
    else if (c === '\x7f') out += '^?';
    else if (c < ' ') out += `^${String.fromCharCode(c.charCodeAt(0) + 64)}`;
    else out += c;
  }
  return out;
}

export function paint(style: string, text: string): string {
  return style ? `${ESC}${style}m${text}${RESET}` : text;
}


/** The longest prefix of `chars` that fits in `cols` cells, as a count of characters. */
function fitting(chars: readonly string[], cols: number): number {
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    used += cellsOf(chars[i] ?? '');
    if (used > cols) return i;
  }
  return chars.length;
}

/**
 * A line cut into rows of `cols` cells at spaces where it can be (a
 * projector's narrow pane should not split words), each continuation
 * indented under the line's own indent. A Chinese character takes two cells
 * and may be cut anywhere, as Chinese text has no spaces between words.
 */
export function wrapRows(text: string, cols: number): string[] {
  if (cols < 8 || cellWidth(text) <= cols) return [text];
  const lead = (/^ */.exec(text)?.[0].length ?? 0) + 2;
  const indent = ' '.repeat(lead < cols / 3 ? lead : 0);
  const rows: string[] = [];
  let rest = [...text];
  while (cellWidth(rest.join('')) > cols) {
    const fit = Math.max(1, fitting(rest, cols));
    const space = rest.lastIndexOf(' ', fit);
    // Break at a space, or between two characters where one is wide (no word is split there).
    const wideBreak = cellsOf(rest[fit] ?? '') === 2 || cellsOf(rest[fit - 1] ?? '') === 2;
    const cut = wideBreak ? fit : space > fit / 2 ? space : fit;
    rows.push(rest.slice(0, cut).join(''));
    rest = [...indent, ...rest.slice(cut).join('').replace(/^ /, '')];
  }
  return [...rows, rest.join('')];
}


/**
 * One transcript line as written: coloured, ended with CR LF. Rows are padded
 * to the full width rather than broken, so xterm wraps them itself and a copy
 * of the line stays one line.
 */
export function styled(line: TranscriptLine, cols = 0): string {
  const rows = wrapRows(visible(line.text), cols);
  const text = rows.map((r, i) => (i < rows.length - 1 ? padCells(r, cols) : r)).join('');
  return `${paint(STYLE[line.kind] ?? '', text)}\r\n`;
}

export type TranscriptPlan =
  | { type: 'none' }
  | { type: 'append'; lines: readonly TranscriptLine[] }
  | { type: 'rewrite'; lines: readonly TranscriptLine[] };

/**
 * What to write to go from the transcript on screen to the store's. The store
 * only appends (keeping line objects) and drops the oldest lines past its cap,
 * so the last line written is found at or before its old index; when it is
 * gone the transcript was cleared or replaced, and the screen is rewritten.
 */
export function planTranscript(written: readonly TranscriptLine[], next: readonly TranscriptLine[]): TranscriptPlan {
  if (written === next) return { type: 'none' };
  const last = written.at(-1);
  if (!last) return next.length ? { type: 'append', lines: next } : { type: 'none' };
  const before = written.at(-2);
  for (let i = Math.min(written.length, next.length) - 1; i >= 0; i--) {
    if (next[i] !== last || (before !== undefined && i > 0 && next[i - 1] !== before)) continue;
    return i === next.length - 1 ? { type: 'none' } : { type: 'append', lines: next.slice(i + 1) };
  }
  return { type: 'rewrite', lines: next };
}

/** Moves from the prompt block's cursor back to the block's first column and erases it and all below. */
export function eraseBlock(cursorRow: number): string {
  return `\r${cursorRow > 0 ? `${ESC}${cursorRow}A` : ''}${ESC}J`;
}

export interface Block {
  text: string;
  /** The cursor's row within the block, for the next erase. */
  cursorRow: number;
}

/**
 * The prompt and the line being edited, in bold like the echoed input lines,
 * with the cursor put back at `cursor`. Counts one column per UTF-16 unit:
 * wide characters would put the cursor a little off (none are typed in a lab
 * of syscalls and paths).
 */
export function drawBlock(prompt: string, line: string, cursor: number, cols: number, suffix = ''): Block {
  const width = Math.max(1, cols);
  const shown = visible(line) + suffix;
  const length = prompt.length + shown.length;
  // After exactly filling a row xterm waits to wrap; a space and a backspace make it wrap now, so the end is known.
  const wrap = length > 0 && length % width === 0 ? ' \b' : '';
  const endRow = Math.floor(length / width);
  const offset = prompt.length + Math.max(0, Math.min(cursor, line.length));
  const row = Math.floor(offset / width);
  const col = offset % width;
  const up = endRow - row;
  const move = `${up > 0 ? `${ESC}${up}A` : ''}\r${col > 0 ? `${ESC}${col}C` : ''}`;
  return { text: `${paint('1', prompt + shown)}${wrap}${move}`, cursorRow: row };
}

/** Completion candidates in columns that fit `cols`, like a shell lists them. */
export function columns(words: readonly string[], cols: number): string[] {
  if (words.length === 0) return [];
  const cell = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(Math.max(1, cols) / cell));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) {
    rows.push(words.slice(i, i + perRow).map((w, j, row) => (j === row.length - 1 ? w : w.padEnd(cell))).join(''));
  }
  return rows;
}

/** Shown on an empty screen: what to type first. */
/** What an empty terminal shows (the page passes it in the chosen language: terminalMessages.ts). */
export const WELCOME: TranscriptLine = { kind: 'info', text: 'Type help, a syscall like getpid(), or a command like cat /etc/passwd.' };
