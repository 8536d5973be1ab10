import { describe, expect, it } from 'vitest';
import { specToJson } from '../../../src/sim/oci/specJson.ts';
import { parseSpec, type SpecParseResult } from '../../../src/sim/oci/specParse.ts';
import { prng } from '../../helpers/prng.ts';
import { specOf } from './fixtures.ts';

/**
 * parseSpec never throws: a few hundred seeded mutations of a valid
 * config.json (values replaced by garbage of every JSON type, members
 * deleted or added, text cut, characters inserted), each either read or
 * refused with a message and a path. What it reads writes back and reads
 * again the same.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BASE = JSON.parse(specToJson(specOf({ privileged: false, volumes: [{ host: '/srv', container: '/data', readOnly: true }] }))) as Json;

function garbage(rand: () => number, depth = 0): Json {
  const pick = Math.floor(rand() * 12);
  const choices: (() => Json)[] = [
    () => null, () => rand() < 0.5, () => -1, () => 1.5, () => 2 ** 70, () => Number.MAX_SAFE_INTEGER,
    () => '', () => 'x'.repeat(Math.floor(rand() * 50)), () => '/abs/path', () => '__proto__',
    () => (depth > 3 ? [] : [garbage(rand, depth + 1), garbage(rand, depth + 1)]),
    (): Json => (depth > 3 ? {} : { type: garbage(rand, depth + 1), __proto__x: 1, names: [] }),
  ];
  return (choices[pick] ?? choices[0]!)();
}

/** Every [container, key] in the tree, so a mutation can land anywhere. */
function slots(value: Json, out: [Json[] | { [k: string]: Json }, string | number][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([value, i]); slots(v, out); });
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) { out.push([value, k]); slots(value[k] ?? null, out); }
  return out;
}

function mutate(rand: () => number): string {
  const tree = structuredClone(BASE);
  const all = slots(tree);
  for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
    const [holder, key] = all[Math.floor(rand() * all.length)] ?? [[], 0];
    const r = rand();
    if (r < 0.6) (holder as Record<string | number, Json>)[key] = garbage(rand);
    else if (r < 0.8 && !Array.isArray(holder)) delete (holder as Record<string, Json>)[key as string];
    else if (!Array.isArray(holder)) (holder as Record<string, Json>)[`extra${n}`] = garbage(rand);
  }
  let text = JSON.stringify(tree, null, '\t');
  const t = rand();
  if (t < 0.15) text = text.slice(0, Math.floor(rand() * text.length));
  else if (t < 0.3) {
    const at = Math.floor(rand() * text.length);
    text = text.slice(0, at) + '{}[],:"\\\u0000e-9'.charAt(Math.floor(rand() * 14)) + text.slice(at);
  }
  return text;
}

function wellFormed(r: SpecParseResult): boolean {
  if (r.ok) return Array.isArray(r.warnings) && typeof r.value.ociVersion === 'string';
  return typeof r.message === 'string' && r.message.length > 0 && typeof r.path === 'string';
}

describe('parseSpec on mutated config.json', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: 50 mutations, no throw, every answer well formed', (seed) => {
    const rand = prng(seed);
    const results = Array.from({ length: 50 }, () => parseSpec(mutate(rand)));
    expect(results.filter((r) => !wellFormed(r))).toEqual([]);
  });

  it('reads some mutations and refuses others (the fuzzing reaches past the first check)', () => {
    const rand = prng(99);
    const results = Array.from({ length: 200 }, () => parseSpec(mutate(rand)));
    const paths = new Set(results.flatMap((r) => (r.ok ? [] : [r.path.split(/[.[]/)[0]])));
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(20);
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(20);
    expect(paths).toContain('linux');
    expect(paths).toContain('process');
  });

  it.each([11, 12, 13, 14])('seed %i: what it reads, it writes back and reads again to the same text', (seed) => {
    const rand = prng(seed);
    const unstable: string[] = [];
    for (let i = 0; i < 50; i++) {
      const r = parseSpec(mutate(rand));
      if (!r.ok) continue;
      const text = specToJson(r.value);
      const again = parseSpec(text);
      if (!again.ok || specToJson(again.value) !== text) unstable.push(again.ok ? text : again.message);
    }
    expect(unstable).toEqual([]);
  });

  it.each([
    ['empty text', ''],
    ['whitespace', ' \n\t '],
    ['a lone string', '"config"'],
    ['deep arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['deep objects', '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)],
    ['a huge number', `{"ociVersion":"1.0.0","root":{"path":"r"},"process":{"user":{"uid":${'9'.repeat(5_000)},"gid":0},"args":["sh"],"cwd":"/"}}`],
    ['NUL bytes', '\u0000\u0000'],
    ['__proto__ keys', '{"ociVersion":"1.0.0","__proto__":{"polluted":1},"root":{"path":"r"},"process":{"user":{"uid":0,"gid":0},"args":["sh"],"cwd":"/"},"linux":{"sysctl":{"__proto__":"x"}}}'],
    ['a non-string', 42 as unknown as string],
  ])('%s', (_what, text) => {
    const r = parseSpec(text);
    expect(wellFormed(r)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
