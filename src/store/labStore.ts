import { createActor, type Actor } from 'xstate';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { playbackMachine } from '../machines/playbackMachine.ts';

/** Playback's pace and speeds, for the UI (which may not import the machine). */
export { HOP_MS, SPEEDS } from '../machines/playbackMachine.ts';
import type { RuntimeId } from '../sim/runtime/types.ts';
import type { Language } from '../sim/text/language.ts';
import type { Engine } from './engine.ts';
import type { Completion } from './completion.ts';
import type { CompareRow } from '../machines/compareRuntimes.ts';
import type { InspectorView } from './inspector.ts';
import type { CompareView } from './compareView.ts';
import { createEscapeSlice, type EscapeSliceState } from './escapeSlice.ts';
import { createLessonSlice, type LessonSlice, type LessonSliceState } from './lessons.ts';
import { createArtefactsSlice, type ArtefactsSliceState } from './artefacts.ts';
import { labStoreText } from './labStoreMessages.ts';
import { translate } from './localize.ts';
import { SPEC_RUN_INPUT, specRunProblem, type SpecProblem } from './specPane.ts';
import { promptText, REPLAY_MAX_CALLS, transcriptOf, type ContainerView, type Entry, type HostFile, type RunView, type RuntimeRow, type StraceReplay, type TranscriptLine } from './views.ts';

export type { CallRow, ContainerView, Entry, HopRow, LayerRow, OptionRow, RunView, RuntimeRow, StackRow, TranscriptLine } from './views.ts';
export { promptText } from './views.ts';

/**
 * The lab's one store (DESIGN.md, src/store). It owns the engine (the model
 * and its machines, with a booted session per runtime) and the playback
 * actor, runs what a person types, and projects the results into plain view
 * state: the UI reads these shapes and never the model's own objects. The
 * page's store loads the engine after first paint; lines typed before it is
 * there wait and run in order.
 */

export interface PlaybackView {
  /** The entry being played (the latest run unless the person picked another on the timeline). */
  entryId: number | null;
  call: number;
  hop: number;
  playing: boolean;
  speed: number;
}

export interface LabState extends LessonSliceState, ArtefactsSliceState, EscapeSliceState {
  /** False until the engine (the model) has loaded. */
  ready: boolean;
  runtimes: RuntimeRow[];
  runtimeId: RuntimeId;
  /** The container the terminal is attached to (`docker run -it`, `docker exec -it`), or null: the runtime's own shell. */
  container: ContainerView | null;
  /** Attaches the terminal to a container the engines know (a saved session's); false when it is gone. */
  attach: (container: ContainerView) => void;
  /** Each runtime's settings as chosen (all keys, defaults filled in). */
  options: Partial<Record<RuntimeId, Record<string, string>>>;
  last: RunView;
  /** Every line run this session, oldest first. */
  entries: Entry[];
  /** Every line this session ran, in order, lab commands included, with where it ran: what a shared link replays (urlSession.ts). */
  log: LoggedLine[];
  /** Still mode (presenter): a new run does not play by itself; the diagram moves only when stepped. */
  still: boolean;
  setStill: (still: boolean) => void;
  /** What the terminal shows, oldest first. */
  transcript: TranscriptLine[];
  playback: PlaybackView;
  theme: 'light' | 'dark';
  /** Presenter font scale: 1 is the default size. */
  fontScale: number;
  /** The language of every UI string and lesson (`en`, `zh`). */
  language: Language;
  chooseRuntime: (id: string) => void;
  /** Changes one setting of the chosen runtime; its session boots again with it. */
  setOption: (key: string, value: string) => void;
  /** Chooses a runtime with these settings at once (a saved session's line); its session boots again only if they changed. */
  configure: (runtime: string, options: Record<string, string>) => void;
  /** Runs a syscall or shell command on the chosen runtime. */
  submitCommand: (text: string) => void;
  /** What the terminal sends: a lab command (`help`, `compare …`), else a syscall or shell command. */
  submitLine: (text: string) => void;
  /** Tab completion for the terminal (empty until the model has loaded). */
  complete: (line: string, cursor: number) => Completion;
  /** The last `compare`: its input, and a column per runtime (with settings, `gvisor:platform=kvm`) whose run is an entry. */
  comparison: { input: string; columns: { label: string; entryId: number }[] } | null;
  showCompare: boolean;
  /** The chosen runtime's simulated state, recomputed after each run, runtime switch and new setting. */
  inspector: InspectorView | null;
  /** The attached container's config.json as the runtime was given it; null when the terminal is in no container. */
  specText: string | null;
  /** Why the last run from the Spec pane failed (with where in config.json, when the reader said), else null. */
  specProblem: SpecProblem | null;
  /** Runs config.json text as `runc run` on the tutorial bundle (the Spec pane), recorded like a typed line. */
  applySpec: (text: string) => void;
  /**
   * Bring your own (artefacts.ts): calls of a strace log run under a runtime as one entry the diagram plays.
   * `saved`: the settings and call count a saved or shared replay ran with (a reload runs it again exactly).
   */
  replayStraceCalls: (input: string, runtime: string, calls: readonly { line: number; text: string }[], saved?: Pick<StraceReplay, 'options' | 'total'>) => void;
  /** Bring your own: writes a file on the lab's host, then runs `line` as if typed (a profile, then `docker run … seccomp=FILE`); a file it cannot write is reported in the terminal. */
  writeHostFileAndRun: (path: string, text: string, line: string) => void;
  /** The last `compare` with its figures (cost, ratio, published ratios, start-up); null before one or when it was refused. */
  compareView: CompareView | null;
  /** Why the last `compare` could not run (an unknown runtime, a bad setting), else null. */
  compareMessage: string | null;
  /** Compares `input` under these runtimes; `rows`, when the `compare` command already ran them, are laid out as they are. */
  compare: (input: string, runtimes: string[], rows?: readonly CompareRow[]) => void;
  setShowCompare: (open: boolean) => void;
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
  setLanguage: (language: Language) => void;
}

