import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/**
 * The shared reference facts live beside the repository, at ../shared/reference.
 * Tests read them; the project never copies them.
 */
export const REFERENCE_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/reference');

export function readReference(name: string): string {
  return readFileSync(resolve(REFERENCE_DIR, name), 'utf8');
}

/** The items of a reference .txt file: one per line, `#` lines are comments. */
export function referenceList(name: string): string[] {
  return readReference(name).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** Rows of a reference CSV as objects keyed by its header (handles quoted fields). */
export function referenceCsv(name: string): Record<string, string>[] {
  const [head, ...rows] = readReference(name).split('\n').filter((l) => l.trim());
  const keys = splitCsv(head ?? '');
  return rows.map((r) => Object.fromEntries(splitCsv(r).map((v, i) => [keys[i] ?? `col${i}`, v])));
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

export interface Measurement { id: string; runtime: string; metric: string; value: number; unit: string; source: string }

export function measurements(): Measurement[] {
  return JSON.parse(readReference('published_measurements.json')) as Measurement[];
}
