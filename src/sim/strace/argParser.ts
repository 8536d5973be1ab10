import type { ArgNode } from '../syscalls/args.ts';
import { withLabels } from '../syscalls/abiOrder.ts';
import { ArgCursor, CH, MAX_DEPTH, isCloser, isDigit, isIdentStart, isSpace, closerOf } from './argScanner.ts';
import { syntaxError, type StraceParse } from './syntaxError.ts';

/**
 * Parses strace's argument syntax into ArgNodes: numbers, strings, flag
 * ORs, structs, arrays, calls like `makedev(0x1, 0x3)`, `-y` fds and the
 * `name=value` labels of `clone`. What strace prints that has no node of its
 * own (`~[RTMIN RT_1]`, `1<<20`, `WIFEXITED(s) && …`) is kept as a `raw` node,
 * so only broken nesting, strings or comments are errors.
 * @see strace(1), "DESCRIPTION" — how arguments are printed
 */

export interface ParsedArgs {
  args: ArgNode[];
  /** strace's `name=value` labels (`child_stack=NULL` → `child_stack`), null where an argument has none. */
  labels: (string | null)[];
}

type ListKind = 'args' | 'call' | 'array' | 'struct';

/** The `close` of a list that runs to the end of the text. */
const END = -1;

/** @see fcntl.h — AT_FDCWD, which `strace -y` annotates with the cwd: `AT_FDCWD</tmp>`. */
const AT_FDCWD = -100;

/** The comment strace prints after a pointer whose contents it elides: `0x7ffc… /* 20 vars *\/`. */
const ELISION = /^\/\* \d+ (?:vars|entries) \*\/$/;

const ELLIPSIS = 0x2026;

const startsItem = (c: number): boolean =>
  isIdentStart(c) || isDigit(c) || c === CH.QUOTE || c === CH.LBRACKET || c === CH.LBRACE || c === CH.MINUS || c === CH.DOT || c === 126;

export class ArgParser extends ArgCursor {
  private depth = 0;

  /** Parses a comma-separated list up to `close` (a bracket, or END); `open` is the opener's index or -1. */
  list(open: number, close: number, kind: ListKind, out: ArgNode[], keys: (string | null)[]): boolean {
    if (!this.skipSpace()) return false;
    if (this.code() === close) return this.closeList(close);
    for (;;) {
      const first = this.code();
      if ((first < 0 && close !== END) || (isCloser(first) && first !== close)) return this.badDelimiter(open, close);
      if (!this.item(close, kind, out, keys)) return false;
      const before = this.pos;
      if (!this.skipSpace()) return false;
      const c = this.code();
      if (c === CH.COMMA) {
        this.pos++;
        if (!this.skipSpace()) return false;
        // An `<unfinished ...>` call's text stops after a comma: `wait4(-1, <unfinished ...>`.
        if (close === END && this.code() === END) return true;
        if (this.code() === CH.COMMA || this.code() === close) return this.fail({ type: 'empty-argument', column: this.pos + 1 }, this.pos) ?? false;
        continue;
      }
      if (c === close) return this.closeList(close);
      if (this.pos > before && (kind === 'array' || kind === 'struct') && startsItem(c)) continue;
      return this.badDelimiter(open, close);
    }
  }

  private closeList(close: number): true {
    if (close !== END) this.pos++;
    return true;
  }

  private badDelimiter(open: number, close: number): false {
    const c = this.code();
    if (c < 0) this.unclosed(open);
    else if (isCloser(c) && open >= 0) this.mismatch(open, this.pos);
    else if (isCloser(c)) this.fail({ type: 'stray-closer', found: c, column: this.pos + 1 }, this.pos);
    else this.fail({ type: 'expected-delimiter', want: close === END ? null : String.fromCharCode(close), found: c, column: this.pos + 1 }, this.pos);
    return false;
  }

  private item(close: number, kind: ListKind, out: ArgNode[], keys: (string | null)[]): boolean {
    const key = kind === 'args' || kind === 'struct' ? this.label() : null;
    if (this.error) return false;
    const node = this.valueOrRaw(close, kind, key);
    if (node === null) return false;
    out.push(node);
    keys.push(key);
    return true;
  }

  /** Consumes `name=` (not `name==`) and returns the name, or returns null and consumes nothing. */
  private label(): string | null {
    if (!isIdentStart(this.code())) return null;
    const e = this.identEnd(this.pos);
    if (this.code(e) !== CH.EQ || this.code(e + 1) === CH.EQ) return null;
    const key = this.src.slice(this.pos, e);
    this.pos = e + 1;
    return this.skipSpace() ? key : null;
  }

  /** A value if one ends cleanly here, else the stretch up to the next delimiter as a `raw` node. */
  private valueOrRaw(close: number, kind: ListKind, key: string | null): ArgNode | null {
    const start = this.pos;
    const node = this.value();
    if (node === null) return null;
    if (node !== undefined && this.endsItem(close, kind)) return node;
    this.pos = start;
    const end = this.scanRaw();
    if (end < 0) return null;
    let last = end;
    while (last > start && isSpace(this.code(last - 1))) last--;
    if (last === start) {
      return this.fail(key === null ? { type: 'empty-argument', column: start + 1 } : { type: 'missing-value', key, column: start + 1 }, start);
    }
    this.pos = end;
    return { type: 'raw', text: this.src.slice(start, last) };
  }

  private endsItem(close: number, kind: ListKind): boolean {
    const at = this.pos;
    if (!this.skipSpace()) return true;
    const c = this.code();
    const spaced = this.pos > at;
    this.pos = at;
    if (c === CH.COMMA || c === close || c < 0 || isCloser(c)) return true;
    return spaced && (kind === 'array' || kind === 'struct') && startsItem(c);
  }

