/**
 * What the strace parsers return instead of throwing: a value or a message
 * with the 1-based column it points at, so a terminal can put a caret under it.
 */
export interface StraceSyntaxError {
  ok: false;
  message: string;
  /** 1-based column in the text that was parsed. */
  column: number;
}

export type StraceParse<T> = { ok: true; value: T } | StraceSyntaxError;

export const syntaxError = (message: string, column: number): StraceSyntaxError => ({ ok: false, message, column });
