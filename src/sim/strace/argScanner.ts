import { syntaxError, type StraceSyntaxError } from './syntaxError.ts';
import type { StraceSyntaxProblem } from './syntaxProblem.ts';

/**
 * The lexical layer under the argument parser: a cursor over strace text that
 * reads strings, numbers and names, skips blanks and comments, and scans
 * stretches it keeps as raw text. Errors are recorded once (the first wins)
 * and every method returns a sentinel instead of throwing.
 */

export const CH = {
  TAB: 9, LF: 10, CR: 13, SPACE: 32, QUOTE: 34, LPAREN: 40, RPAREN: 41, STAR: 42,
  COMMA: 44, MINUS: 45, DOT: 46, SLASH: 47, ZERO: 48, SEVEN: 55, NINE: 57,
  LT: 60, EQ: 61, GT: 62, LBRACKET: 91, BACKSLASH: 92, RBRACKET: 93, LBRACE: 123, PIPE: 124, RBRACE: 125,
} as const;

/** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
export const MAX_DEPTH = 64;

export const isDigit = (c: number): boolean => c >= CH.ZERO && c <= CH.NINE;
export const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
export const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);
export const isSpace = (c: number): boolean => c === CH.SPACE || c === CH.TAB || c === CH.LF || c === CH.CR;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
export const isOpener = (c: number): boolean => c === CH.LPAREN || c === CH.LBRACKET || c === CH.LBRACE;
export const isCloser = (c: number): boolean => c === CH.RPAREN || c === CH.RBRACKET || c === CH.RBRACE;

export function closerOf(open: number): number {
  if (open === CH.LPAREN) return CH.RPAREN;
  return open === CH.LBRACKET ? CH.RBRACKET : CH.RBRACE;
}

/** A character for an error message: printable ASCII quoted, anything else as U+XXXX. */
export function show(c: number): string {
  if (c < 0) return 'the end of the text';
  if (c > 32 && c < 127) return `'${String.fromCharCode(c)}'`;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The C escapes strace prints in strings (and the ones a person may type). @see strace(1) -x, -s */
const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', a: '\x07', b: '\b', e: '\x1b', '\\': '\\', '"': '"', "'": "'", '?': '?',
};

export class ArgCursor {
  pos = 0;
  error: StraceSyntaxError | null = null;
  readonly end: number;

  constructor(readonly src: string) {
    this.end = src.length;
  }

  code(i: number = this.pos): number {
    return i < this.end ? this.src.charCodeAt(i) : -1;
  }

  /** Records the first error (1-based column) and returns null for the caller to pass up. */
  fail(problem: StraceSyntaxProblem, at: number): null {
    this.error ??= syntaxError(problem, at + 1);
    return null;
  }

  /** Skips blanks and C comments; false when a comment never ends. */
  skipSpace(): boolean {
    for (;;) {
      const c = this.code();
      if (isSpace(c)) this.pos++;
      else if (c === CH.SLASH && this.code(this.pos + 1) === CH.STAR) {
        const close = this.src.indexOf('*/', this.pos + 2);
        if (close < 0) {
          this.fail({ type: 'unterminated-comment', column: this.pos + 1 }, this.pos);
          return false;
        }
        this.pos = close + 2;
      } else return true;
    }
  }

  identEnd(i: number): number {
    while (isIdentPart(this.code(i))) i++;
    return i;
  }

  /** Reads a quoted string at `pos`, decoding C escapes; null on error. */
  readString(): { value: string; truncated: boolean; text: string } | null {
    const start = this.pos;
    let value = '';
    let chunk = start + 1;
    for (let i = chunk; i < this.end; i++) {
      const c = this.src.charCodeAt(i);
      if (c === CH.QUOTE) {
        value += this.src.slice(chunk, i);
        const truncated = this.src.startsWith('...', i + 1);
        this.pos = i + (truncated ? 4 : 1);
        return { value, truncated, text: this.src.slice(start, this.pos) };
      }
      if (c !== CH.BACKSLASH) continue;
      if (i + 1 >= this.end) break;
      value += this.src.slice(chunk, i);
      const decoded = this.escape(i);
      if (decoded === null) return null;
      value += decoded.text;
      i = decoded.next - 1;
      chunk = decoded.next;
    }
    return this.fail({ type: 'unterminated-string', column: start + 1 }, start);
  }

  /** Decodes the escape whose backslash is at `at`. */
  private escape(at: number): { text: string; next: number } | null {
    const c = this.code(at + 1);
    const simple = SIMPLE_ESCAPES[String.fromCharCode(c)];
    if (simple !== undefined) return { text: simple, next: at + 2 };
    if (c >= CH.ZERO && c <= CH.SEVEN) {
      let i = at + 1;
      let v = 0;
      while (i < at + 4 && this.code(i) >= CH.ZERO && this.code(i) <= CH.SEVEN) v = v * 8 + this.code(i++) - CH.ZERO;
      return { text: String.fromCharCode(v), next: i };
    }
    if (c === 120) {
      let i = at + 2;
      while (i < at + 4 && isHex(this.code(i))) i++;
      if (i === at + 2) return this.fail({ type: 'bad-hex-escape', column: at + 1 }, at);
      return { text: String.fromCharCode(Number.parseInt(this.src.slice(at + 2, i), 16)), next: i };
    }
    return this.fail({ type: 'unknown-escape', escape: String.fromCharCode(c), column: at + 1 }, at);
  }