  /** A primary or an OR of them (`A|B|0x10`); undefined when no value starts here. */
  private value(): ArgNode | null | undefined {
    const start = this.pos;
    const first = this.primary();
    if (!first || !this.pipeFollows()) return first;
    const parts: ArgNode[] = [first];
    do {
      const part = this.primary();
      if (!part) return part;
      parts.push(part);
    } while (this.pipeFollows());
    return { type: 'flags', parts, text: this.src.slice(start, this.pos) };
  }

  private pipeFollows(): boolean {
    const at = this.pos;
    if (this.skipSpace() && this.code() === CH.PIPE && this.code(this.pos + 1) !== CH.PIPE) {
      this.pos++;
      if (this.skipSpace()) return true;
    }
    this.pos = at;
    return false;
  }

  private primary(): ArgNode | null | undefined {
    const c = this.code();
    if (c === CH.QUOTE) {
      const s = this.readString();
      return s && { type: 'string', value: s.value, truncated: s.truncated, text: s.text };
    }
    if (isDigit(c) || (c === CH.MINUS && isDigit(this.code(this.pos + 1)))) return this.numberOrFd();
    if (isIdentStart(c)) return this.identOrCall();
    if (c === CH.LBRACE || c === CH.LBRACKET) return this.nested(c);
    if (c === CH.DOT && this.src.startsWith('...', this.pos)) {
      this.pos += 3;
      return { type: 'omitted', text: '...' };
    }
    return undefined;
  }

  /** 3, -1, 0x7f…, 0644; `3</etc/passwd>` (strace -y); `0x7ffc /* 20 vars *\/` (elided pointer). */
  private numberOrFd(): ArgNode {
    const start = this.pos;
    const n = this.readNumber();
    if (this.code() === CH.LT && this.code(this.pos + 1) !== CH.LT && n.value >= 0) {
      const fd = this.fdAnnotation(start, n.value);
      if (fd) return fd;
    }
    return this.elided(start) ?? { type: 'number', value: n.value, text: n.text };
  }

  private fdAnnotation(start: number, fd: number): ArgNode | null {
    const end = this.angleEnd(this.pos);
    if (end < 0) return null;
    const path = this.src.slice(this.pos + 1, end - 1);
    this.pos = end;
    return { type: 'fd', fd, path, text: this.src.slice(start, end) };
  }

  /**
   * A pointer strace elides: `0x7ffc /* 20 vars *\/`. A pointer written
   * with an ellipsis, as in prose (`0x7f…`), is kept as text the same way.
   */
  private elided(start: number): ArgNode | null {
    const ellipsis = this.code() === ELLIPSIS;
    let i = ellipsis ? this.pos + 1 : this.pos;
    while (this.code(i) === CH.SPACE) i++;
    const close = this.src.startsWith('/*', i) ? this.src.indexOf('*/', i + 2) : -1;
    if (close >= 0 && ELISION.test(this.src.slice(i, close + 2))) this.pos = close + 2;
    else if (ellipsis) this.pos++;
    else return null;
    return { type: 'omitted', text: this.src.slice(start, this.pos) };
  }

  private identOrCall(): ArgNode | null {
    const start = this.pos;
    this.pos = this.identEnd(start);
    const name = this.src.slice(start, this.pos);
    const c = this.code();
    if (c === CH.LPAREN) return this.nested(c, name, start);
    if (c === CH.LT && name === 'AT_FDCWD' && this.code(this.pos + 1) !== CH.LT) {
      const fd = this.fdAnnotation(start, AT_FDCWD);
      if (fd) return fd;
    }
    return { type: 'ident', name, text: name };
  }

  /** A struct `{…}`, an array `[…]`, or the argument list of a call `name(…)`. */
  private nested(c: number, name = '', start = this.pos): ArgNode | null {
    if (this.depth >= MAX_DEPTH) return this.fail({ type: 'too-deep', max: MAX_DEPTH, column: this.pos + 1 }, this.pos);
    this.depth++;
    const open = this.pos++;
    const kind: ListKind = c === CH.LBRACE ? 'struct' : c === CH.LBRACKET ? 'array' : 'call';
    const items: ArgNode[] = [];
    const keys: (string | null)[] = [];
    const ok = this.list(open, closerOf(c), kind, items, keys);
    this.depth--;
    if (!ok) return null;
    const text = this.src.slice(start, this.pos);
    if (kind === 'struct') return { type: 'struct', fields: items.map((value, i) => ({ key: keys[i] ?? null, value })), text };
    return kind === 'array' ? { type: 'array', items, text } : { type: 'call', name, args: items, text };
  }
}

/** Parses the text between a call's parentheses, as a log line holds it. Never throws. */
export function parseArgs(raw: string): StraceParse<ParsedArgs> {
  const parser = new ArgParser(raw);
  const args: ArgNode[] = [];
  const labels: (string | null)[] = [];
  if (!parser.list(-1, END, 'args', args, labels)) return parser.error ?? syntaxError({ type: 'unreadable-arguments' }, 1);
  return { ok: true, value: { args, labels } };
}

/**
 * The arguments for a classifier: parsed when they parse (with strace's
 * `name=` labels kept in their text, see syscalls/abiOrder.ts), else the whole
 * text as one `raw` node, so a rule sees what strace printed rather than nothing.
 */
export function argsOrRaw(raw: string): ArgNode[] {
  const parsed = parseArgs(raw);
  if (parsed.ok) return withLabels(parsed.value.args, parsed.value.labels);
  return [{ type: 'raw', text: raw.trim() }];
}
