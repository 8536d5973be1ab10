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

export type Tokenized = { ok: true; value: CommandLine } | { ok: false; message: string; column: number };

const UNSUPPORTED: Record<string, string> = {
  '|': 'pipes are not supported yet: run each command on its own',
  ';': 'one command per line, please',
  '&': 'background jobs and && are not supported',
  '`': 'command substitution is not supported',
  '$': 'variables are not supported',
  '<': 'input redirection is not supported',
};

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
      if (!w.word) return { ok: false, message: 'a file name must follow >', column: i + 1 };
      redirect = { path: w.word, append };
      i = w.end;
      continue;
    }
    const bad = UNSUPPORTED[ch];
    if (bad) return { ok: false, message: bad, column: i + 1 };
    const w = readWord(line, i);
    if (!w.ok) return w;
    words.push(w.word);
    i = w.end;
  }
  return { ok: true, value: { argv: words, redirect } };
}

type Word = { ok: true; word: string; end: number } | { ok: false; message: string; column: number };

function readWord(line: string, start: number): Word {
  let i = start;
  while (line[i] === ' ' || line[i] === '\t') i++;
  let word = '';
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '>' || (ch in UNSUPPORTED && ch !== '$')) break;
    if (ch === '"' || ch === "'") {
      const close = line.indexOf(ch, i + 1);
      if (close < 0) return { ok: false, message: `unterminated ${ch === '"' ? 'double' : 'single'} quote`, column: i + 1 };
      word += line.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      i += 2;
    } else if (ch === '$') {
      return { ok: false, message: UNSUPPORTED.$ as string, column: i + 1 };
    } else {
      word += ch;
      i++;
    }
  }
  return { ok: true, word, end: i };
}
