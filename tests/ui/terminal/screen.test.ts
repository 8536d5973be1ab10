import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../../src/store/labStore.ts';
import { cellWidth, columns, drawBlock, eraseBlock, planTranscript, styled, visible, wrapRows } from '../../../src/ui/terminal/screen.ts';

const L = (text: string, kind: TranscriptLine['kind'] = 'stdout'): TranscriptLine => ({ kind, text });

describe('styled: each kind in its colour', () => {
  it.each<[TranscriptLine['kind'], string]>([
    ['input', '\x1b[1mx\x1b[0m\r\n'],
    ['call', 'x\r\n'],
    ['denied', '\x1b[31mx\x1b[0m\r\n'],
    ['reason', '\x1b[91mx\x1b[0m\r\n'],
    ['stdout', 'x\r\n'],
    ['stderr', '\x1b[31mx\x1b[0m\r\n'],
    ['error', '\x1b[31mx\x1b[0m\r\n'],
    ['info', '\x1b[36mx\x1b[0m\r\n'],
    ['heading', '\x1b[1mx\x1b[0m\r\n'],
  ])('%s', (kind, text) => {
    expect(styled(L('x', kind))).toBe(text);
  });

  it.each([
    ['plain', 'plain'],
    ['a\x1b[2Jb', 'a^[[2Jb'],
    ['bell\x07', 'bell^G'],
    ['cr\rlf\n', 'cr^Mlf^J'],
    ['del\x7f', 'del^?'],
    ['tab\tkept', 'tab     kept'],
    ['a\tb\tc', 'a       b       c'],
  ])('visible(%j) → %j: output cannot move the cursor', (text, shown) => {
    expect(visible(text)).toBe(shown);
  });
});

describe('wrapRows: long lines break at spaces, under their indent', () => {
  it.each([
    { text: 'short', cols: 20, rows: ['short'] },
    { text: 'the quick brown fox jumps', cols: 12, rows: ['the quick', '  brown fox', '  jumps'] },
    { text: '    indented text that wraps', cols: 24, rows: ['    indented text that', '      wraps'] },
    { text: '    a deep indent, narrow pane', cols: 16, rows: ['    a deep', 'indent, narrow', 'pane'] },
    { text: 'abcdefghijklmnopqrstuvwxyz', cols: 10, rows: ['abcdefghij', '  klmnopqr', '  stuvwxyz'] },
    { text: 'no wrap when the pane is unknown', cols: 0, rows: ['no wrap when the pane is unknown'] },
  ])('$text at $cols', ({ text, cols, rows }) => {
    const out = wrapRows(text, cols);
    expect(out).toEqual(rows);
    if (cols >= 8) expect(out.every((r) => r.length <= cols)).toBe(true);
  });

  // A Chinese character takes two cells in xterm: rows are measured in cells, and may break between two such characters.
  it.each([
    { text: '容器隔离实验室', cols: 10, rows: ['容器隔离实', '  验室'] },
    { text: '由 gVisor 的 Sentry 提供服务', cols: 16, rows: ['由 gVisor 的', '  Sentry 提供服', '  务'] },
    { text: 'openat 被拒绝', cols: 12, rows: ['openat 被拒', '  绝'] },
  ])('$text at $cols cells', ({ text, cols, rows }) => {
    const out = wrapRows(text, cols);
    expect(out).toEqual(rows);
    expect(out.every((r) => cellWidth(r) <= cols)).toBe(true);
  });

  it('styled pads a Chinese row to the width in cells', () => {
    expect(styled(L('容器隔离实验室', 'info'), 10)).toBe('\x1b[36m容器隔离实  验室\x1b[0m\r\n');
  });

  it('styled pads every row but the last to the width, so xterm wraps it as one line', () => {
    expect(styled(L('the quick brown fox', 'info'), 12)).toBe('\x1b[36mthe quick     brown fox\x1b[0m\r\n');
  });
});

