import { show } from './argScanner.ts';

/**
 * Why typed strace syntax cannot be read, as data: the kind and what the
 * sentence needs (characters as UTF-16 codes, -1 for the end of the text;
 * columns 1-based). The lab words it in each language
 * (src/store/syntaxProblems.ts); the English here is what `isolab trace`
 * prints, word for word.
 */
export type StraceSyntaxProblem =
  | { type: 'unterminated-comment'; column: number }
  | { type: 'unterminated-string'; column: number }
  | { type: 'bad-hex-escape'; column: number }
  | { type: 'unknown-escape'; escape: string; column: number }
  | { type: 'too-deep'; max: number; column: number }
  /** `want` closes `open` (typed at `openColumn`), but `found` is at `column`. */
  | { type: 'mismatch'; want: string; open: string; openColumn: number; found: number; column: number }
  | { type: 'unclosed'; want: string; open: string; openColumn: number }
  | { type: 'empty-argument'; column: number }
  | { type: 'stray-closer'; found: number; column: number }
  /** `want` null: the end of the text. */
  | { type: 'expected-delimiter'; want: string | null; found: number; column: number }
  | { type: 'missing-value'; key: string; column: number }
  | { type: 'unreadable-arguments' }
  | { type: 'unreadable-input' }
  | { type: 'empty-input' }
  | { type: 'expected-paren'; name: string; column: number }
  | { type: 'missing-name'; column: number }
  | { type: 'bad-name-start'; found: number; column: number }
  | { type: 'bad-name-char'; found: number; column: number }
  | { type: 'result-after-call'; column: number }
  /** `close`: the column of the call's closing ')'. */
  | { type: 'text-after-call'; column: number; close: number };

/** The problem in English. */
export function straceSyntaxText(p: StraceSyntaxProblem): string {
  switch (p.type) {
    case 'unterminated-comment': return `unterminated comment starting at column ${p.column}`;
    case 'unterminated-string': return `unterminated string starting at column ${p.column}`;
    case 'bad-hex-escape': return `'\\x' at column ${p.column} must be followed by hex digits`;
    case 'unknown-escape': return `unknown escape '\\${p.escape}' at column ${p.column}`;
    case 'too-deep': return `nesting deeper than ${p.max} levels at column ${p.column}`;
    case 'mismatch': return `expected '${p.want}' to close '${p.open}' from column ${p.openColumn}, found ${show(p.found)} at column ${p.column}`;
    case 'unclosed': return `missing '${p.want}' to close '${p.open}' from column ${p.openColumn}`;
    case 'empty-argument': return `empty argument at column ${p.column}`;
    case 'stray-closer': return `unexpected ${show(p.found)} at column ${p.column}: no bracket is open`;
    case 'expected-delimiter': return `expected ',' or ${p.want === null ? 'the end' : `'${p.want}'`} at column ${p.column}, found ${show(p.found)}`;
    case 'missing-value': return `missing value after '${p.key}=' at column ${p.column}`;
    case 'unreadable-arguments': return 'unreadable arguments';
    case 'unreadable-input': return 'unreadable input';
    case 'empty-input': return 'empty input: type a syscall such as getpid()';
    case 'expected-paren': return `expected '(' after '${p.name}' at column ${p.column}`;
    case 'missing-name': return `missing syscall name before '(' at column ${p.column}`;
    case 'bad-name-start': return `a syscall name starts with a letter or '_', not ${show(p.found)} (column ${p.column})`;
    case 'bad-name-char': return `unexpected character ${show(p.found)} in syscall name at column ${p.column}`;
    case 'result-after-call': return `unexpected text after ')' at column ${p.column}: leave out the ' = …' result, the lab works it out`;
    case 'text-after-call': return `unexpected text after ')' at column ${p.column} (the call ended at column ${p.close})`;
  }
}
