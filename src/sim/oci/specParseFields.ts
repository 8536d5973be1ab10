import { asArray, asObject, asString, describeJson, jsonKind, member, Problem, type Checked } from '../seccomp/jsonFields.ts';
import { childPath, type JsonObject, type JsonValue } from '../seccomp/jsonText.ts';
import type { Localized } from '../text/language.ts';
import { SpecProblem } from './specProblem.ts';

/**
 * Typed readers for config.json, over the seccomp loader's JSON helpers.
 * Each returns the value or a Problem naming the JSON path that is wrong;
 * what the reader skips (fields the lab does not model, fields the spec does
 * not have) goes to the warnings. Like Go's encoding/json, which runc decodes
 * config.json with, `null` counts as absent.
 */

export { asArray, asObject, asString, describeJson, member, Problem, SpecProblem, type Checked };

/** The same text in both languages (a Go type name, say). */
export const same = (text: string): Localized => ({ en: text, zh: text });

export interface ReadCtx {
  warnings: string[];
}

export type Reader<T> = (value: JsonValue, path: string, ctx: ReadCtx) => Checked<T>;

/**
 * Warns about each member that is not one the lab reads: `unmodelled` ones
 * are real spec fields the lab leaves out, anything else is not in the spec
 * (runc's decoder ignores unknown fields, so a typo is silently lost there).
 */
export function checkFields(obj: JsonObject, path: string, ctx: ReadCtx, modelled: readonly string[], unmodelled: readonly string[] = []): void {
  for (const [key, value] of obj) {
    if (modelled.includes(key) || value === null) continue;
    const at = childPath(path, key);
    ctx.warnings.push(unmodelled.includes(key)
      ? `${at}: not modelled by the lab; left out`
      : `${at}: not a field of the runtime spec; left out (runc ignores unknown fields too, so check the spelling)`);
  }
}

/** A required member: missing (or null) is a Problem at the member's own path. */
export function need<T>(obj: JsonObject, path: string, key: string, ctx: ReadCtx, read: Reader<T>, what: Localized): Checked<T> {
  const value = member(obj, key);
  const at = childPath(path, key);
  return value === undefined ? new SpecProblem(at, { type: 'missing', what }) : read(value, at, ctx);
}

export function opt<T>(obj: JsonObject, path: string, key: string, ctx: ReadCtx, read: Reader<T>): Checked<T | undefined> {
  const value = member(obj, key);
  return value === undefined ? undefined : read(value, childPath(path, key), ctx);
}

/**
 * Several optional members read at once, in the order given: the first
 * Problem, else an object holding the members that are present (a reader's
 * undefined counts as absent).
 */
export function optFields<T extends object>(obj: JsonObject, path: string, ctx: ReadCtx, readers: { [K in keyof T]-?: Reader<NonNullable<T[K]> | undefined> }): Checked<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(readers) as (keyof T & string)[]) {
    const value = opt(obj, path, key, ctx, readers[key]);
    if (value instanceof Problem) return value;
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

export const asBool: Reader<boolean> = (v, p) => (typeof v === 'boolean' ? v : new SpecProblem(p, { type: 'expected-bool', found: jsonKind(v) }));

export const asText: Reader<string> = (v, p) => asString(v, p);

export const asTexts: Reader<string[]> = (v, p) => {
  const items = asArray(v, p);
  if (items instanceof Problem) return items;
  const out: string[] = [];
  for (const [i, item] of items.entries()) {
    if (typeof item !== 'string') return new SpecProblem(childPath(p, i), { type: 'expected-string', found: jsonKind(item) });
    out.push(item);
  }
  return out;
};

/** A list whose items are read one by one; the first bad item is the Problem. */
export function listOf<T>(read: Reader<T>): Reader<T[]> {
  return (v, p, ctx) => {
    const items = asArray(v, p);
    if (items instanceof Problem) return items;
    const out: T[] = [];
    for (const [i, item] of items.entries()) {
      const r = read(item, childPath(p, i), ctx);
      if (r instanceof Problem) return r;
      out.push(r);
    }
    return out;
  };
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A whole number in [min, max] (a Go integer type), kept exactly or refused. */
export function wholeIn(min: bigint, max: bigint, goType: Localized): Reader<number> {
  return (v, p) => {
    if (typeof v === 'number') return new SpecProblem(p, { type: 'fraction', goType, found: String(v) });
    if (typeof v !== 'bigint') return new SpecProblem(p, { type: 'expected-whole', found: jsonKind(v) });
    if (v < min || v > max) return new SpecProblem(p, { type: 'out-of-range', min: String(min), max: String(max), goType, found: String(v) });
    if (v > SAFE || v < -SAFE) return new SpecProblem(p, { type: 'beyond-safe', value: String(v), safe: String(SAFE) });
    return Number(v);
  };
}

export const U16 = wholeIn(0n, 0xffffn, same('uint16'));
export const U32 = wholeIn(0n, 0xffffffffn, same('uint32'));
export const U64 = wholeIn(0n, (1n << 64n) - 1n, same('uint64'));
export const I64 = wholeIn(-(1n << 63n), (1n << 63n) - 1n, same('int64'));

/** An absolute path (starts with `/`). */
export function absolutePath(what: Localized): Reader<string> {
  return (v, p) => {
    const s = asString(v, p);
    if (s instanceof Problem) return s;
    return s.startsWith('/') ? s : new SpecProblem(p, { type: 'not-absolute', value: s, what });
  };
}

const KNOWN: Localized = { en: 'the known ones are', zh: '已知的有' };

/** One of a fixed set of strings, named in the message when it is not. */
export function oneOf<T extends string>(allowed: readonly T[], what: Localized, listed: Localized = KNOWN): Reader<T> {
  return (v, p) => {
    const s = asString(v, p);
    if (s instanceof Problem) return s;
    return (allowed as readonly string[]).includes(s) ? (s as T) : new SpecProblem(p, { type: 'not-one-of', value: s, what, listed, allowed });
  };
}

/** An object whose members are all strings (Go's map[string]string). */
export const asStringMap: Reader<Record<string, string>> = (v, p) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  const out: Record<string, string> = {};
  for (const [k, x] of obj) {
    if (typeof x !== 'string') return new SpecProblem(childPath(p, k), { type: 'expected-string', found: jsonKind(x) });
    // defineProperty, so a key such as "__proto__" is a plain member.
    Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
  }
  return out;
};
