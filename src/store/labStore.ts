import { createActor, type Actor } from 'xstate';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { runInput, type InputResult } from '../machines/runInput.ts';
import { playbackMachine } from '../machines/playbackMachine.ts';
import { findRuntime, RUNTIMES } from '../sim/runtime/registry.ts';
import { resolveOptions } from '../sim/runtime/options.ts';
import type { RuntimeId, RuntimeModel, Session } from '../sim/runtime/types.ts';
import { callRow, runtimeRow, transcriptOf, type Entry, type RunView, type RuntimeRow, type TranscriptLine } from './views.ts';

export type { CallRow, Entry, HopRow, LayerRow, OptionRow, RunView, RuntimeRow, TranscriptLine } from './views.ts';

/**
 * The lab's one store (DESIGN.md, src/store). It owns a booted session per
 * runtime and the playback actor, runs what a person types through the
 * machines, and projects the results into plain view state: the UI reads
 * these shapes and never the model's own objects.
 */

export interface PlaybackView {
  /** The entry being played (the latest run unless the person picked another on the timeline). */
  entryId: number | null;
  call: number;
  hop: number;
  playing: boolean;
  speed: number;
}

export interface LabState {
  runtimes: RuntimeRow[];
  runtimeId: RuntimeId;
  /** Each runtime's settings as chosen (all keys, defaults filled in). */
  options: Partial<Record<RuntimeId, Record<string, string>>>;
  last: RunView;
  /** Every line run this session, oldest first. */
  entries: Entry[];
  /** What the terminal shows, oldest first. */
  transcript: TranscriptLine[];
  playback: PlaybackView;
  theme: 'light' | 'dark';
  /** Presenter font scale: 1 is the default size. */
  fontScale: number;
  chooseRuntime: (id: string) => void;
  /** Changes one setting of the chosen runtime; its session boots again with it. */
  setOption: (key: string, value: string) => void;
  /** Runs a syscall or shell command on the chosen runtime. */
  submitCommand: (text: string) => void;
  /** Appends lines to the terminal's transcript (lab commands' output). */
  print: (lines: TranscriptLine[]) => void;
  clearTranscript: () => void;
  /** Boots every runtime again and forgets the session's runs. */
  reset: () => void;
  play: () => void;
  pause: () => void;
  stepForward: () => void;
  stepBack: () => void;
  seek: (entryId: number, call: number, hop: number) => void;
  setSpeed: (speed: number) => void;
  setTheme: (theme: 'light' | 'dark') => void;
  setFontScale: (scale: number) => void;
}

export type LabStore = StoreApi<LabState>;

const DEFAULT_RUNTIME: RuntimeId = 'runc';
/** The transcript keeps this many lines (a pasted log must not grow the page without bound). */
export const TRANSCRIPT_LIMIT = 5000;

const defaults = (r: RuntimeModel): Record<string, string> => Object.fromEntries(r.options.map((o) => [o.key, o.default]));

/** runInput answers bad input with a message; anything thrown is a bug, shown rather than crashing the page. */
function runSafely(run: () => InputResult): InputResult {
  try {
    return run();
  } catch (e) {
    return { ok: false, message: `the lab failed on this input (a bug): ${e instanceof Error ? e.message : String(e)}` };
  }
}

const capped = (lines: TranscriptLine[]) => (lines.length > TRANSCRIPT_LIMIT ? lines.slice(lines.length - TRANSCRIPT_LIMIT) : lines);

