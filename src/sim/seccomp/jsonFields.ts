import { childPath, type JsonObject, type JsonValue } from './jsonText.ts';
import type { EnumWhat, FieldReason, JsonKind, RangeWhat } from './fieldReason.ts';

/**
 * Typed readers over parsed JSON for the profile validator. Each returns the
 * value or a Problem naming the path that is wrong, so the validator can stop
 * at the first one without exceptions. `null` counts as absent, as it does for
 * Go's encoding/json, which Docker decodes profiles with.
 */
export class Problem {
  constructor(
    readonly path: string,
    readonly detail: string,
    /** The same as data, for the page's language; absent: `detail` is shown as it is. */
    readonly reason?: FieldReason,
  ) {}
}

export type Checked<T> = T | Problem;

export function jsonKind(value: JsonValue): JsonKind {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'bigint' || typeof value === 'number') return 'number';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

const KIND_TEXT: Record<JsonKind, string> = { null: 'null', true: 'true', false: 'false', string: 'a string', number: 'a number', array: 'an array', object: 'an object' };

export const describeJson = (value: JsonValue): string => KIND_TEXT[jsonKind(value)];

const expected = (path: string, want: 'object' | 'string' | 'array', value: JsonValue) =>
  new Problem(path, `expected ${want === 'array' ? 'an' : 'a'}${want === 'object' ? 'n' : ''} ${want}, found ${describeJson(value)}`, { type: 'expected', want, found: jsonKind(value) });

function isObject(value: JsonValue): value is JsonObject {
  return value instanceof Map;
}

export function asObject(value: JsonValue, path: string): Checked<JsonObject> {
  return isObject(value) ? value : expected(path, 'object', value);
}

/** A member's value, or undefined when it is missing or null. */
export function member(obj: JsonObject, key: string): JsonValue | undefined {
  const value = obj.get(key);
  return value === null ? undefined : value;
}

export function asString(value: JsonValue, path: string): Checked<string> {
  return typeof value === 'string' ? value : expected(path, 'string', value);
}

/** An integer in [0, max]; floats such as 1.0 are refused, as Go refuses them for uint fields. */
export function asUint(value: JsonValue, path: string, max: bigint, what: RangeWhat = 'an integer'): Checked<bigint> {
  if (typeof value !== 'bigint' || value < 0n || value > max) {
    const numeric = typeof value === 'number' || typeof value === 'bigint';
    const shown = numeric ? String(value) : describeJson(value);
    return new Problem(path, `must be ${what} from 0 to ${max}, found ${shown}`, { type: 'range', what, max: String(max), found: numeric ? { number: String(value) } : { kind: jsonKind(value) } });
  }
  return value;
}

export function asArray(value: JsonValue, path: string): Checked<readonly JsonValue[]> {
  return Array.isArray(value) ? value : expected(path, 'array', value);
}

export function asStringArray(value: JsonValue, path: string): Checked<string[]> {
  const items = asArray(value, path);
  if (items instanceof Problem) return items;
  const out: string[] = [];
  for (const [k, item] of items.entries()) {
    const s = asString(item, childPath(path, k));
    if (s instanceof Problem) return s;
    out.push(s);
  }
  return out;
}

export function asEnum<T extends string>(value: JsonValue, path: string, allowed: readonly T[], what: EnumWhat): Checked<T> {
  const s = asString(value, path);
  if (s instanceof Problem) return s;
  if ((allowed as readonly string[]).includes(s)) return s as T;
  return new Problem(path, `unknown ${what} '${s}' (expected one of ${allowed.join(', ')})`, { type: 'unknown-value', what, value: s, allowed });
}

export function asEnumArray<T extends string>(value: JsonValue, path: string, allowed: readonly T[], what: EnumWhat): Checked<T[]> {
  const items = asArray(value, path);
  if (items instanceof Problem) return items;
  const out: T[] = [];
  for (const [k, item] of items.entries()) {
    const v = asEnum(item, childPath(path, k), allowed, what);
    if (v instanceof Problem) return v;
    out.push(v);
  }
  return out;
}

/** Reads an optional member with `read`; absent or null gives undefined. */
export function optional<T>(obj: JsonObject, path: string, key: string, read: (v: JsonValue, p: string) => Checked<T>): Checked<T | undefined> {
  const value = member(obj, key);
  return value === undefined ? undefined : read(value, childPath(path, key));
}

/** Reads a required member with `read`; absent or null is a Problem at the object's path. */
export function required<T>(obj: JsonObject, path: string, key: string, read: (v: JsonValue, p: string) => Checked<T>, hint = ''): Checked<T> {
  const value = member(obj, key);
  if (value === undefined) return new Problem(path, `missing '${key}'${hint}`, { type: 'missing', key, explained: hint !== '' });
  return read(value, childPath(path, key));
}
