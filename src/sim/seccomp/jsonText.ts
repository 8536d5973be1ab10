/**
 * A strict JSON (RFC 8259) reader for profiles pasted by users. JSON.parse
 * would do, but it rounds integers above 2^53 (argument values are unsigned
 * 64-bit) and its error messages name neither a line nor a column in every
 * engine. This one keeps integers exact as bigint, records where each value
 * starts (by path, e.g. `syscalls[3].action`) so the profile validator can
 * point at a line, and never throws.
 * @see https://www.rfc-editor.org/rfc/rfc8259
 */

export type JsonValue = null | boolean | string | bigint | number | readonly JsonValue[] | JsonObject;
/** Members in text order; a repeated name keeps its last value, as Go's encoding/json does. */
export type JsonObject = ReadonlyMap<string, JsonValue>;

export type JsonParseResult =
  | { ok: true; value: JsonValue; positions: ReadonlyMap<string, number> }
  | { ok: false; message: string; problem: JsonProblem; offset: number; line: number; column: number };

/** What the reader found where it failed: the end, a control character (U+XXXX), or a character. */
export type JsonFound = { type: 'end' } | { type: 'control'; code: number } | { type: 'char'; char: string };

/**
 * Why the text is not JSON, as data: the page words it in its language
 * (src/store/artefactsProblems.ts); `message` is the English (jsonProblemText).
 */
export type JsonProblem =
  | { type: 'after-end'; found: JsonFound }
  | { type: 'invalid' }
  | { type: 'too-deep'; max: number }
  | { type: 'expected-value'; found: JsonFound }
  | { type: 'expected-name'; found: JsonFound }
  | { type: 'expected-colon'; key: string; found: JsonFound }
  | { type: 'expected-comma-brace'; found: JsonFound }
  | { type: 'expected-comma-bracket'; found: JsonFound }
  | { type: 'unterminated-string' }
  | { type: 'unescaped-control'; found: JsonFound }
  | { type: 'bad-unicode-escape' }
  | { type: 'bad-escape'; escape: string }
  | { type: 'bad-number-start'; found: JsonFound }
  | { type: 'bad-number'; text: string };

/** A found character in English: `'x'`, `character U+0009`, `end of text`. */
export function foundText(f: JsonFound): string {
  if (f.type === 'end') return 'end of text';
  if (f.type === 'control') return `character U+${f.code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${f.char}'`;
}

/** The problem in English. */
export function jsonProblemText(p: JsonProblem): string {
  switch (p.type) {
    case 'after-end': return `unexpected ${foundText(p.found)} after the end of the JSON value`;
    case 'invalid': return 'invalid JSON';
    case 'too-deep': return `nesting deeper than ${p.max} levels`;
    case 'expected-value': return `expected a value, found ${foundText(p.found)}`;
    case 'expected-name': return `expected '"' to start a member name, found ${foundText(p.found)}`;
    case 'expected-colon': return `expected ':' after the member name "${p.key}", found ${foundText(p.found)}`;
    case 'expected-comma-brace': return `expected ',' or '}' after an object member, found ${foundText(p.found)}`;
    case 'expected-comma-bracket': return `expected ',' or ']' after an array element, found ${foundText(p.found)}`;
    case 'unterminated-string': return 'unterminated string (no closing \'"\')';
    case 'unescaped-control': return `${foundText(p.found)} inside a string must be escaped`;
    case 'bad-unicode-escape': return 'expected four hex digits after \\u';
    case 'bad-escape': return `invalid escape '\\${p.escape}' in a string`;
    case 'bad-number-start': return `invalid number starting at ${foundText(p.found)}`;
    case 'bad-number': return `invalid number '${p.text}…'`;
  }
}

/** Deeper nesting than any profile needs; the limit keeps recursion off the stack's edge. */
const MAX_DEPTH = 256;
const FAIL = Symbol('fail');
type Parsed = JsonValue | typeof FAIL;

interface State {
  text: string;
  i: number;
  positions: Map<string, number>;
  error: { problem: JsonProblem; offset: number } | null;
}

export function parseJsonText(text: string): JsonParseResult {
  const s: State = { text, i: 0, positions: new Map(), error: null };
  const value = parseValue(s, '', 0);
  if (value !== FAIL) {
    skipSpace(s);
    if (s.i < text.length) fail(s, { type: 'after-end', found: found(s) });
  }
  if (s.error || value === FAIL) {
    const err = s.error ?? { problem: { type: 'invalid' } as const, offset: s.i };
    return { ok: false, message: jsonProblemText(err.problem), problem: err.problem, offset: err.offset, ...lineColumn(text, err.offset) };
  }
  return { ok: true, value, positions: s.positions };
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The path of a member or element, as the validator's messages print it. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function fail(s: State, problem: JsonProblem, offset = s.i): typeof FAIL {
  s.error ??= { problem, offset };
  return FAIL;
}

