import type { SyscallCall } from '../syscalls/args.ts';
import type { ArgNode } from '../syscalls/args.ts';
import { ArgParser } from './argParser.ts';
import { CH, isIdentPart, isIdentStart, isSpace } from './argScanner.ts';
import { syntaxError, type StraceParse } from './syntaxError.ts';

/**
 * Reads a call a person types in strace's own syntax —
 * `openat(AT_FDCWD, "/etc/passwd", O_RDONLY)`, `unshare(CLONE_NEWNS|CLONE_NEWUSER)`,
 * `clone(child_stack=NULL, flags=…)` — into a SyscallCall. Never throws: a
 * mistake comes back as a message and the 1-based column it points at.
 */

export interface ParsedCall extends SyscallCall {
  /** strace's `name=value` labels, one per argument, null where there is none. */
  labels: (string | null)[];
}

export function parseCall(text: string): StraceParse<ParsedCall> {
  const parser = new ArgParser(text);
  if (!parser.skipSpace()) return parser.error ?? syntaxError({ type: 'unreadable-input' }, 1);
  const start = parser.pos;
  if (start >= parser.end) return syntaxError({ type: 'empty-input' }, start + 1);
  const nameError = checkName(parser, start);
  if (nameError) return nameError;
  const name = text.slice(start, parser.pos);
  while (parser.code() === CH.SPACE || parser.code() === CH.TAB) parser.pos++;
  if (parser.code() !== CH.LPAREN) return syntaxError({ type: 'expected-paren', name, column: parser.pos + 1 }, parser.pos + 1);
  const args: ArgNode[] = [];
  const labels: (string | null)[] = [];
  if (!parser.list(parser.pos++, CH.RPAREN, 'args', args, labels)) return parser.error ?? syntaxError({ type: 'unreadable-arguments' }, 1);
  return trailing(parser) ?? { ok: true, value: { name, args, labels } };
}

/** Moves past a well-formed syscall name, or says what is wrong with it. */
function checkName(parser: ArgParser, start: number): StraceParse<never> | null {
  const first = parser.code(start);
  if (first === CH.LPAREN) return syntaxError({ type: 'missing-name', column: start + 1 }, start + 1);
  if (!isIdentStart(first)) {
    return syntaxError({ type: 'bad-name-start', found: first, column: start + 1 }, start + 1);
  }
  let i = start;
  while (isIdentPart(parser.code(i))) i++;
  parser.pos = i;
  const c = parser.code(i);
  if (c < 0 || c === CH.LPAREN || isSpace(c)) return null;
  return syntaxError({ type: 'bad-name-char', found: c, column: i + 1 }, i + 1);
}

/** Only blanks may follow the closing ')'. */
function trailing(parser: ArgParser): StraceParse<never> | null {
  const close = parser.pos;
  if (!parser.skipSpace()) return parser.error;
  const c = parser.code();
  if (c < 0) return null;
  const column = parser.pos + 1;
  if (c === CH.EQ) {
    return syntaxError({ type: 'result-after-call', column }, column);
  }
  return syntaxError({ type: 'text-after-call', column, close }, column);
}