  /** Reads an integer at `pos`: decimal, 0x hex or 0-led octal, optionally negative. */
  readNumber(): { value: number; text: string } {
    const start = this.pos;
    const neg = this.code() === CH.MINUS;
    let i = neg ? start + 1 : start;
    let value: number;
    if (this.code(i) === CH.ZERO && (this.code(i + 1) | 32) === 120 && isHex(this.code(i + 2))) {
      const from = i + 2;
      for (i = from; isHex(this.code(i)); i++);
      value = Number.parseInt(this.src.slice(from, i), 16);
    } else {
      const from = i;
      let octal = this.code(i) === CH.ZERO;
      for (; isDigit(this.code(i)); i++) if (this.code(i) > CH.SEVEN) octal = false;
      const digits = this.src.slice(from, i);
      value = octal && digits.length > 1 ? Number.parseInt(digits, 8) : Number(digits);
    }
    this.pos = i;
    return { value: neg ? -value : value, text: this.src.slice(start, i) };
  }

  /**
   * The index just past the `>` matching the `<` at `at`, or -1. They nest
   * (`1</dev/null<char 1:3>>`, strace -yy), and inside `[…]` an arrow is
   * not a close: `3<TCP:[127.0.0.1:80->127.0.0.1:5000]>`.
   */
  angleEnd(at: number): number {
    let depth = 0;
    let square = 0;
    for (let i = at; i < this.end; i++) {
      const c = this.src.charCodeAt(i);
      if (c === CH.LBRACKET) square++;
      else if (c === CH.RBRACKET && square > 0) square--;
      else if (square > 0) continue;
      else if (c === CH.LT) depth++;
      else if (c === CH.GT && --depth === 0) return i + 1;
    }
    return -1;
  }

  /** The index after the string whose quote is at `at`, or -1 (error recorded). */
  skipString(at: number): number {
    for (let i = at + 1; i < this.end; i++) {
      const c = this.src.charCodeAt(i);
      if (c === CH.BACKSLASH) i++;
      else if (c === CH.QUOTE) return i + 1;
    }
    this.fail({ type: 'unterminated-string', column: at + 1 }, at);
    return -1;
  }

  /**
   * Scans text the parser keeps as raw (`~[RTMIN RT_1]`, `1<<20`,
   * `WIFEXITED(s) && WEXITSTATUS(s) == 0`) up to the next top-level `,` or
   * closing bracket, matching nested brackets and skipping strings.
   * Returns that index, or -1 with the error recorded.
   */
  scanRaw(): number {
    const open: number[] = [];
    let i = this.pos;
    while (i < this.end) {
      const c = this.src.charCodeAt(i);
      if (c === CH.QUOTE) i = this.skipString(i);
      else if (c === CH.SLASH && this.code(i + 1) === CH.STAR) i = this.skipComment(i);
      else if (isOpener(c)) {
        if (open.length >= MAX_DEPTH) return this.tooDeep(i);
        open.push(i++);
      } else if (c === CH.COMMA) {
        if (open.length === 0) return i;
        i++;
      } else if (isCloser(c)) {
        const top = open.pop();
        if (top === undefined) return i;
        if (closerOf(this.src.charCodeAt(top)) !== c) return this.mismatch(top, i);
        i++;
      } else i++;
      if (i < 0) return -1;
    }
    if (open.length > 0) return this.unclosed(open[open.length - 1] ?? 0);
    return i;
  }

  private skipComment(at: number): number {
    const close = this.src.indexOf('*/', at + 2);
    if (close >= 0) return close + 2;
    this.fail({ type: 'unterminated-comment', column: at + 1 }, at);
    return -1;
  }

  tooDeep(at: number): -1 {
    this.fail({ type: 'too-deep', max: MAX_DEPTH, column: at + 1 }, at);
    return -1;
  }

  mismatch(open: number, at: number): -1 {
    const want = String.fromCharCode(closerOf(this.src.charCodeAt(open)));
    this.fail({ type: 'mismatch', want, open: this.src[open] ?? '', openColumn: open + 1, found: this.code(at), column: at + 1 }, at);
    return -1;
  }

  unclosed(open: number): -1 {
    const want = String.fromCharCode(closerOf(this.src.charCodeAt(open)));
    this.fail({ type: 'unclosed', want, open: this.src[open] ?? '', openColumn: open + 1 }, this.end);
    return -1;
  }
}
