import { straceSyntaxText, type StraceSyntaxProblem } from './syntaxProblem.ts';

/**
 * What the strace parsers return instead of throwing: a value or a message
 * with the 1-based column it points at, so a terminal can put a caret under it.
 */
export interface StraceSyntaxError {
  ok: false;
  /** The problem in English (what `isolab` prints). */
  message: string;
  /** The same problem as data, for the lab to word in the page's language. */
  problem: StraceSyntaxProblem;
  /** 1-based column in the text that was parsed. */
  column: number;
}

export type StraceParse<T> = { ok: true; value: T } | StraceSyntaxError;

export const syntaxError = (problem: StraceSyntaxProblem, column: number): StraceSyntaxError => ({ ok: false, message: straceSyntaxText(problem), problem, column });
