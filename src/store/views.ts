import type { RuntimeId, RuntimeModel } from '../sim/runtime/types.ts';
import type { CallTrace, LayerKind, Verdict } from '../sim/trace.ts';
import type { InputProblem } from '../machines/inputProblem.ts';
import type { Language } from '../sim/text/language.ts';
import { inputProblemIn } from './inputProblems.ts';

/**
 * The plain shapes the UI reads (the store projects the model's objects into
 * them; the UI never sees a world, a session or an actor).
 */

export interface LayerRow {
  id: string;
  label: string;
  kind: LayerKind;
  /** Part of the host kernel: what the diagram highlights when a call touches it. */
  hostKernel: boolean;
  description: string;
}

export interface OptionRow {
  key: string;
  values: readonly string[];
  default: string;
  description: string;
}

export interface RuntimeRow {
  id: RuntimeId;
  label: string;
  summary: string;
  layers: LayerRow[];
  options: OptionRow[];
}

export interface HopRow {
  /** The layer's label, as the page shows it. */
  layer: string;
  /** The layer's id in the runtime's layer list (what the diagram positions the token by). */
  layerId: string;
  verdict: Verdict;
  note: string;
  costNs: number;
  source: string;
  /** The host-kernel entry this hop touched (`sys_openat`), if any. */
  hostEntry: string | null;
  /** `openat by runsc-sandbox (Sentry)` when the hop is a syscall into the host kernel. */
  hostCall: string | null;
}

export interface CallRow {
  /** What strace would print: `getpid() = 1`. */
  line: string;
  name: string;
  failed: boolean;
  reason: string | null;
  /** Which kernel answered: host, sentry, guest, libos. */
  servedBy: string | null;
  hops: HopRow[];
  /** The layer list this call's hops run through, when not the runtime's own (a `docker run`'s path: run.stacks). */
  stack?: string;
}

/** A layer list other than a runtime's: the programs a `docker run` or `kubectl run` passes through. */
export interface StackRow {
  id: string;
  label: string;
  layers: LayerRow[];
}

/** The container the terminal is attached to (after `docker run -it`, `docker exec -it`). */
export interface ContainerView {
  id: string;
  name: string;
  runtime: RuntimeId;
  /** The attached process: the container's init, or an exec'd shell. */
  pid: number;
  image: string;
}

/** What the last submitted line did, as the page shows it. */
export type RunView =
  | { type: 'idle' }
  | {
    type: 'ran'; runtime: RuntimeId; input: string; calls: CallRow[]; stdout: string; stderr: string; status: number;
    /** Layer lists of calls that do not run through the runtime's layers (CallRow.stack). */
    stacks?: StackRow[];
    /** The container the terminal now talks to; null: back to the runtime's shell; absent: unchanged. */
    attach?: ContainerView | null;
  }
  /** `problem`: the refusal as data, worded in the page's language by the transcript (absent: `message` as it is). */
  | { type: 'refused'; runtime: RuntimeId; input: string; message: string; column: number | null; problem?: InputProblem };

/** The most calls one strace replay runs (each is a full trip through the runtime's machines; replayCalls.ts). */
export const REPLAY_MAX_CALLS = 40;

/**
 * A range of a strace log as "Bring your own" ran it: the runtime and its
 * settings, and the calls as strace printed them with their log lines. The
 * log itself is not kept, so this is all a reload or a shared link has.
 */
export interface StraceReplay {
  runtime: string;
  options: Record<string, string>;
  /** The calls run (at most REPLAY_MAX_CALLS). */
  calls: { line: number; text: string }[];
  /** How many calls the range held; more than `calls` when the range was longer than a replay runs. */
  total: number;
}

/** A whole file written on the lab's host (`cat > path`). */
export interface HostFile {
  path: string;
  text: string;
}

/** One line the person ran, kept for the timeline, playback and reload. */
export interface Entry {
  id: number;
  runtime: RuntimeId;
  /** The runtime's settings when it ran (`platform=kvm`). */
  options: Record<string, string>;
  input: string;
  run: Exclude<RunView, { type: 'idle' }>;
  /** The container the line ran in (its id), when the terminal was attached to one. */
  container?: string;
  /** The config.json text a run from the Spec pane ran (its input is only a label), so a reload can run it again. */
  spec?: string;
  /** A strace range run from "Bring your own" (its input is only a label): what a reload or a link runs again. */
  replay?: StraceReplay;
  /** A file written on the lab's host just before the line ran ("Use this profile"), written again before a reload or a link runs the line. */
  hostFile?: HostFile;
  /** A column of a side-by-side comparison (fresh boot; not saved, not replayed on reload). */
  compared?: boolean;
}

/** A line of the terminal's transcript; the terminal colours it by kind. */
export interface TranscriptLine {
  kind: 'input' | 'call' | 'denied' | 'reason' | 'stdout' | 'stderr' | 'error' | 'info' | 'heading';
  text: string;
}

export const runtimeRow = (r: RuntimeModel): RuntimeRow => ({
  id: r.id,
  label: r.label,
  summary: r.summary,
  layers: r.layers.map(({ id, label, kind, hostKernel, description }) => ({ id, label, kind, hostKernel, description })),
  options: r.options.map((o) => ({ key: o.key, values: o.values, default: o.default, description: o.description })),
});

export function callRow(call: CallTrace, layers: readonly LayerRow[]): CallRow {
  const labelOf = (id: string) => layers.find((l) => l.id === id)?.label ?? id;
  return {
    line: call.line,
    name: call.name,
    failed: call.errno !== null || call.deniedBy !== null || call.retval === null,
    reason: call.reason,
    servedBy: call.servedBy ?? null,
    hops: call.hops.map((h) => ({
      layer: labelOf(h.layer), layerId: h.layer, verdict: h.verdict, note: h.note, costNs: h.costNs, source: h.source,
      hostEntry: h.hostEntry ?? null, hostCall: h.hostCall ? `${h.hostCall.name} by ${h.hostCall.by}` : null,
    })),
  };
}

/** The transcript lines of one run, as strace and the shell would print them. */
/** The terminal's prompt: the runtime's shell (`runc$ `), or the attached container's (`brave_turing# `). */
export function promptText(runtime: string, container: Pick<ContainerView, 'name'> | null): string {
  return container ? `${container.name}# ` : `${runtime}$ `;
}

export function transcriptOf(run: Exclude<RunView, { type: 'idle' }>, promptWidth = `${run.runtime}$ `.length, language: Language = 'en'): TranscriptLine[] {
  if (run.type === 'refused') {
    // The caret sits under the column of the input as the terminal echoed it, after the prompt.
    const prompt = promptWidth;
    const caret = run.column === null ? [] : [{ kind: 'error' as const, text: `${' '.repeat(prompt + Math.max(0, run.column - 1))}^` }];
    return [...caret, { kind: 'error', text: run.problem ? inputProblemIn(run.problem, language) : run.message }];
  }
  const lines: TranscriptLine[] = [];
  // As isolab prints it: the reason for a denial on the same line, after the strace result.
  for (const c of run.calls) lines.push({ kind: c.failed ? 'denied' : 'call', text: c.failed && c.reason ? `${c.line}  ← ${c.reason}` : c.line });
  for (const l of textLines(run.stdout)) lines.push({ kind: 'stdout', text: l });
  for (const l of textLines(run.stderr)) lines.push({ kind: 'stderr', text: l });
  return lines;
}

/** A stream's lines; a final newline ends the last line rather than starting an empty one. */
function textLines(text: string): string[] {
  if (!text) return [];
  const lines = text.split('\n');
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}
