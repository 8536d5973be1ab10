import type { LoggedCall, MultiReplay, StoppedCall } from '../sim/strace/multiReplay.ts';
import type { UnreadableLine } from '../sim/strace/replayReport.ts';
import type { StraceLineProblem } from '../sim/strace/lineProblem.ts';
import type { SeccompCheck } from './artefactsModel.ts';
import { dockerErrorColumn, placeOf, readPasted, type TextPlace } from './artefactImport.ts';
import type { LabState } from './labStore.ts';

/**
 * "Bring your own": a person's real artefacts in the lab. A strace log is
 * judged by every runtime (the replay report `isolab replay` prints, per
 * runtime, with the calls each would stop) and a range of it can be run in
 * the diagram; a seccomp profile is checked as it is typed and set against
 * Docker's default, then used for a container; a `docker run` line or a
 * config.json configures the lab's container. A slice of the lab's one
 * store (like lessons.ts): it runs things through the store's own actions,
 * so they are entries like typed lines. The model part (artefactsModel.ts)
 * loads on first use, like the engine.
 */

export interface RuntimeReportView {
  id: string;
  label: string;
  calls: number;
  allowed: number;
  denied: number;
  differs: number;
  denials: { layer: string; errno: string | null; count: number }[];
  stopped: StoppedCall[];
}

export interface StraceReportView {
  lines: number;
  calls: number;
  unreadable: (UnreadableLine & { problem: StraceLineProblem })[];
  runtimes: RuntimeReportView[];
}

export type StraceStatus =
  | { type: 'empty' }
  | { type: 'reading'; linesRead: number; percent: number }
  | { type: 'done'; report: StraceReportView };

/**
 * What an import did. `reason` says whose words `message` is in: the lab's
 * own refusals (`empty`, `notRun`, `loading`: the page words them in the
 * person's language) or the tool's (`tool`: docker's or runc's, as printed).
 */
export type ImportResult =
  | { type: 'ok'; what: 'docker' | 'spec'; line: string }
  | { type: 'error'; reason: 'empty' | 'notRun' | 'loading' | 'tool'; message: string; place: TextPlace | null; spec?: string };

export interface ArtefactsSliceState {
  strace: StraceStatus;
  /** The name of the dropped or chosen file, or null for pasted text. */
  straceSource: string | null;
  /** Reads and judges a log (chunk by chunk, the page stays responsive); resolves when the report is there. */
  loadStraceLog: (text: string, source?: string | null) => Promise<void>;
  /** Runs the log's calls on lines from..to under a runtime: an entry in the timeline, played in the diagram. How many calls start there (0: nothing ran). */
  replayStraceLines: (from: number, to: number, runtime: string) => number;
  seccompDraft: string;
  seccompCheck: SeccompCheck | null;
  /** Sets the profile editor's text; the check follows after a pause in typing. */
  setSeccompDraft: (text: string) => void;
  /** Checks the draft now (the debounce's end; tests). */
  checkSeccompNow: () => Promise<void>;
  loadDockerDefault: () => Promise<void>;
  /** Writes the draft to /root/profile.json on the lab's host and starts a container under it. False when the draft is not a profile. */
  useSeccompProfile: () => boolean;
  importResult: ImportResult | null;
  /** A `docker run` line (or its flags) through the control plane, or config.json through the Spec pane's path. */
  importArtefact: (text: string) => void;
}

/** Where the profile editor's profile goes on the lab's host. */
export const PROFILE_PATH = '/root/profile.json';
export const PROFILE_RUN_LINE = `docker run -it --security-opt seccomp=${PROFILE_PATH} debian sh`;
/** Pause in typing before the profile is checked again. */
export const SECCOMP_DEBOUNCE_MS = 300;

type Model = typeof import('./artefactsModel.ts');
const loadModel = (): Promise<Model> => import('./artefactsModel.ts');
/** Lets the page paint between chunks of a long log. */
const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

