import type { StraceSyntaxProblem } from '../sim/strace/syntaxProblem.ts';
import type { Localized } from '../sim/text/language.ts';
import { shellProblemText, type ShellProblem } from '../sim/shell/tokenize.ts';

/**
 * Why runInput refused a line, as data, beside its English message, so the
 * store can word it in the page's language (src/store/inputProblems.ts).
 * What a program prints itself (sh's "not found", cat's errors) is its
 * output, not a refusal, and stays as the program prints it.
 */
export type InputProblem =
  | { type: 'ended'; pid: number }
  | { type: 'empty' }
  | { type: 'syntax'; problem: StraceSyntaxProblem }
  /** The lab's shell cannot split the line (its own sentences, not sh's). */
  | { type: 'shell'; problem: ShellProblem }
  /** `syscall`: the name is a syscall typed without its parentheses. */
  | { type: 'unknown-command'; name: string; hint: string[]; syscall: boolean }
  | { type: 'unknown-syscall'; name: string; hint: string[] }
  /** Already worded in both languages where the refusal was made (config.json's reader, for the Spec pane's Run: src/store/engine.ts). */
  | { type: 'worded'; text: Localized };

/** The problem in English, as `isolab trace` prints it. */
export function inputProblemText(p: InputProblem, syntaxText: (s: StraceSyntaxProblem) => string): string {
  switch (p.type) {
    case 'ended': return `the process this terminal talked to (pid ${p.pid} on the host) has ended; boot the runtime again`;
    case 'empty': return 'empty input: type a syscall such as getpid() or a command such as cat /etc/passwd';
    case 'syntax': return syntaxText(p.problem);
    case 'shell': return shellProblemText(p.problem);
    case 'unknown-command': {
      const mean = p.hint.length ? `; did you mean ${p.hint.join(', ')}?` : '';
      const syscall = p.syscall ? ` — ${p.name} is a syscall: type ${p.name}(…) with its arguments` : '';
      return `unknown command '${p.name}'${mean}${syscall}`;
    }
    case 'unknown-syscall': return `unknown syscall '${p.name}'${p.hint.length ? `; did you mean ${p.hint.join(', ')}?` : ''}`;
    case 'worded': return p.text.en;
  }
}
