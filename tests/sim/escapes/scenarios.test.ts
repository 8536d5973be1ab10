import { describe, expect, it } from 'vitest';
import { ESCAPES, ESCAPE_RUNTIMES, findEscape } from '../../../src/sim/escapes/index.ts';
import { RUNTIME_IDS } from '../../../src/sim/runtime/registry.ts';
import { syscallByName } from '../../../src/sim/syscalls/catalogue.ts';

const HAN = /[\u4e00-\u9fff]/;

describe('the escape scenarios as data', () => {
  it('covers at least eight distinct attack classes', () => {
    expect(new Set(ESCAPES.map((s) => s.class)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(ESCAPES.map((s) => s.id)).size).toBe(ESCAPES.length);
  });

  it.each(ESCAPES.map((s) => [s.id, s] as const))('%s cites a CVE or a write-up, with its URL', (_id, s) => {
    expect(s.citation.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    expect(s.citation.source.length).toBeGreaterThan(5);
    if (s.citation.cve !== null) expect(s.citation.cve).toMatch(/^CVE-\d{4}-\d{4,}$/);
  });

  it.each(ESCAPES.map((s) => [s.id, s] as const))('%s has English and Chinese texts and a simplification note', (_id, s) => {
    for (const text of [s.title, s.summary, s.reaches, s.simplifies]) {
      expect(text.en.trim().length).toBeGreaterThan(3);
      expect(text.zh).toMatch(HAN);
    }
    expect(s.simplifies.en.length).toBeGreaterThan(60);
    for (const why of Object.values(s.unstageable ?? {})) expect(why.zh).toMatch(HAN);
    for (const caveat of Object.values(s.caveats ?? {})) expect([caveat.en.length > 40, HAN.test(caveat.zh)]).toEqual([true, true]);
  });

  it.each(ESCAPES.map((s) => [s.id, s] as const))('%s has a goal the catalogue knows, made by one of its attack lines', (_id, s) => {
    expect(syscallByName(s.goal)).toBeDefined();
    expect(s.attack.some((l) => l.startsWith(`${s.goal}(`) || l.startsWith(`${s.goal} `))).toBe(true);
  });

  it('names the CVEs the issue asks for', () => {
    const cves = ESCAPES.map((s) => s.citation.cve);
    for (const cve of ['CVE-2022-0492', 'CVE-2019-5736', 'CVE-2022-0847', 'CVE-2022-0185']) expect(cves).toContain(cve);
  });

  it('has a column for every runtime of the lab, the host first', () => {
    expect([...ESCAPE_RUNTIMES].sort()).toEqual([...RUNTIME_IDS].sort());
    expect(ESCAPE_RUNTIMES[0]).toBe('host');
  });

  it.each([['dirty-pipe', true], ['nope', false]] as const)('findEscape(%s) finds it: %s', (id, found) => {
    expect(findEscape(id) !== undefined).toBe(found);
  });
});
