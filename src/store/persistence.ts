import { isLanguage, type Language } from '../sim/text/language.ts';
import type { ContainerView, LabState, LabStore } from './labStore.ts';
import type { Entry, HostFile, StraceReplay } from './views.ts';
import { rerunLine, sourceIsValid } from './artefactsRestore.ts';
import { translate } from './localize.ts';
import { persistenceText, type PersistenceKey } from './persistenceMessages.ts';

/**
 * The session, saved in the browser so a reload loses nothing: the lines run
 * (with the runtime and settings each ran under), the chosen runtime and its
 * settings, the theme and font size. The model is deterministic, so replaying
 * the lines rebuilds every session exactly. A saved state that cannot be read
 * is reported and replaced, never a blank page.
 */
export const STORAGE_KEY = 'isolation-lab/session';
const VERSION = 1;
/** At most this many lines are kept (a pasted strace log must not fill the browser's storage). */
export const SAVED_LINES = 500;

export interface SavedLine {
  runtime: string;
  options: Record<string, string>;
  input: string;
  /** A run from the Spec pane: the config.json text it ran. */
  spec?: string;
  /** A strace range from "Bring your own": its calls, runtime and settings (its input is only a label). */
  replay?: StraceReplay;
  /** The file "Use this profile" wrote on the host before the line ran: written again before it runs again. */
  hostFile?: HostFile;
}

export interface SavedSession {
  version: number;
  runtimeId: string;
  /** The container the terminal was attached to, if any (made again by replaying the lines). */
  container?: ContainerView | null;
  options: Record<string, Record<string, string>>;
  lines: SavedLine[];
  theme: 'light' | 'dark';
  fontScale: number;
  /** Absent in sessions saved before the lab spoke Chinese: English. */
  language?: Language;
}

/** The part of Storage the lab uses (localStorage in the page, a map in tests). */
export interface KeyValueStore {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

export function snapshot(state: LabState): SavedSession {
  return {
    version: VERSION,
    runtimeId: state.runtimeId,
    container: state.container,
    options: state.options as Record<string, Record<string, string>>,
    lines: state.entries.filter((e) => !e.compared).slice(-SAVED_LINES).map(savedLine),
    theme: state.theme,
    fontScale: state.fontScale,
    language: state.language,
  };
}

const savedLine = (e: Entry): SavedLine => ({
  runtime: e.runtime, options: e.options, input: e.input,
  ...(e.spec !== undefined ? { spec: e.spec } : {}), ...(e.replay ? { replay: e.replay } : {}), ...(e.hostFile ? { hostFile: e.hostFile } : {}),
});

/** A corrupt session's problem: `message` is the English; `key` and `vars` say it in any language (persistenceMessages.ts). */
export type Loaded = { type: 'none' } | { type: 'ok'; session: SavedSession } | { type: 'corrupt'; message: string; key: PersistenceKey; vars: Record<string, string | number> };

type Problem = { key: PersistenceKey; vars?: Record<string, string | number> };
const corrupt = ({ key, vars = {} }: Problem): Loaded => ({ type: 'corrupt', message: translate(persistenceText, 'en', key, vars), key, vars });

/** Reads and checks the saved session. */
export function load(storage: KeyValueStore): Loaded {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (e) {
    return corrupt({ key: 'unreadable', vars: { error: e instanceof Error ? e.message : String(e) } });
  }
  if (text === null) return { type: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return corrupt({ key: 'notJson' });
  }
  const problem = check(data);
  return problem ? corrupt(problem) : { type: 'ok', session: data as SavedSession };
}

/**
 * The saved session's language, read before anything is restored (main.tsx:
 * the page address's problems are worded before the session is replayed);
 * null when there is none or the session cannot be read.
 */
export function savedLanguage(storage: KeyValueStore): Language | null {
  const loaded = load(storage);
  return loaded.type === 'ok' ? (loaded.session.language ?? null) : null;
}

function check(d: unknown): Problem | null {
  if (typeof d !== 'object' || d === null) return { key: 'notObject' };
  const s = d as Partial<SavedSession>;
  if (s.version !== VERSION) return { key: 'version', vars: { version: String(s.version), expected: VERSION } };
  if (typeof s.runtimeId !== 'string') return { key: 'noRuntime' };
  if (typeof s.options !== 'object' || s.options === null) return { key: 'noSettings' };
  if (!Array.isArray(s.lines)) return { key: 'noLines' };
  const bad = s.lines.findIndex((l: unknown) => typeof l !== 'object' || l === null || typeof (l as SavedLine).input !== 'string' || typeof (l as SavedLine).runtime !== 'string' || typeof (l as SavedLine).options !== 'object' || !sourceIsValid(l as Record<string, unknown>));
  if (bad >= 0) return { key: 'badLine', vars: { n: bad + 1 } };
  if (s.theme !== 'light' && s.theme !== 'dark') return { key: 'badTheme' };
  if (typeof s.fontScale !== 'number' || !Number.isFinite(s.fontScale)) return { key: 'noFontSize' };
  if (s.language !== undefined && !isLanguage(s.language)) return { key: 'badLanguage', vars: { language: String(s.language) } };
  return null;
}

/**
 * Replays a saved session into a fresh store: each line under the runtime and
 * settings it ran with (the store queues them until its model has loaded).
 */
export function restore(store: LabStore, saved: SavedSession): void {
  const api = store.getState();
  api.setTheme(saved.theme);
  api.setFontScale(saved.fontScale);
  if (saved.language) api.setLanguage(saved.language);
  for (const line of saved.lines) {
    // A strace replay carries its own runtime and settings and runs on a fresh boot: the terminal's runtime stays as it was.
    if (!line.replay) api.configure(line.runtime, line.options);
    rerunLine(api, line);
  }
  for (const [runtime, options] of Object.entries(saved.options)) api.configure(runtime, options);
  api.chooseRuntime(saved.runtimeId);
  if (saved.container && typeof saved.container.id === 'string') api.attach(saved.container);
}

/**
 * Restores the saved session (or reports why it could not) and keeps saving
 * as the session changes. Returns a function that stops saving.
 */
export function attachPersistence(store: LabStore, storage: KeyValueStore): () => void {
  const loaded = load(storage);
  if (loaded.type === 'ok') restore(store, loaded.session);
  if (loaded.type === 'corrupt') {
    const language = store.getState().language;
    const problem = translate(persistenceText, language, loaded.key, loaded.vars);
    store.getState().print([{ kind: 'error', text: translate(persistenceText, language, 'replaced', { problem }) }]);
  }
  const save = (state: LabState) => {
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(snapshot(state)));
    } catch {
      // Storage full or refused (private mode): the lab keeps working, it just will not survive a reload.
    }
  };
  save(store.getState());
  return store.subscribe((state, prev) => {
    if (state.entries !== prev.entries || state.runtimeId !== prev.runtimeId || state.container !== prev.container || state.options !== prev.options || state.theme !== prev.theme || state.fontScale !== prev.fontScale || state.language !== prev.language) save(state);
  });
}
