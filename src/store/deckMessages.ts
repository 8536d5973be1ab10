/**
 * The messages a slide deck sends to an embedded lab, and the events the lab
 * sends back (issue 6, point 4). Pure: deckApi.ts wires it to `message`
 * events. A command is `{ isolab: 1, type: 'step' }` (or, shorter,
 * `{ type: 'isolab:step' }`):
 *
 *   step | back | play | pause | reset
 *   run         { line: 'getpid()' }                        a line as if typed in the terminal
 *   setRuntime  { runtime: 'gvisor', settings?: { platform: 'kvm' } }
 *
 * The lab answers with `{ isolab: 1, type: 'ready' }` once, and
 * `{ isolab: 1, type: 'stepped', … }` (SteppedEvent) after every hop change.
 */

import type { Entry } from './views.ts';

export type DeckCommand =
  | { type: 'step' }
  | { type: 'back' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'reset' }
  | { type: 'run'; line: string }
  | { type: 'setRuntime'; runtime: string; settings: Record<string, string> };

export type Parsed = { ok: true; command: DeckCommand } | { ok: false; reason: string };

const SIMPLE = new Set(['step', 'back', 'play', 'pause', 'reset']);
/** A line from a deck is at most this long (the terminal's own lines are not longer in practice). */
export const MAX_LINE = 4000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads one message's data; never throws. */
export function parseDeckMessage(data: unknown): Parsed {
  if (!isRecord(data)) return { ok: false, reason: 'not an object' };
  const raw = typeof data.type === 'string' ? data.type : '';
  const prefixed = raw.startsWith('isolab:');
  if (data.isolab !== 1 && !prefixed) return { ok: false, reason: 'not addressed to the lab (no isolab: 1)' };
  const type = prefixed ? raw.slice('isolab:'.length) : raw;
  if (SIMPLE.has(type)) return { ok: true, command: { type } as DeckCommand };
  if (type === 'run') {
    if (typeof data.line !== 'string' || data.line.trim() === '') return { ok: false, reason: 'run needs a line (a non-empty string)' };
    if (data.line.length > MAX_LINE) return { ok: false, reason: `run's line is longer than ${MAX_LINE} characters` };
    if (/[\r\n]/.test(data.line)) return { ok: false, reason: 'run takes one line (no newline)' };
    return { ok: true, command: { type: 'run', line: data.line } };
  }
  if (type === 'setRuntime') return parseSetRuntime(data);
  return { ok: false, reason: `unknown type '${type}' (expected step, back, play, pause, reset, run, setRuntime)` };
}

function parseSetRuntime(data: Record<string, unknown>): Parsed {
  if (typeof data.runtime !== 'string' || data.runtime.trim() === '') return { ok: false, reason: 'setRuntime needs a runtime (e.g. "gvisor")' };
  const settings = data.settings ?? {};
  if (!isRecord(settings) || Object.values(settings).some((v) => typeof v !== 'string')) return { ok: false, reason: 'setRuntime settings must be an object of strings (e.g. { platform: "kvm" })' };
  return { ok: true, command: { type: 'setRuntime', runtime: data.runtime.trim(), settings: settings as Record<string, string> } };
}

/** What the lab tells its deck after a hop change. */
export interface SteppedEvent {
  isolab: 1;
  type: 'stepped';
  /** The played entry: its id, input and runtime. */
  entry: { id: number; input: string; runtime: string } | null;
  call: number;
  hop: number;
  /** Hops of the current call. */
  hops: number;
  playing: boolean;
  /** The hop's layer, verdict and note; null when nothing is played. */
  layer: string | null;
  verdict: string | null;
  note: string | null;
  /** The call's strace line (`getpid() = 1`), or the refusal. */
  result: string | null;
}

export const READY_EVENT = { isolab: 1, type: 'ready' } as const;

/** The event for a playback position (the store's played entry, call and hop). */
export function steppedEvent(entry: Entry | undefined, p: { call: number; hop: number; playing: boolean }): SteppedEvent {
  const base = { isolab: 1 as const, type: 'stepped' as const, call: p.call, hop: p.hop, playing: p.playing };
  if (!entry) return { ...base, entry: null, hops: 0, layer: null, verdict: null, note: null, result: null };
  const head = { id: entry.id, input: entry.input, runtime: entry.runtime };
  if (entry.run.type === 'refused') return { ...base, entry: head, hops: 0, layer: null, verdict: null, note: null, result: entry.run.message };
  const call = entry.run.calls[p.call];
  const hop = call?.hops[p.hop];
  return { ...base, entry: head, hops: call?.hops.length ?? 0, layer: hop?.layer ?? null, verdict: hop?.verdict ?? null, note: hop?.note ?? null, result: call?.line ?? null };
}
