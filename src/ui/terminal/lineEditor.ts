/**
 * The terminal's line editor as a pure reducer: keys in, the line, cursor and
 * history out, plus what the terminal should do (submit a line, print ^C,
 * clear, list completions). xterm only draws; this decides. `actionsOf`
 * turns what xterm's onData delivers (characters, escape sequences, pastes)
 * into actions.
 */

export interface EditorState {
  line: string;
  /** 0…line.length, in UTF-16 code units. */
  cursor: number;
  /** Lines entered, oldest first. */
  history: readonly string[];
  /** The history entry shown, or null while editing a new line. */
  index: number | null;
  /** The new line put aside while browsing history. */
  draft: string;
}

export type EditorAction =
  | { type: 'insert'; text: string }
  | { type: 'paste'; text: string }
  | { type: 'backspace' } | { type: 'delete' } | { type: 'deleteWord' } | { type: 'killBefore' } | { type: 'killAfter' }
  | { type: 'left' } | { type: 'right' } | { type: 'wordLeft' } | { type: 'wordRight' } | { type: 'home' } | { type: 'end' }
  | { type: 'up' } | { type: 'down' } | { type: 'tab' } | { type: 'interrupt' } | { type: 'clearScreen' } | { type: 'enter' };

export type EditorEffect =
  | { type: 'submitted'; text: string }
  | { type: 'interrupted'; line: string }
  | { type: 'screenCleared' }
  | { type: 'candidatesListed'; candidates: string[] }
  | { type: 'bellRang' };

/** The store's completion: `replacement` replaces the text before the cursor. */
export type Complete = (line: string, cursor: number) => { replacement: string; candidates: string[] } | undefined;

export interface Edited {
  state: EditorState;
  effects: EditorEffect[];
}

/** History keeps this many lines. */
export const HISTORY_LIMIT = 500;

export function createEditor(history: readonly string[] = []): EditorState {
  return { line: '', cursor: 0, history: history.slice(-HISTORY_LIMIT), index: null, draft: '' };
}

/** Control characters would move xterm's cursor under the editor's feet: tabs become spaces, the rest go. */
// eslint-disable-next-line no-control-regex
const printable = (text: string) => text.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');

const at = (s: EditorState, line: string, cursor: number): EditorState => ({ ...s, line, cursor: Math.max(0, Math.min(cursor, line.length)) });
const done = (state: EditorState, ...effects: EditorEffect[]): Edited => ({ state, effects });
const bell = (state: EditorState) => done(state, { type: 'bellRang' });

/** Where the word before `i` starts, or the one after `i` ends (words are runs of non-spaces). */
export function wordStart(line: string, i: number): number {
  let j = i;
  while (j > 0 && line[j - 1] === ' ') j--;
  while (j > 0 && line[j - 1] !== ' ') j--;
  return j;
}
export function wordEnd(line: string, i: number): number {
  let j = i;
  while (j < line.length && line[j] === ' ') j++;
  while (j < line.length && line[j] !== ' ') j++;
  return j;
}

export function edit(s: EditorState, action: EditorAction, complete?: Complete): Edited {
  const { line, cursor } = s;
  switch (action.type) {
    case 'insert': {
      const text = printable(action.text);
      return done(at(s, line.slice(0, cursor) + text + line.slice(cursor), cursor + text.length));
    }
    case 'paste': return paste(s, action.text);
    case 'backspace': return cursor === 0 ? bell(s) : done(at(s, line.slice(0, cursor - 1) + line.slice(cursor), cursor - 1));
    case 'delete': return cursor === line.length ? bell(s) : done(at(s, line.slice(0, cursor) + line.slice(cursor + 1), cursor));
    case 'deleteWord': {
      const start = wordStart(line, cursor);
      return done(at(s, line.slice(0, start) + line.slice(cursor), start));
    }
    case 'killBefore': return done(at(s, line.slice(cursor), 0));
    case 'killAfter': return done(at(s, line.slice(0, cursor), cursor));
    case 'left': return cursor === 0 ? bell(s) : done(at(s, line, cursor - 1));
    case 'right': return cursor === line.length ? bell(s) : done(at(s, line, cursor + 1));
    case 'wordLeft': return done(at(s, line, wordStart(line, cursor)));
    case 'wordRight': return done(at(s, line, wordEnd(line, cursor)));
    case 'home': return done(at(s, line, 0));
    case 'end': return done(at(s, line, line.length));
    case 'up': return older(s);
    case 'down': return newer(s);
    case 'tab': return tab(s, complete);
    case 'interrupt': return done({ ...s, line: '', cursor: 0, index: null, draft: '' }, { type: 'interrupted', line });
    case 'clearScreen': return done(s, { type: 'screenCleared' });
    case 'enter': return enter(s);
  }
}