function found(s: State): JsonFound {
  const c = s.text[s.i];
  if (c === undefined) return { type: 'end' };
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f || code === 0xfeff) return { type: 'control', code };
  return { type: 'char', char: c };
}

function skipSpace(s: State): void {
  for (;;) {
    const c = s.text[s.i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return;
    s.i++;
  }
}

function parseValue(s: State, path: string, depth: number): Parsed {
  skipSpace(s);
  if (depth > MAX_DEPTH) return fail(s, { type: 'too-deep', max: MAX_DEPTH });
  s.positions.set(path, s.i);
  const c = s.text[s.i];
  if (c === '{') return parseObject(s, path, depth);
  if (c === '[') return parseArray(s, path, depth);
  if (c === '"') return parseString(s);
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber(s);
  if (c === 't' || c === 'f' || c === 'n') return parseLiteral(s);
  return fail(s, { type: 'expected-value', found: found(s) });
}

function parseObject(s: State, path: string, depth: number): Parsed {
  s.i++;
  const members = new Map<string, JsonValue>();
  skipSpace(s);
  if (s.text[s.i] === '}') {
    s.i++;
    return members;
  }
  for (;;) {
    skipSpace(s);
    if (s.text[s.i] !== '"') return fail(s, { type: 'expected-name', found: found(s) });
    const key = parseString(s);
    if (key === FAIL) return FAIL;
    skipSpace(s);
    if (s.text[s.i] !== ':') return fail(s, { type: 'expected-colon', key, found: found(s) });
    s.i++;
    const value = parseValue(s, childPath(path, key), depth + 1);
    if (value === FAIL) return FAIL;
    members.set(key, value);
    skipSpace(s);
    if (s.text[s.i] === '}') {
      s.i++;
      return members;
    }
    if (s.text[s.i] !== ',') return fail(s, { type: 'expected-comma-brace', found: found(s) });
    s.i++;
  }
}

function parseArray(s: State, path: string, depth: number): Parsed {
  s.i++;
  const items: JsonValue[] = [];
  skipSpace(s);
  if (s.text[s.i] === ']') {
    s.i++;
    return items;
  }
  for (;;) {
    const value = parseValue(s, childPath(path, items.length), depth + 1);
    if (value === FAIL) return FAIL;
    items.push(value);
    skipSpace(s);
    if (s.text[s.i] === ']') {
      s.i++;
      return items;
    }
    if (s.text[s.i] !== ',') return fail(s, { type: 'expected-comma-bracket', found: found(s) });
    s.i++;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function parseString(s: State): string | typeof FAIL {
  const start = s.i++;
  let out = '';
  let run = s.i;
  for (;;) {
    const c = s.text[s.i];
    if (c === undefined) return fail(s, { type: 'unterminated-string' }, start);
    if (c === '"') {
      out += s.text.slice(run, s.i++);
      return out;
    }
    if (c < ' ') return fail(s, { type: 'unescaped-control', found: found(s) });
    if (c !== '\\') {
      s.i++;
      continue;
    }
    out += s.text.slice(run, s.i);
    const escaped = parseEscape(s);
    if (escaped === FAIL) return FAIL;
    out += escaped;
    run = s.i;
  }
}

function parseEscape(s: State): string | typeof FAIL {
  const e = s.text[s.i + 1];
  if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
    s.i += 2;
    return ESCAPES[e] ?? '';
  }
  if (e === 'u') {
    const hex = s.text.slice(s.i + 2, s.i + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail(s, { type: 'bad-unicode-escape' });
    s.i += 6;
    return String.fromCharCode(parseInt(hex, 16));
  }
  return fail(s, { type: 'bad-escape', escape: e ?? '' });
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/** Integers stay exact (bigint); numbers with a fraction or exponent are doubles. */
function parseNumber(s: State): Parsed {
  NUMBER.lastIndex = s.i;
  const m = NUMBER.exec(s.text);
  if (!m) return fail(s, { type: 'bad-number-start', found: found(s) });
  const next = s.text[s.i + m[0].length];
  if (next !== undefined && /[0-9.eE+-]/.test(next)) return fail(s, { type: 'bad-number', text: `${m[0]}${next}` });
  s.i += m[0].length;
  return m[1] === undefined && m[2] === undefined ? BigInt(m[0]) : Number(m[0]);
}

function parseLiteral(s: State): Parsed {
  for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
    if (s.text.startsWith(word, s.i)) {
      s.i += word.length;
      return value;
    }
  }
  return fail(s, { type: 'expected-value', found: found(s) });
}