export type LabStore = StoreApi<LabState>;

/** One line as the session ran it: the runtime, its settings and the attached container then; `lab` for a lab command, `spec` for a Spec-pane run. */
export interface LoggedLine {
  runtime: string;
  options: Record<string, string>;
  input: string;
  container?: ContainerView;
  lab?: true;
  spec?: string;
  /** A strace range run from "Bring your own" (views.ts). */
  replay?: StraceReplay;
  /** The file written on the host just before the line ran ("Use this profile"). */
  hostFile?: HostFile;
  /** The page's language then: lab commands answer in it. */
  language?: Language;
}

/** What a reload or a link needs, besides its input, to run a recorded line again. */
type RunSource = Pick<Entry, 'spec' | 'replay' | 'hostFile'>;

const DEFAULT_RUNTIME: RuntimeId = 'runc';
/** The transcript keeps this many lines (a pasted log must not grow the page without bound). */
export const TRANSCRIPT_LIMIT = 5000;

/** Every hop of an entry's run, in order (a comparison plays them as one sequence). */
const hopsOf = (e: Entry | undefined) => (e?.run.type === 'ran' ? e.run.calls.flatMap((c) => c.hops) : []);

const capped = (lines: TranscriptLine[]) => (lines.length > TRANSCRIPT_LIMIT ? lines.slice(lines.length - TRANSCRIPT_LIMIT) : lines);

/**
 * A fresh store. Given an engine it is ready at once (tests); without one it
 * loads the engine with a dynamic import (the page).
 */
