import { describe, expect, it } from 'vitest';
import { actionsOf, createEditor, edit, wordEnd, wordStart, type Complete, type EditorAction, type EditorEffect, type EditorState } from '../../../src/ui/terminal/lineEditor.ts';

/** `|` marks the cursor. */
function state(marked: string, history: string[] = []): EditorState {
  return { ...createEditor(history), line: marked.replace('|', ''), cursor: marked.indexOf('|') };
}
const show = (s: EditorState) => `${s.line.slice(0, s.cursor)}|${s.line.slice(s.cursor)}`;

/** Runs xterm's data strings through the editor; returns the marked line and every effect. */
function type(start: EditorState, data: string[], complete?: Complete): { line: string; effects: EditorEffect[]; state: EditorState } {
  let s = start;
  const effects: EditorEffect[] = [];
  for (const d of data) {
    for (const a of actionsOf(d)) {
      const r = edit(s, a, complete);
      s = r.state;
      effects.push(...r.effects);
    }
  }
  return { line: show(s), effects, state: s };
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('actionsOf: xterm data → actions', () => {
  it.each<[string, EditorAction[]]>([
    ['a', [{ type: 'insert', text: 'a' }]],
    ['é', [{ type: 'insert', text: 'é' }]],
    ['\r', [{ type: 'enter' }]],
    ['\x7f', [{ type: 'backspace' }]],
    ['\b', [{ type: 'backspace' }]],
    ['\x1b[3~', [{ type: 'delete' }]],
    [LEFT, [{ type: 'left' }]],
    ['\x1bOD', [{ type: 'left' }]],
    [RIGHT, [{ type: 'right' }]],
    [UP, [{ type: 'up' }]],
    ['\x1bOA', [{ type: 'up' }]],
    [DOWN, [{ type: 'down' }]],
    ['\x1b[H', [{ type: 'home' }]],
    ['\x1b[1~', [{ type: 'home' }]],
    ['\x01', [{ type: 'home' }]],
    ['\x1b[F', [{ type: 'end' }]],
    ['\x1b[4~', [{ type: 'end' }]],
    ['\x05', [{ type: 'end' }]],
    ['\x1b[1;5D', [{ type: 'wordLeft' }]],
    ['\x1b[1;5C', [{ type: 'wordRight' }]],
    ['\t', [{ type: 'tab' }]],
    ['\x03', [{ type: 'interrupt' }]],
    ['\x0c', [{ type: 'clearScreen' }]],
    ['\x15', [{ type: 'killBefore' }]],
    ['\x0b', [{ type: 'killAfter' }]],
    ['\x17', [{ type: 'deleteWord' }]],
    ['\x1b[15~', []],
    ['\x1b', []],
    ['\x00', []],
    ['cat /etc/passwd', [{ type: 'insert', text: 'cat /etc/passwd' }]],
    ['getpid()\rcat /etc/hostname\r', [{ type: 'paste', text: 'getpid()\rcat /etc/hostname\r' }]],
    ['a\nb', [{ type: 'paste', text: 'a\nb' }]],
    ['\x1b[200~a\rb\x1b[201~', [{ type: 'paste', text: 'a\rb' }]],
    ['a\tb', [{ type: 'insert', text: 'a b' }]],
  ])('%j → %j', (data, actions) => {
    expect(actionsOf(data)).toEqual(actions);
  });
});

describe('edit: keys → line and cursor', () => {
  it.each([
    { start: '|', keys: ['g', 'e', 't'], end: 'get|' },
    { start: 'gtpid()|', keys: [LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, 'e'], end: 'ge|tpid()' },
    { start: 'getpid()|', keys: ['\x7f', '\x7f'], end: 'getpid|' },
    { start: '|getpid', keys: ['\x7f'], end: '|getpid' },
    { start: 'get|xpid', keys: ['\x1b[3~'], end: 'get|pid' },
    { start: 'getpid|', keys: ['\x1b[3~'], end: 'getpid|' },
    { start: 'getpid|', keys: ['\x1b[H'], end: '|getpid' },
    { start: '|getpid', keys: ['\x1b[F'], end: 'getpid|' },
    { start: '|ab', keys: [LEFT], end: '|ab' },
    { start: 'ab|', keys: [RIGHT], end: 'ab|' },
    { start: 'a|b', keys: [RIGHT, RIGHT], end: 'ab|' },
    { start: 'cat /etc/passwd|', keys: ['\x17'], end: 'cat |' },
    { start: 'cat /etc/passwd|', keys: ['\x1b[1;5D'], end: 'cat |/etc/passwd' },
    { start: '|cat /etc/passwd', keys: ['\x1b[1;5C'], end: 'cat| /etc/passwd' },
    { start: 'cat |/etc/passwd', keys: ['\x15'], end: '|/etc/passwd' },
    { start: 'cat |/etc/passwd', keys: ['\x0b'], end: 'cat |' },
    { start: 'a|c', keys: ['b'], end: 'ab|c' },
    { start: '|', keys: ['héllo'], end: 'héllo|' },
  ])('$start + $keys → $end', ({ start, keys, end }) => {
    const r = type(state(start), keys);
    expect(r.line).toBe(end);
    expect(r.effects.filter((e) => e.type !== 'bellRang')).toEqual([]);
  });

  it.each([
    { start: '|', keys: ['\x7f'] },
    { start: '|', keys: [LEFT] },
    { start: '|', keys: [UP] },
    { start: '|', keys: [DOWN] },
  ])('$start + $keys rings the bell and changes nothing', ({ start, keys }) => {
    const r = type(state(start), keys);
    expect(r.line).toBe(start);
    expect(r.effects).toEqual([{ type: 'bellRang' }]);
  });
});

describe('edit: Enter, Ctrl-C, Ctrl-L', () => {
  it('Enter submits the whole line wherever the cursor is, and remembers it', () => {
    const r = type(state('get|pid()'), ['\r']);
    expect(r.effects).toEqual([{ type: 'submitted', text: 'getpid()' }]);
    expect(r.line).toBe('|');
    expect(r.state.history).toEqual(['getpid()']);
  });

  it.each([
    ['', []],
    ['   ', []],
    ['getpid()', ['getpid()']],
  ])('Enter on %j submits it; history keeps %j', (line, history) => {
    const r = type(state(`${line}|`), ['\r']);
    expect(r.effects).toEqual([{ type: 'submitted', text: line }]);
    expect(r.state.history).toEqual(history);
  });

  it('a line entered twice in a row is remembered once', () => {
    expect(type(state('|'), ['ls', '\r', 'ls', '\r']).state.history).toEqual(['ls']);
  });

  it('Ctrl-C abandons the line and reports it for ^C', () => {
    const r = type(state('cat /et|c'), ['\x03']);
    expect(r.effects).toEqual([{ type: 'interrupted', line: 'cat /etc' }]);
    expect(r.line).toBe('|');
    expect(r.state.history).toEqual([]);
  });

  it('Ctrl-L asks for a clear screen and keeps the line', () => {
    const r = type(state('get|pid'), ['\x0c']);
    expect(r.effects).toEqual([{ type: 'screenCleared' }]);
    expect(r.line).toBe('get|pid');
  });
});

describe('edit: history', () => {
  const history = ['getpid()', 'cat /etc/passwd', 'help'];
  it.each([
    { keys: [UP], end: 'help|' },
    { keys: [UP, UP], end: 'cat /etc/passwd|' },
    { keys: [UP, UP, UP], end: 'getpid()|' },
    { keys: [UP, UP, UP, UP], end: 'getpid()|' },
    { keys: [UP, DOWN], end: 'draft|' },
    { keys: [UP, UP, DOWN], end: 'help|' },
    { keys: [UP, UP, DOWN, DOWN], end: 'draft|' },
    { keys: [UP, '\r', UP], end: 'help|' },
  ])('$keys → $end', ({ keys, end }) => {
    expect(type(state('draft|', history), keys).line).toBe(end);
  });

  it('a recalled line, run again, is not remembered twice; a changed one is', () => {
    expect(type(state('|', history), [UP, '\r']).state.history).toEqual(history);
    expect(type(state('|', history), [UP, ' x', '\r']).state.history).toEqual([...history, 'help x']);
  });
});

describe('edit: Tab completion', () => {
  const complete: Complete = (line, cursor) => {
    const before = line.slice(0, cursor);
    if (before === 'getpi') return { replacement: 'getpid(', candidates: [] };
    if (before === 'cat /etc/ho') return { replacement: 'cat /etc/host', candidates: ['hostname', 'hosts'] };
    if (before === 'cat /etc/host') return { replacement: 'cat /etc/host', candidates: ['hostname', 'hosts'] };
    return { replacement: before, candidates: [] };
  };
  it.each([
    { start: 'getpi|', end: 'getpid(|', effects: [] },
    { start: 'getpi|)', end: 'getpid(|)', effects: [] },
    { start: 'cat /etc/ho|', end: 'cat /etc/host|', effects: [] },
    { start: 'cat /etc/host|', end: 'cat /etc/host|', effects: [{ type: 'candidatesListed', candidates: ['hostname', 'hosts'] }] },
    { start: 'zzz|', end: 'zzz|', effects: [{ type: 'bellRang' }] },
  ])('$start → $end', ({ start, end, effects }) => {
    const r = type(state(start), ['\t'], complete);
    expect(r.line).toBe(end);
    expect(r.effects).toEqual(effects);
  });

  it.each([
    ['no completion', undefined],
    ['a completion that throws', (() => { throw new Error('boom'); }) as Complete],
    ['a completion with nothing to say', (() => undefined) as Complete],
  ])('with %s, Tab rings the bell', (_name, fn) => {
    const r = type(state('get|'), ['\t'], fn);
    expect(r.line).toBe('get|');
    expect(r.effects).toEqual([{ type: 'bellRang' }]);
  });
});

describe('edit: paste', () => {
  it.each([
    { start: '|', paste: 'getpid()\rcat /etc/hostname\r', submitted: ['getpid()', 'cat /etc/hostname'], end: '|' },
    { start: '|', paste: 'getpid()\r\ncat /etc/host', submitted: ['getpid()'], end: 'cat /etc/host|' },
    { start: 'ca|', paste: 't /etc/passwd\nls', submitted: ['cat /etc/passwd'], end: 'ls|' },
    { start: '|', paste: 'a\r\rb\r', submitted: ['a', '', 'b'], end: '|' },
    { start: '|', paste: 'x\x1b[2Jy\rz', submitted: ['x[2Jy'], end: 'z|' },
  ])('$paste → $submitted', ({ start, paste, submitted, end }) => {
    const r = type(state(start), [paste]);
    expect(r.effects.filter((e) => e.type === 'submitted').map((e) => (e.type === 'submitted' ? e.text : ''))).toEqual(submitted);
    expect(r.line).toBe(end);
  });
});

describe('word boundaries', () => {
  it.each([
    ['cat /etc/passwd', 15, 4, 15],
    ['cat  /etc', 5, 0, 9],
    ['cat', 0, 0, 3],
  ])('%j at %i: word starts at %i, ends at %i', (line, i, start, end) => {
    expect(wordStart(line, i)).toBe(start);
    expect(wordEnd(line, i)).toBe(end);
  });
});
