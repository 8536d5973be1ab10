import { isLanguage, type Language } from '../sim/text/language.ts';
import { sourceIsValid } from './artefactsRestore.ts';
import type { ContainerView, LabState, LoggedLine } from './labStore.ts';

/**
 * The whole session in a link (issue 6, point 5): the chosen runtime and
 * every runtime's settings, every line run (lab commands too) with the
 * runtime, settings and container it ran under (and what a run whose input
 * is only a label needs to run again: artefactsRestore.ts), the attached container, the
 * playback position and speed, theme, font size and language. Written as
 * `1.` + base64url(deflate-raw(JSON)); the leading number is the format's
 * version, so a later format can still read (or clearly refuse) old links.
 * The model is deterministic: replaying the lines rebuilds the same
 * transcript, entries and containers, then playback seeks to the position.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/CompressionStream/CompressionStream ('deflate-raw')
 */

export const SESSION_VERSION = 1;
/** A link replays at most this many lines (the newest; an older start is not replayed, so a longer session comes back only approximately). */
export const SHARED_LINES = 1000;

export interface SharedSession {
  v: 1;
  runtimeId: string;
  options: Record<string, Record<string, string>>;
  container: ContainerView | null;
  lines: LoggedLine[];
  /** The played entry (ids are the same after a replay), its call and hop; null when nothing was played. */
  position: { entryId: number; call: number; hop: number } | null;
  speed: number;
  theme: 'light' | 'dark';
  fontScale: number;
  language: Language;
}

export function sharedOf(state: LabState): SharedSession {
  const p = state.playback;
  return {
    v: 1,
    runtimeId: state.runtimeId,
    options: state.options as Record<string, Record<string, string>>,
    container: state.container,
    lines: state.log.slice(-SHARED_LINES),
    position: p.entryId === null ? null : { entryId: p.entryId, call: p.call, hop: p.hop },
    speed: p.speed,
    theme: state.theme,
    fontScale: state.fontScale,
    language: state.language,
  };
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

export async function encodeSession(session: SharedSession): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(session));
  return `${SESSION_VERSION}.${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

export type Decoded = { ok: true; session: SharedSession } | { ok: false; message: string };

/** Reads a link's session; never throws: a bad link is a message saying what was wrong. */
export async function decodeSession(text: string): Promise<Decoded> {
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (dot < 0 || !/^\d+$/.test(version)) return { ok: false, message: 'it does not start with a version number (1.…)' };
  if (Number(version) !== SESSION_VERSION) return { ok: false, message: `it is version ${version}, and this lab reads version ${SESSION_VERSION}` };
  let data: unknown;
  try {
    const bytes = await pipe(fromBase64Url(text.slice(dot + 1)), new DecompressionStream('deflate-raw'));
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: 'it is damaged (cut short or changed): the data does not decompress to a session' };
  }
  const problem = checkShared(data);
  return problem ? { ok: false, message: problem } : { ok: true, session: data as SharedSession };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (l: unknown) => isRecord(l) && typeof l.input === 'string' && typeof l.runtime === 'string' && isRecord(l.options) && sourceIsValid(l);

function checkShared(d: unknown): string | null {
  if (!isRecord(d)) return 'its data is not a session';
  if (d.v !== 1) return `its data has version ${String(d.v)}, not 1`;
  if (typeof d.runtimeId !== 'string') return 'it names no runtime';
  if (!isRecord(d.options)) return 'it has no settings';
  if (!Array.isArray(d.lines)) return 'it has no list of lines';
  const bad = d.lines.findIndex((l) => !isLine(l));
  if (bad >= 0) return `its line ${bad + 1} is malformed`;
  if (d.theme !== 'light' && d.theme !== 'dark') return 'it has an unknown theme';
  if (typeof d.fontScale !== 'number' || typeof d.speed !== 'number') return 'it has no font size or speed';
  if (!isLanguage(d.language)) return `it has an unknown language (${String(d.language)})`;
  const p = d.position;
  if (p !== null && !(isRecord(p) && [p.entryId, p.call, p.hop].every((n) => Number.isInteger(n)))) return 'its playback position is malformed';
  return null;
}