/** Submits the whole line wherever the cursor is, as readline does, and remembers it. */
function enter(s: EditorState): Edited {
  const text = s.line;
  const remember = text.trim() !== '' && s.history.at(-1) !== text;
  const history = remember ? [...s.history, text].slice(-HISTORY_LIMIT) : s.history;
  return done({ line: '', cursor: 0, history, index: null, draft: '' }, { type: 'submitted', text });
}

/** Pasted text: each complete line is submitted in order; what follows the last line break stays in the editor. */
function paste(s: EditorState, text: string): Edited {
  const parts = text.split(/\r\n|\r|\n/);
  let state = s;
  const effects: EditorEffect[] = [];
  parts.forEach((part, i) => {
    if (i > 0) {
      const r = enter(state);
      state = r.state;
      effects.push(...r.effects);
    }
    state = edit(state, { type: 'insert', text: part }).state;
  });
  return { state, effects };
}

function older(s: EditorState): Edited {
  if (s.history.length === 0 || s.index === 0) return bell(s);
  const index = s.index === null ? s.history.length - 1 : s.index - 1;
  const line = s.history[index] ?? '';
  return done({ ...s, index, line, cursor: line.length, draft: s.index === null ? s.line : s.draft });
}

function newer(s: EditorState): Edited {
  if (s.index === null) return bell(s);
  if (s.index >= s.history.length - 1) return done({ ...s, index: null, line: s.draft, cursor: s.draft.length });
  const index = s.index + 1;
  const line = s.history[index] ?? '';
  return done({ ...s, index, line, cursor: line.length });
}

/** One candidate: completed. Several: the common part is filled in, or, when there is none to add, they are listed. */
function tab(s: EditorState, complete?: Complete): Edited {
  let result: ReturnType<Complete>;
  try {
    result = complete?.(s.line, s.cursor);
  } catch {
    result = undefined;
  }
  if (!result) return bell(s);
  const before = s.line.slice(0, s.cursor);
  const next = at(s, result.replacement + s.line.slice(s.cursor), result.replacement.length);
  if (result.replacement !== before) return done(next);
  if (result.candidates.length > 1) return done(next, { type: 'candidatesListed', candidates: result.candidates });
  return bell(s);
}

const ACTION = (type: Exclude<EditorAction['type'], 'insert' | 'paste'>) => ({ type }) as EditorAction;

/** What xterm sends for each key (xterm's defaults: normal cursor mode, or application mode's `ESC O`). */
const KEYS: Readonly<Record<string, EditorAction>> = {
  '\r': ACTION('enter'), '\n': ACTION('enter'),
  '\x7f': ACTION('backspace'), '\b': ACTION('backspace'),
  '\x1b[3~': ACTION('delete'), '\x04': ACTION('delete'),
  '\x1b[D': ACTION('left'), '\x1bOD': ACTION('left'), '\x02': ACTION('left'),
  '\x1b[C': ACTION('right'), '\x1bOC': ACTION('right'), '\x06': ACTION('right'),
  '\x1b[A': ACTION('up'), '\x1bOA': ACTION('up'), '\x10': ACTION('up'),
  '\x1b[B': ACTION('down'), '\x1bOB': ACTION('down'), '\x0e': ACTION('down'),
  '\x1b[H': ACTION('home'), '\x1bOH': ACTION('home'), '\x1b[1~': ACTION('home'), '\x1b[7~': ACTION('home'), '\x01': ACTION('home'),
  '\x1b[F': ACTION('end'), '\x1bOF': ACTION('end'), '\x1b[4~': ACTION('end'), '\x1b[8~': ACTION('end'), '\x05': ACTION('end'),
  '\x1b[1;5D': ACTION('wordLeft'), '\x1bb': ACTION('wordLeft'),
  '\x1b[1;5C': ACTION('wordRight'), '\x1bf': ACTION('wordRight'),
  '\t': ACTION('tab'), '\x03': ACTION('interrupt'), '\x0c': ACTION('clearScreen'),
  '\x15': ACTION('killBefore'), '\x0b': ACTION('killAfter'), '\x17': ACTION('deleteWord'), '\x1b\x7f': ACTION('deleteWord'),
};

// eslint-disable-next-line no-control-regex
const BRACKETED = /^\x1b\[200~([\s\S]*)\x1b\[201~$/;

/** xterm's onData string → editor actions. A key is one action; anything longer is typed text or a paste. */
export function actionsOf(data: string): EditorAction[] {
  const key = KEYS[data];
  if (key) return [key];
  const bracketed = BRACKETED.exec(data);
  if (bracketed) return [{ type: 'paste', text: bracketed[1] ?? '' }];
  // Other escape sequences (function keys, Alt chords, focus reports) mean nothing to a line editor.
  if (data.startsWith('\x1b')) return [];
  if (data.length > 1 && /[\r\n]/.test(data)) return [{ type: 'paste', text: data }];
  const text = printable(data);
  return text ? [{ type: 'insert', text }] : [];
}
