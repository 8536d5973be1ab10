import { childPath, type JsonObject, type JsonValue } from './jsonText.ts';

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
  ) {}
}

export type Checked<T> = T | Problem;

export function describeJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'bigint' || typeof value === 'number') return 'a number';
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

function isObject(value: JsonValue): value is JsonObject {
  return value instanceof Map;
}

export function asObject(value: JsonValue, path: string): Checked<JsonObject> {
  return isObject(value) ? value : new Problem(path, `expected an object, found ${describeJson(value)}`);
}

/** A member's value, or undefined when it is missing or null. */
export function member(obj: JsonObject, key: string): JsonValue | undefined {
  const value = obj.get(key);
  return value === null ? undefined : value;
}

export function asString(value: JsonValue, path: string): Checked<string> {
  return typeof value === 'string' ? value : new Problem(path, `expected a string, found ${describeJson(value)}`);
}

/** An integer in [0, max]; floats such as 1.0 are refused, as Go refuses them for uint fields. */
export function asUint(value: JsonValue, path: string, max: bigint, what = 'an integer'): Checked<bigint> {
  if (typeof value !== 'bigint' || value < 0n || value > max) {
    const shown = typeof value === 'number' || typeof value === 'bigint' ? String(value) : describeJson(value);
    return new Problem(path, `must be ${what} from 0 to ${max}, found ${shown}`);
  }
  return value;
}

export function asArray(value: JsonValue, path: string): Checked<readonly JsonValue[]> {
  return Array.isArray(value) ? value : new Problem(path, `expected an array, found ${describeJson(value)}`);
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

export function asEnum<T extends string>(value: JsonValue, path: string, allowed: readonly T[], what: string): Checked<T> {
  const s = asString(value, path);
  if (s instanceof Problem) return s;
  if ((allowed as readonly string[]).includes(s)) return s as T;
  return new Problem(path, `unknown ${what} '${s}' (expected one of ${allowed.join(', ')})`);
}

export function asEnumArray<T extends string>(value: JsonValue, path: string, allowed: readonly T[], what: string): Checked<T[]> {
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
  if (value === undefined) return new Problem(path, `missing '${key}'${hint}`);
  return read(value, childPath(path, key));
}