/** A fresh store; the page uses `labStore`, tests make their own. */
export function createLabStore(): LabStore {
  const sessions = new Map<RuntimeId, Session>();
  const player: Actor<typeof playbackMachine> = createActor(playbackMachine);

  const store = createStore<LabState>()((set, get) => {
    const sessionFor = (r: RuntimeModel): Session => {
      const session = sessions.get(r.id) ?? r.boot({ options: get().options[r.id] ?? defaults(r) });
      sessions.set(r.id, session);
      return session;
    };
    const record = (runtime: RuntimeModel, input: string, run: Exclude<RunView, { type: 'idle' }>) => {
      const entry: Entry = { id: (get().entries.at(-1)?.id ?? 0) + 1, runtime: runtime.id, options: { ...(get().options[runtime.id] ?? {}) }, input, run };
      const prompt: TranscriptLine = { kind: 'input', text: `${runtime.id}$ ${input}` };
      set({ last: run, entries: [...get().entries, entry], transcript: capped([...get().transcript, prompt, ...transcriptOf(run)]) });
      if (run.type === 'ran') {
        set({ playback: { ...get().playback, entryId: entry.id } });
        player.send({ type: 'playback.load', hops: run.calls.map((c) => c.hops.length) });
      }
    };
    return {
      runtimes: RUNTIMES.map(runtimeRow),
      runtimeId: DEFAULT_RUNTIME,
      options: Object.fromEntries(RUNTIMES.map((r) => [r.id, defaults(r)])),
      last: { type: 'idle' },
      entries: [],
      transcript: [],
      playback: { entryId: null, call: 0, hop: 0, playing: false, speed: 1 },
      theme: 'light',
      fontScale: 1,
      chooseRuntime: (id) => {
        const runtime = findRuntime(id);
        if (runtime) set({ runtimeId: runtime.id });
      },
      setOption: (key, value) => {
        const runtime = findRuntime(get().runtimeId);
        const spec = runtime?.options.find((o) => o.key === key);
        if (!runtime || !spec?.values.includes(value)) return;
        const next = resolveOptions(runtime, { ...(get().options[runtime.id] ?? defaults(runtime)), [key]: value });
        if (!next.ok) {
          // A combination the real tool refuses (Kata: Cloud Hypervisor with 9p): say so, keep the settings that worked.
          set({ last: { type: 'refused', runtime: runtime.id, input: `--${key} ${value}`, message: next.message, column: null } });
          get().print([{ kind: 'error', text: next.message }]);
          return;
        }
        sessions.delete(runtime.id);
        set({ options: { ...get().options, [runtime.id]: { ...next.value } } });
      },
      submitCommand: (text) => {
        const runtime = findRuntime(get().runtimeId);
        if (!runtime) return;
        const result = runSafely(() => runInput(sessionFor(runtime), text));
        if (!result.ok) {
          record(runtime, text, { type: 'refused', runtime: runtime.id, input: text, message: result.message, column: result.column ?? null });
          return;
        }
        const { session, calls, stdout, stderr, status } = result.value;
        sessions.set(runtime.id, session);
        const layers = runtimeRow(runtime).layers;
        record(runtime, text, { type: 'ran', runtime: runtime.id, input: text, calls: calls.map((c) => callRow(c, layers)), stdout, stderr, status });
      },
      print: (lines) => set({ transcript: capped([...get().transcript, ...lines]) }),
      clearTranscript: () => set({ transcript: [] }),
      reset: () => {
        sessions.clear();
        player.send({ type: 'playback.load', hops: [] });
        set({ last: { type: 'idle' }, entries: [], transcript: [], playback: { ...get().playback, entryId: null, call: 0, hop: 0 } });
      },
      play: () => player.send({ type: 'playback.play' }),
      pause: () => player.send({ type: 'playback.pause' }),
      stepForward: () => player.send({ type: 'playback.step' }),
      stepBack: () => player.send({ type: 'playback.back' }),
      seek: (entryId, call, hop) => {
        const entry = get().entries.find((e) => e.id === entryId);
        if (!entry || entry.run.type !== 'ran') return;
        if (entryId !== get().playback.entryId) {
          set({ playback: { ...get().playback, entryId } });
          player.send({ type: 'playback.load', hops: entry.run.calls.map((c) => c.hops.length) });
        }
        player.send({ type: 'playback.seek', call, hop });
      },
      setSpeed: (speed) => player.send({ type: 'playback.speed', speed }),
      setTheme: (theme) => set({ theme }),
      setFontScale: (scale) => set({ fontScale: Math.min(2, Math.max(0.75, scale)) }),
    };
  });

  player.subscribe((snap) => {
    const { call, hop, speed } = snap.context;
    store.setState({ playback: { ...store.getState().playback, call, hop, speed, playing: snap.value === 'playing' } });
  });
  player.start();
  return store;
}

export const labStore: LabStore = createLabStore();
