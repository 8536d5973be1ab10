/**
 * Splits a command line into words the way a POSIX shell does for the lab's
 * purposes: whitespace separates words, single and double quotes group,
 * backslash escapes, and `>`, `>>` and `2>` redirect. Pipes, `;`, `&&`,
 * globbing and variables are not supported and are reported by column.
 */
export interface CommandLine {
  argv: string[];
  /** `> file` / `>> file` for stdout. */
  redirect: { path: string; append: boolean } | null;
}

/**
 * Why a line cannot be split, as data beside the English `message` (the lab's
 * own sentences, not sh's: the store words them per language, src/store/inputProblems.ts).
 */
export type ShellProblem =
  | { type: 'unsupported'; char: '|' | ';' | '&' | '`' | '$' | '<' }
  | { type: 'no-redirect-file' }
  | { type: 'unterminated-quote'; quote: 'double' | 'single' };

export type Tokenized = { ok: true; value: CommandLine } | { ok: false; message: string; column: number; problem: ShellProblem };

const UNSUPPORTED: Partial<Record<string, string>> = {
  '|': 'pipes are not supported yet: run each command on its own',
  ';': 'one command per line, please',
  '&': 'background jobs and && are not supported',
  '`': 'command substitution is not supported',
  '$': 'variables are not supported',
  '<': 'input redirection is not supported',
};

type Failure = Extract<Tokenized, { ok: false }>;

/** The problem in English, as `isolab trace` prints it. */
export function shellProblemText(p: ShellProblem): string {
  if (p.type === 'unsupported') return UNSUPPORTED[p.char] ?? '';
  if (p.type === 'no-redirect-file') return 'a file name must follow >';
  return `unterminated ${p.quote} quote`;
}

const fail = (problem: ShellProblem, column: number): Failure => ({ ok: false, message: shellProblemText(problem), column, problem });
const isUnsupported = (ch: string): ch is Extract<ShellProblem, { type: 'unsupported' }>['char'] => ch in UNSUPPORTED;

export function tokenize(line: string): Tokenized {
  const words: string[] = [];
  let redirect: CommandLine['redirect'] = null;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t') { i++; continue; }
    if (ch === '>') {
      const append = line[i + 1] === '>';
      const w = readWord(line, i + (append ? 2 : 1));
      if (!w.ok) return w;
      if (!w.word) return fail({ type: 'no-redirect-file' }, i + 1);
      redirect = { path: w.word, append };
      i = w.end;
      continue;
    }
    if (isUnsupported(ch)) return fail({ type: 'unsupported', char: ch }, i + 1);
    const w = readWord(line, i);
    if (!w.ok) return w;
    words.push(w.word);
    i = w.end;
  }
  return { ok: true, value: { argv: words, redirect } };
}

type Word = { ok: true; word: string; end: number } | Failure;

function readWord(line: string, start: number): Word {
  let i = start;
  while (line[i] === ' ' || line[i] === '\t') i++;
  let word = '';
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '>' || (ch in UNSUPPORTED && ch !== '$')) break;
    if (ch === '"' || ch === "'") {
      const close = line.indexOf(ch, i + 1);
      if (close < 0) return fail({ type: 'unterminated-quote', quote: ch === '"' ? 'double' : 'single' }, i + 1);
      word += line.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      i += 2;
    } else if (ch === '$') {
      return fail({ type: 'unsupported', char: '$' }, i + 1);
    } else {
      word += ch;
      i++;
    }
  }
  return { ok: true, word, end: i };
}
