import type { CallRow } from '../../store/views.ts';
import type { CompareViewRow, PublishedRow } from '../../store/compareView.ts';
import type { Language } from '../../sim/text/language.ts';
import { translate } from '../i18n/messages.ts';
import { compareMessages, type CompareKey } from './compareMessages.ts';

/** The catalog's text in `language` (the parts below are pure, so they take the language). */
const tr = (language: Language) => (key: CompareKey, vars?: Readonly<Record<string, string | number>>) => translate(compareMessages, language, key, vars);

/**
 * What the comparison's columns and table say, as pure functions: the
 * result lines, the call whose hops the ladder shows, host calls grouped,
 * costs and ratios in words.
 */

/** 239 → `239 ns`, 1017 → `1.02 µs`, 1.2e6 → `1.20 ms` (as `isolab compare` prints them). */
export function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${Number(ns.toFixed(2))} ns`;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`;
}

export interface ResultLine { text: string; failed: boolean; reason: string | null }

/** The strace lines a column shows (failed calls first kept in view), or the refusal; `more` counts the rest. */
export function resultLines(row: CompareViewRow, max = 3): { lines: ResultLine[]; more: number } {
  if (!row.ok) return { lines: [{ text: row.message, failed: true, reason: null }], more: 0 };
  const all = row.calls.map((c) => ({ text: c.line, failed: c.failed, reason: c.reason }));
  if (all.length <= max) return { lines: all, more: 0 };
  // A shell command makes many calls: keep the failed ones (what the lecture is about), then the first ones.
  const keep = new Set<number>();
  all.forEach((l, i) => l.failed && keep.size < max && keep.add(i));
  for (let i = 0; keep.size < max && i < all.length; i++) keep.add(i);
  const lines = all.filter((_, i) => keep.has(i));
  return { lines, more: all.length - lines.length };
}

/**
 * The call the ladder shows: the first that failed (what the lecture is
 * about), else the one with the most hops (where the runtimes differ most:
 * a command's read through virtio-fs, not its close).
 */
export function focusCall(row: CompareViewRow): CallRow | null {
  if (!row.ok) return null;
  const failed = row.calls.find((c) => c.failed);
  if (failed) return failed;
  return row.calls.reduce<CallRow | null>((best, c) => (best === null || c.hops.length > best.hops.length ? c : best), null);
}

/** Host syscalls grouped: `openat by Sentry ×2`. */
export function hostCallSummary(row: CompareViewRow, language: Language = 'en'): { count: number; names: string[] } {
  if (!row.ok) return { count: 0, names: [] };
  const counts = new Map<string, number>();
  for (const h of row.hostCalls) {
    // `getpid by sh (pid 4201)`: the lab's own words around the call and the process, in the page's language.
    const text = language === 'en' ? h.text : translate(compareMessages, language, 'hostCallBy', { name: h.name, by: h.by });
    const key = h.filter === 'allowed' || h.filter === 'none' ? text : `${text} (${h.filter})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { count: row.hostCalls.length, names: [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)) };
}

/** `3.10× runc`, `baseline`, or a dash. */
export function ratioText(row: CompareViewRow, language: Language = 'en'): string {
  if (!row.ok) return '—';
  if (row.isBaseline) return tr(language)('baseline');
  return row.ratio === null ? '—' : `${row.ratio.toFixed(2)}× ${row.baseline ?? ''}`.trim();
}

export function publishedText(p: PublishedRow, language: Language = 'en'): string {
  const modelled = tr(language)(p.warm ? 'modelledWarm' : 'modelled', { ratio: p.modelled.toFixed(2) });
  return `${p.ratio.toFixed(2)}× ${p.against}: ${p.what} (${modelled})`;
}

/** The sources and conditions of a published ratio, for its title and a footnote. */
export function publishedSource(p: PublishedRow, language: Language = 'en'): string {
  const caveat = p.caveat ? tr(language)('notReproduced', { caveat: p.caveat }) : '';
  return `${p.numeratorId} / ${p.denominatorId}; ${p.conditions}${caveat}`;
}

/** The result cell: the single call's line, or the command's summary. */
export function resultSummary(row: CompareViewRow, language: Language = 'en'): string {
  const t = tr(language);
  if (!row.ok) return t('refused', { message: row.message });
  if (row.calls.length === 1) return row.calls[0]?.line ?? '';
  const failed = row.calls.filter((c) => c.failed).length;
  return t('calls', { n: row.calls.length }) + (failed ? t('failed', { n: failed }) : '') + t('exitStatus', { status: row.status });
}

/** Did the column's input fail (refused, or a call failed)? */
export function rowFailed(row: CompareViewRow): boolean {
  return !row.ok || row.calls.some((c) => c.failed);
}