/** The slice: fresh per store (its log, read token and typing timer are its own). */
export function createArtefactsSlice(set: Set, get: Get): ArtefactsSliceState {
  let calls: LoggedCall[] = [];
  let readToken = 0;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  return {
    strace: { type: 'empty' },
    straceSource: null,
    loadStraceLog: async (text, source = null) => {
      const token = ++readToken;
      set({ strace: { type: 'reading', linesRead: 0, percent: 0 }, straceSource: source });
      const model = await loadModel();
      for (const step of model.straceSteps(text)) {
        if (token !== readToken) return;
        if (step.type === 'done') {
          calls = step.result.calls;
          set({ strace: { type: 'done', report: reportView(step.result, model.RUNTIME_LABELS) } });
          return;
        }
        set({ strace: { type: 'reading', linesRead: step.linesRead, percent: Math.floor((100 * step.offset) / Math.max(1, step.length)) } });
        await nextTick();
      }
    },
    replayStraceLines: (from, to, runtime) => {
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const picked = calls.filter((c) => c.line >= lo && c.line <= hi);
      if (picked.length === 0) return 0;
      const input = lo === hi ? `replay strace log line ${lo}` : `replay strace log lines ${lo}-${hi}`;
      get().replayStraceCalls(input, runtime, picked.map((c) => ({ line: c.line, text: `${c.name}(${c.rawArgs})` })));
      return picked.length;
    },
    seccompDraft: '',
    seccompCheck: null,
    setSeccompDraft: (text) => {
      set({ seccompDraft: text });
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => void get().checkSeccompNow(), SECCOMP_DEBOUNCE_MS);
    },
    checkSeccompNow: async () => {
      if (debounce) clearTimeout(debounce);
      debounce = null;
      const text = get().seccompDraft;
      const model = await loadModel();
      if (get().seccompDraft === text) set({ seccompCheck: model.checkSeccomp(text) });
    },
    loadDockerDefault: async () => {
      const model = await loadModel();
      set({ seccompDraft: model.dockerDefaultJson() });
      await get().checkSeccompNow();
    },
    useSeccompProfile: () => {
      if (get().seccompCheck?.type !== 'ok') return false;
      get().writeHostFileAndRun(PROFILE_PATH, get().seccompDraft, PROFILE_RUN_LINE);
      return true;
    },
    importResult: null,
    importArtefact: (text) => set({ importResult: importInto(get, text) }),
  };
}

function reportView(r: MultiReplay, labels: Readonly<Record<string, string>>): StraceReportView {
  return {
    lines: r.lines,
    calls: r.calls.length,
    unreadable: r.unreadable,
    runtimes: r.runtimes.map((x) => ({
      id: x.runtime, label: labels[x.runtime] ?? x.runtime, calls: x.report.calls, allowed: x.report.totals.allowed,
      denied: x.report.totals.denied, differs: x.report.totals.differs, denials: x.report.totals.denials, stopped: x.stopped,
    })),
  };
}

/** Runs what was pasted and reads the verdict back from the lab's store (the engine runs it at once once loaded). */
function importInto(lab: Get, text: string): ImportResult {
  const pasted = readPasted(text);
  if (pasted.type === 'empty') return { type: 'error', reason: 'empty', message: 'nothing to import: paste a docker run line or a config.json', place: null };
  if (pasted.type === 'refused') return { type: 'error', reason: 'notRun', message: pasted.message, place: pasted.place };
  if (!lab().ready) return { type: 'error', reason: 'loading', message: "the lab's model is still loading; try again in a moment", place: null };
  if (pasted.type === 'spec') {
    lab().applySpec(pasted.text);
    const problem = lab().specProblem;
    if (!problem) return { type: 'ok', what: 'spec', line: 'runc run (config.json)' };
    const where = problem.line !== null ? { line: problem.line, column: problem.column ?? 1 } : null;
    // `spec`: the text, so the tab can word the reader's refusal in the page's language (specProblems.ts specMessageIn).
    return { type: 'error', reason: 'tool', message: problem.message, place: where, spec: pasted.text };
  }
  lab().submitCommand(pasted.line);
  const last = lab().last;
  if (last.type === 'refused') {
    return { type: 'error', reason: 'tool', message: last.message, place: last.column !== null ? placeOf(pasted, last.column) : null };
  }
  if (last.type === 'ran' && last.status !== 0) {
    const column = dockerErrorColumn(pasted.line, last.stderr);
    return { type: 'error', reason: 'tool', message: last.stderr.trim() || `docker exited with status ${last.status}`, place: column !== null ? placeOf(pasted, column) : null };
  }
  return { type: 'ok', what: 'docker', line: pasted.line };
}
