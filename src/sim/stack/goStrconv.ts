/**
 * The Go standard library's number reading and quoting, as far as the
 * container CLIs (all written in Go) show them in their error messages:
 * `strconv.ParseInt: parsing "x": invalid syntax`, `%q` quoting.
 * @see golang/go src/strconv/atoi.go (ParseUint, ParseInt, underscoreOK), atob.go (ParseBool), quote.go
 */

/** A Go `strconv.NumError` as text, or the number read. */
export type GoNumber = { ok: true; value: bigint } | { ok: false; cause: string };

const numError = (fn: string, num: string, why: 'invalid syntax' | 'value out of range'): GoNumber =>
  ({ ok: false, cause: `strconv.${fn}: parsing ${goQuote(num)}: ${why}` });

/** strconv.ParseBool: the twelve spellings Go accepts, else null. */
export function parseGoBool(s: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return null;
}

/** The error a pflag bool flag reports for a value ParseBool refuses. */
export const goBoolError = (s: string): string => `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`;

/** Base 0 (as pflag's int flags use it): 0x, 0o, 0b prefixes, a leading 0 for octal, `_` between digits. */
function splitBase(s: string): { base: number; digits: string } {
  if (s[0] !== '0') return { base: 10, digits: s };
  const p = (s[1] ?? '').toLowerCase();
  if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) return { base: p === 'b' ? 2 : p === 'o' ? 8 : 16, digits: s.slice(2) };
  return { base: 8, digits: s.slice(1) };
}

/** strconv.underscoreOK: underscores only between digits (a base prefix counts as a digit). */
function underscoreOK(text: string): boolean {
  let s = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  let saw = '^';
  const p = (s[1] ?? '').toLowerCase();
  const hex = s.length >= 2 && s[0] === '0' && p === 'x';
  if (s.length >= 2 && s[0] === '0' && (p === 'b' || p === 'o' || p === 'x')) { saw = '0'; s = s.slice(2); }
  for (const ch of s) {
    if ((ch >= '0' && ch <= '9') || (hex && /[a-f]/i.test(ch))) { saw = '0'; continue; }
    if (ch === '_') { if (saw !== '0') return false; saw = '_'; continue; }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, bits). */
export function parseGoUint(s: string, bits = 64, fn = 'ParseUint'): GoNumber {
  if (s === '') return numError(fn, s, 'invalid syntax');
  const { base, digits } = splitBase(s);
  const max = (1n << BigInt(bits)) - 1n;
  let n = 0n;
  let underscores = false;
  for (const ch of digits) {
    if (ch === '_') { underscores = true; continue; }
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return numError(fn, s, 'invalid syntax');
    n = n * BigInt(base) + BigInt(d);
    if (n > max) return numError(fn, s, 'value out of range');
  }
  if (underscores && !underscoreOK(s)) return numError(fn, s, 'invalid syntax');
  return { ok: true, value: n };
}

/** strconv.ParseInt(s, 0, bits): what pflag's int, int64 and Go's flag package read. */
export function parseGoInt(s: string, bits = 64): GoNumber {
  if (s === '') return numError('ParseInt', s, 'invalid syntax');
  const neg = s[0] === '-';
  const body = s[0] === '+' || neg ? s.slice(1) : s;
  const u = parseGoUint(body, 64, 'ParseInt');
  if (!u.ok) return u.cause.endsWith('invalid syntax') ? numError('ParseInt', s, 'invalid syntax') : numError('ParseInt', s, 'value out of range');
  const cutoff = 1n << BigInt(bits - 1);
  if ((!neg && u.value >= cutoff) || (neg && u.value > cutoff)) return numError('ParseInt', s, 'value out of range');
  return { ok: true, value: neg ? -u.value : u.value };
}

/**
 * strconv.ParseFloat(s, 64) for decimal input, `inf`/`infinity`/`nan`.
 * The lab does not read Go's hexadecimal float form (`0x1p-2`); it reports it
 * as invalid syntax.
 */
export function parseGoFloat(s: string): { ok: true; value: number } | { ok: false; cause: string } {
  const bad = { ok: false as const, cause: `strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax` };
  if (/^[+-]?(inf|infinity)$/i.test(s)) return { ok: true, value: s[0] === '-' ? -Infinity : Infinity };
  if (/^[+-]?nan$/i.test(s)) return { ok: true, value: NaN };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return bad;
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, cause: `strconv.ParseFloat: parsing ${goQuote(s)}: value out of range` };
  return { ok: true, value };
}

const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

function escapeChar(ch: string, quote: string): string {
  if (ch === quote || ch === '\\') return `\\${ch}`;
  const esc = ESCAPES[ch];
  if (esc) return esc;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp >= 0x80 && cp < 0xa0) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return ch;
}

/** Go's `%q` of a string (strconv.Quote) for the characters a terminal line can hold. */
export function goQuote(s: string): string {
  return `"${Array.from(s, (ch) => escapeChar(ch, '"')).join('')}"`;
}

/**
 * Go's `%q` of `rune(s[0])`, as pflag prints an unknown shorthand: pflag takes
 * the first *byte*, so a non-ASCII character shows as the Latin-1 character
 * of its first UTF-8 byte.
 */
export function goQuoteFirstByte(s: string): string {
  const cp = s.codePointAt(0) ?? 0;
  const lead = cp < 0x80 ? cp : cp < 0x800 ? 0xc0 | (cp >> 6) : cp < 0x10000 ? 0xe0 | (cp >> 12) : 0xf0 | (cp >> 18);
  return `'${escapeChar(String.fromCharCode(lead), "'")}'`;
}