export function createLabStore(engine?: Engine): LabStore {
  let model: Engine | null = null;
  const waiting: (() => void)[] = [];
  const player: Actor<typeof playbackMachine> = createActor(playbackMachine);
  /** Runs `work` now if the engine is there, else once it has loaded. */
  const withModel = (work: (m: Engine) => void) => (model ? work(model) : waiting.push(() => model && work(model)));
  /** The lesson slice, which `install` hands the engine's lessons. */
  let lessonSlice: LessonSlice | undefined;

  const store = createStore<LabState>()((set, get) => {
    // Lessons (issue 6): their goals are checked after each line submitLine runs.
    const lessons = createLessonSlice(set, get, () => model, (work) => withModel(() => work()));
    lessonSlice = lessons;
    const addEntry = (input: string, run: Exclude<RunView, { type: 'idle' }>, options: Record<string, string>, compared = false, container?: string, source: RunSource = {}): Entry => {
      const entry: Entry = { id: (get().entries.at(-1)?.id ?? 0) + 1, runtime: run.runtime, options: { ...options }, input, run, ...(compared ? { compared: true } : {}), ...(container ? { container } : {}), ...source };
      set({ entries: [...get().entries, entry] });
      return entry;
    };
    /** Plays an entry from its first hop (paused at once in still mode). */
    const playEntry = (entryId: number, hops: number[]) => {
      set({ playback: { ...get().playback, entryId } });
      player.send({ type: 'playback.load', hops });
      if (get().still) player.send({ type: 'playback.pause' });
    };
    /** The inspector follows the chosen runtime's session. */
    const refreshInspector = () => {
      if (!model) return;
      const id = get().runtimeId;
      set({ inspector: model.inspect(id, get().options[id] ?? model.defaults[id] ?? {}, get().container), specText: model.spec(get().container) });
    };
    /** Records a run: an entry, a line of the log, the transcript, playback. `source`: what a reload or a link needs besides the input to run it again. */
    const record = (input: string, run: Exclude<RunView, { type: 'idle' }>, source: RunSource = {}) => {
      const { container, runtimeId } = get();
      const entry = addEntry(input, run, source.replay?.options ?? get().options[run.runtime] ?? {}, false, container?.id, source);
      const promptAt = promptText(runtimeId, container);
      set({ log: [...get().log, { runtime: runtimeId, options: { ...(get().options[runtimeId] ?? {}) }, input, language: get().language, ...(container ? { container } : {}), ...source }] });
      const prompt: TranscriptLine = { kind: 'input', text: `${promptAt}${input}` };
      set({ last: run, transcript: capped([...get().transcript, prompt, ...transcriptOf(run, promptAt.length, get().language)]) });
      // `docker run -it`, `docker exec -it` attach the terminal to the container; `exit` leaves it.
      if (run.type === 'ran' && run.attach !== undefined) set(run.attach ? { container: run.attach, runtimeId: run.attach.runtime } : { container: null });
      if (run.type === 'ran') playEntry(entry.id, run.calls.map((c) => c.hops.length));
      refreshInspector();
    };
    return {
      ready: false,
      runtimes: [],
      runtimeId: DEFAULT_RUNTIME,
      container: null,
      attach: (container) => withModel((m) => {
        if (!m.hasContainer(container.id)) return;
        set({ container, runtimeId: container.runtime });
        refreshInspector();
      }),
      options: {},
      last: { type: 'idle' },
      entries: [],
      log: [],
      still: false,
      setStill: (still) => {
        set({ still });
        if (still) player.send({ type: 'playback.pause' });
      },
      transcript: [],
      playback: { entryId: null, call: 0, hop: 0, playing: false, speed: 1 },
      theme: 'light',
      fontScale: 1,
      language: 'en',
      chooseRuntime: (id) => withModel((m) => {
        // Picking a runtime leaves any container the terminal was attached to (it keeps running).
        if (m.runtimes.some((r) => r.id === id)) set({ runtimeId: id as RuntimeId, container: null });
        refreshInspector();
      }),
      setOption: (key, value) => withModel((m) => {
        const id = get().runtimeId;
        const spec = m.runtimes.find((r) => r.id === id)?.options.find((o) => o.key === key);
        if (!spec?.values.includes(value)) return;
        const next = m.resolve(id, { ...(get().options[id] ?? m.defaults[id]), [key]: value });
        if (!next.ok) {
          // A combination the real tool refuses (Kata: Cloud Hypervisor with 9p): say so, keep the settings that worked.
          set({ last: { type: 'refused', runtime: id, input: `--${key} ${value}`, message: next.message, column: null } });
          get().print([{ kind: 'error', text: next.message }]);
          return;
        }
        m.forget(id);
        // New settings boot the runtime's own shell again; the terminal leaves any container for it.
        set({ options: { ...get().options, [id]: next.value }, container: null });
        refreshInspector();
      }),
      configure: (runtime, options) => withModel((m) => {
        if (!m.runtimes.some((r) => r.id === runtime)) return;
        const next = m.resolve(runtime, options);
        const now = get().options[runtime as RuntimeId] ?? m.defaults[runtime] ?? {};
        const changed = next.ok && Object.entries(next.value).some(([k, v]) => now[k] !== v);
        if (changed && next.ok) {
          m.forget(runtime);
          set({ options: { ...get().options, [runtime]: next.value } });
        }
        set({ runtimeId: runtime as RuntimeId });
        refreshInspector();
      }),
      submitCommand: (text) => withModel((m) => {
        const id = get().runtimeId;
        record(text, m.run(id, get().options[id] ?? m.defaults[id] ?? {}, text, get().container));
      }),
      submitLine: (text) => withModel((m) => {
        const { runtimeId, container } = get();
        const at = { runtime: runtimeId, options: { ...(get().options[runtimeId] ?? {}) }, language: get().language, ...(container ? { container } : {}) };
        if (m.lab({ getState: get }, text)) set({ log: [...get().log, { ...at, input: text, lab: true }] });
        else get().submitCommand(text);
        lessons.afterLine(text);
      }),
      complete: (line, cursor) => {
        const id = get().runtimeId;
        return model ? model.complete(id, get().options[id] ?? model.defaults[id] ?? {}, line, cursor) : { replacement: line.slice(0, cursor), candidates: [] };
      },
      comparison: null,
      showCompare: false,
      inspector: null,
      specText: null,
      specProblem: null,
      applySpec: (text) => withModel((m) => {
        const run = m.runSpec(text);
        record(SPEC_RUN_INPUT, run, { spec: text });
        set({ specProblem: specRunProblem(run) });
      }),
      replayStraceCalls: (input, runtime, calls, saved) => withModel((m) => {
        const id = m.runtimes.some((r) => r.id === runtime) ? runtime : get().runtimeId;
        const resolved = saved ? m.resolve(id, saved.options) : null;
        if (resolved && !resolved.ok) return record(input, { type: 'refused', runtime: id as RuntimeId, input, message: resolved.message, column: null });
        const options = resolved?.value ?? get().options[id as RuntimeId] ?? m.defaults[id] ?? {};
        // Only the calls a replay runs are kept with it (a whole log would not fit in the browser's storage or a link).
        const kept = calls.slice(0, REPLAY_MAX_CALLS).map((c) => ({ line: c.line, text: c.text }));
        const total = Math.max(saved?.total ?? 0, calls.length);
        record(input, m.replayCalls(id, options, kept, input, total), { replay: { runtime: id, options: { ...options }, calls: kept, total } });
      }),
      writeHostFileAndRun: (path, text, line) => withModel((m) => {
        const problem = m.writeHostFile(path, text);
        if (problem) return get().print([{ kind: 'error', text: problem }]);
        // Run as submitCommand does, with the file kept beside the line: a reload or a link writes it again first.
        const id = get().runtimeId;
        record(line, m.run(id, get().options[id] ?? m.defaults[id] ?? {}, line, get().container), { hostFile: { path, text } });
      }),
      compareView: null,
      compareMessage: null,
      compare: (input, runtimes, rows) => withModel((m) => {
        const result = m.compare(input, runtimes.slice(0, 4), rows?.slice(0, 4), get().language);
        set({ compareView: result.view, compareMessage: result.message });
        const columns = result.columns.map((col) => ({ label: col.label, entryId: addEntry(input, col.run, col.options, true).id }));
        set({ comparison: { input, columns }, showCompare: true });
        const first = get().entries.find((e) => e.id === columns[0]?.entryId);
        const longest = Math.max(0, ...columns.map((c) => hopsOf(get().entries.find((e) => e.id === c.entryId)).length));
        if (first) {
          // All columns play in step: the playback runs over the longest column's hops; each diagram clamps to its own.
          playEntry(first.id, [longest]);
        }
      }),
      setShowCompare: (open) => set({ showCompare: open }),
      print: (lines) => set({ transcript: capped([...get().transcript, ...lines]) }),
      clearTranscript: () => set({ transcript: [] }),
      reset: () => {
        model?.forget();
        player.send({ type: 'playback.load', hops: [] });
        set({ last: { type: 'idle' }, entries: [], log: [], transcript: [], container: null, playback: { ...get().playback, entryId: null, call: 0, hop: 0 } });
        refreshInspector();
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
      setLanguage: (language) => set({ language }),
      ...lessons.state,
      ...createArtefactsSlice(set, get),
      // Escape lab cells are runs of their own, like a comparison's columns: not saved, not replayed on reload.
      ...createEscapeSlice({ set, get, addRun: (input, run) => addEntry(input, run, {}, true), play: playEntry }),
    };
  });

  player.subscribe((snap) => {
    const { call, hop, speed } = snap.context;
    store.setState({ playback: { ...store.getState().playback, call, hop, speed, playing: snap.value === 'playing' } });
  });
  player.start();

  const install = (m: Engine) => {
    model = m;
    // The lessons come with the model: the slice starts its machine and lists them before the queued work runs.
    lessonSlice?.install(m.lessonKit);
    store.setState({ ready: true, runtimes: m.runtimes, options: { ...m.defaults, ...store.getState().options } });
    for (const run of waiting.splice(0)) run();
    const id = store.getState().runtimeId;
    // The queued lines may have attached a container (a reload, a link): the inspector and the Spec pane show it.
    const attached = store.getState().container;
    store.setState({ inspector: m.inspect(id, store.getState().options[id] ?? m.defaults[id] ?? {}, attached), specText: m.spec(attached) });
  };
  if (engine) install(engine);
  else {
    import('./engine.ts')
      .then((mod) => install(mod.createEngine()))
      .catch((e: unknown) => store.getState().print([{ kind: 'error', text: translate(labStoreText, store.getState().language, 'modelFailed', { error: e instanceof Error ? e.message : String(e) }) }]));
  }
  return store;
}

export const labStore: LabStore = createLabStore();