describe('planTranscript: only what is new is written', () => {
  const a = L('a');
  const b = L('b');
  const c = L('c');
  const d = L('d');
  it.each([
    { name: 'nothing written, nothing there', written: [], next: [], plan: { type: 'none' } },
    { name: 'the first lines', written: [], next: [a, b], plan: { type: 'append', lines: [a, b] } },
    { name: 'lines appended', written: [a, b], next: [a, b, c, d], plan: { type: 'append', lines: [c, d] } },
    { name: 'a new array, same lines', written: [a, b], next: [a, b], plan: { type: 'none' } },
    { name: 'capped: the oldest dropped as new ones came', written: [a, b, c], next: [b, c, d], plan: { type: 'append', lines: [d] } },
    { name: 'cleared', written: [a, b], next: [], plan: { type: 'rewrite', lines: [] } },
    { name: 'reset, then a line', written: [a, b], next: [c], plan: { type: 'rewrite', lines: [c] } },
    { name: 'replaced by equal-looking lines (a restored session)', written: [a, b], next: [L('a'), L('b')], plan: { type: 'rewrite', lines: [L('a'), L('b')] } },
    { name: 'shorter but the same start', written: [a, b, c], next: [a, b], plan: { type: 'rewrite', lines: [a, b] } },
  ])('$name', ({ written, next, plan }) => {
    expect(planTranscript(written, next)).toEqual(plan);
  });

  it('one line object printed twice is found where it was written, not where it recurs', () => {
    const blank = L('');
    expect(planTranscript([a, blank], [a, blank, b, blank])).toEqual({ type: 'append', lines: [b, blank] });
  });

  it('the same array is nothing to do', () => {
    const lines = [a, b];
    expect(planTranscript(lines, lines)).toEqual({ type: 'none' });
  });
});

describe('the prompt block', () => {
  it.each([
    [0, '\r\x1b[J'],
    [2, '\r\x1b[2A\x1b[J'],
  ])('eraseBlock(%i)', (row, text) => {
    expect(eraseBlock(row)).toBe(text);
  });

  const B = (s: string) => `\x1b[1m${s}\x1b[0m`;
  it.each([
    { name: 'empty line', prompt: 'runc$ ', line: '', cursor: 0, cols: 80, text: `${B('runc$ ')}\r\x1b[6C`, row: 0 },
    { name: 'cursor at the end', prompt: 'runc$ ', line: 'getpid()', cursor: 8, cols: 80, text: `${B('runc$ getpid()')}\r\x1b[14C`, row: 0 },
    { name: 'cursor inside', prompt: '$ ', line: 'abc', cursor: 1, cols: 80, text: `${B('$ abc')}\r\x1b[3C`, row: 0 },
    { name: 'wrapped, cursor on the second row', prompt: '$ ', line: 'abcdefgh', cursor: 8, cols: 6, text: `${B('$ abcdefgh')}\r\x1b[4C`, row: 1 },
    { name: 'wrapped, cursor on the first row', prompt: '$ ', line: 'abcdefgh', cursor: 1, cols: 6, text: `${B('$ abcdefgh')}\x1b[1A\r\x1b[3C`, row: 0 },
    { name: 'exactly a row: wraps at once', prompt: '$ ', line: 'abcd', cursor: 4, cols: 6, text: `${B('$ abcd')} \b\r`, row: 1 },
    { name: 'cursor at column 0 of a later row', prompt: '$ ', line: 'abcdefgh', cursor: 4, cols: 6, text: `${B('$ abcdefgh')}\r`, row: 1 },
  ])('$name', ({ prompt, line, cursor, cols, text, row }) => {
    expect(drawBlock(prompt, line, cursor, cols)).toEqual({ text, cursorRow: row });
  });
});

describe('columns', () => {
  it.each([
    { words: [], cols: 40, rows: [] },
    { words: ['hostname', 'hosts'], cols: 40, rows: ['hostname  hosts'] },
    { words: ['aa', 'bb', 'cc', 'dd', 'ee'], cols: 8, rows: ['aa  bb', 'cc  dd', 'ee'] },
    { words: ['a-very-long-name'], cols: 5, rows: ['a-very-long-name'] },
  ])('$words in $cols columns', ({ words, cols, rows }) => {
    expect(columns(words, cols)).toEqual(rows);
  });
});
