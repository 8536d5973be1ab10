import { show } from './argScanner.ts';

/**
 * Why a line of a strace log cannot be read, as data: the kind and what the
 * sentence needs (characters as UTF-16 codes, -1 for the end of the text).
 * The lab words it in each language (src/store/artefactsProblems.ts); the
 * English here is what `isolab replay` prints, word for word.
 */
export type StraceLineProblem =
  | { type: 'prefix-only' }
  | { type: 'name-not-call'; name: string; char: number }
  | { type: 'resumed-no-name' }
  | { type: 'cut-short' }
  | { type: 'attach-cut' }
  | { type: 'signal-open' }
  | { type: 'end-open' }
  | { type: 'end-unknown'; body: string }
  | { type: 'strace-message' }
  | { type: 'summary-table' }
  | { type: 'stack-frame' }
  /** `column` is 1-based, after a pid/timestamp prefix; null when the line starts with the character. */
  | { type: 'unexpected-start'; column: number | null; char: number }
  | { type: 'no-return-value' }
  | { type: 'bad-return-value'; text: string }
  | { type: 'after-return-value'; char: number; column: number };

/** The problem in English. */
export function straceLineProblemText(p: StraceLineProblem): string {
  switch (p.type) {
    case 'prefix-only': return 'only a pid or timestamp, with no event after it';
    case 'name-not-call': return `'${p.name}' is followed by ${show(p.char)}, not '(': expected a call such as ${p.name}(…) = 0`;
    case 'resumed-no-name': return "a '<... ' line must say '<... NAME resumed>'";
    case 'cut-short': return "no ' = ' and return value after the arguments: the line is cut short";
    case 'attach-cut': return "strace's attach message cut this line and the log ends before it goes on";
    case 'signal-open': return "a signal line is '--- SIGNAME {…} ---'; this one is not closed by ' ---'";
    case 'end-open': return "a line about a process's end is '+++ … +++'; this one is not closed by ' +++'";
    case 'end-unknown': return `'+++ ${p.body} +++' is none of 'exited with N', 'killed by SIG…' or 'superseded by execve in pid N'`;
    case 'strace-message': return "strace's own message, not an event of a traced process";
    case 'summary-table': return 'part of a strace -c summary table, not a traced event';
    case 'stack-frame': return 'a stack frame printed by strace -k, not a traced event';
    case 'unexpected-start': {
      const what = p.column !== null ? `after the prefix, column ${p.column} has` : 'the line starts with';
      return `expected a call such as getpid() = 1, a signal '--- SIG… ---', an exit '+++ … +++' or a 'strace:' message, but ${what} ${show(p.char)}`;
    }
    case 'no-return-value': return 'the line ends at " = " without a return value';
    case 'bad-return-value': return `the return value '${p.text}' is neither a number nor '?'`;
    case 'after-return-value': return `unexpected ${show(p.char)} right after the return value (column ${p.column})`;
  }
}
