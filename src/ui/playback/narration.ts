import type { Language } from '../../sim/text/language.ts';
import type { Entry } from '../../store/labStore.ts';
import { NARRATION } from './messages.ts';

/**
 * What the narration reads aloud for a playback position: the hop's place in
 * the call, its layer, the verdict and the hop's own sentence. Pure, so the
 * exact words are tested; Narration.tsx only puts them in a live region.
 * The sentence frame follows the page's language; the layer, verdict, note
 * and strace line are the model's words and stay as they are.
 */
export function narrationText(entry: Entry | undefined, call: number, hop: number, language: Language = 'en'): string {
  const say = (key: string, vars: Record<string, string | number> = {}) =>
    (NARRATION[key]?.[language] ?? '').replace(/\{(\w+)\}/g, (w, k: string) => (k in vars ? String(vars[k]) : w));
  if (!entry) return say('nothing');
  if (entry.run.type === 'refused') return say('refused', { input: entry.input, message: entry.run.message });
  const calls = entry.run.calls;
  if (calls.length === 0) return say('noCalls', { input: entry.input });
  const c = clamp(call, calls.length);
  const row = calls[c];
  if (!row) return '';
  const prefix = calls.length > 1 ? say('prefix', { n: c + 1, total: calls.length, name: row.name }) : '';
  if (row.hops.length === 0) return `${prefix}${say('noHops', { line: row.line })}`;
  const h = clamp(hop, row.hops.length);
  const step = row.hops[h];
  if (!step) return prefix;
  const host = step.hostCall ? say('host', { call: step.hostCall }) : '';
  const result = h === row.hops.length - 1 ? say('result', { line: row.line }) : '';
  return `${prefix}${say('hop', { n: h + 1, total: row.hops.length, layer: step.layer, verdict: step.verdict, note: step.note })}${host}${result}`;
}

const clamp = (i: number, length: number) => Math.min(Math.max(0, Number.isFinite(i) ? Math.floor(i) : 0), length - 1);
