/**
 * JSON text as Go's encoding/json writes it with MarshalIndent(v, "", "\t"),
 * which is how `runc spec` writes config.json: one member or element per
 * line, tab indentation, `": "` after a name, `{}` and `[]` for empty
 * values, map keys sorted, no newline at the end. Strings are escaped as Go
 * escapes them: `\b \f \n \r \t \" \\` by name, other control characters and
 * the HTML-sensitive `< > &` and U+2028/U+2029 as `\uXXXX`, and text that is
 * not valid UTF-16 (a lone surrogate, which Go would meet as invalid UTF-8)
 * as `\ufffd`.
 * @see https://pkg.go.dev/encoding/json#MarshalIndent, encoding/json encode.go appendString
 */

/** A JSON value in Go's field order: an object is a Map in the order its members are written. */
export type GoJson = null | boolean | number | string | readonly GoJson[] | GoObject;
export type GoObject = ReadonlyMap<string, GoJson>;

/** When a struct field is written. */
export type FieldMode =
  | 'always' // no omitempty: written even when zero
  | 'omitempty' // omitted when false, 0, "", or an empty array or map
  | 'pointer'; // a pointer field: omitted only when unset (a pointed-to 0 is written)

export type Field = readonly [name: string, value: GoJson | undefined, mode: FieldMode];

function isEmpty(v: GoJson | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return v instanceof Map && v.size === 0;
}

/** A Go struct: its fields in declaration order, omitted as their tags say. */
export function struct(fields: readonly Field[]): GoObject {
  const out = new Map<string, GoJson>();
  for (const [name, value, mode] of fields) {
    if (mode === 'pointer' ? value === undefined : mode === 'omitempty' && isEmpty(value)) continue;
    out.set(name, value ?? null);
  }
  return out;
}

/** A Go map[string]string: Go writes its keys sorted. */
export function goMap(record: Readonly<Record<string, string>> | undefined): GoObject | undefined {
  if (record === undefined) return undefined;
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(keys.map((k) => [k, record[k] ?? '']));
}

const NAMED: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\\ufffd';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const needsEscape = (c: number) => c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26
  || c === 0x2028 || c === 0x2029 || isHigh(c) || isLow(c);

export function goString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isHigh(code) && isLow(s.charCodeAt(i + 1))) {
      // A surrogate pair is one character, written as it is.
      out += s.slice(i, i + 2);
      i++;
    } else out += needsEscape(code) ? escapeChar(s.charAt(i)) : s.charAt(i);
  }
  return `${out}"`;
}

/** An integer as Go prints it; the lab's values are integers, so anything else is written as JavaScript would. */
function goNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

function write(v: GoJson, depth: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'string') return goString(v);
  const pad = '\t'.repeat(depth + 1);
  const end = '\t'.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => pad + write(x, depth + 1)).join(',\n')}\n${end}]`;
  }
  const obj = v as GoObject;
  if (obj.size === 0) return '{}';
  const members = [...obj].map(([k, x]) => `${pad}${goString(k)}: ${write(x, depth + 1)}`);
  return `{\n${members.join(',\n')}\n${end}}`;
}

export function marshalIndent(v: GoJson): string {
  return write(v, 0);
}
