import { runInput, type InputResult } from '../machines/runInput.ts';
import { findRuntime, RUNTIMES } from '../sim/runtime/registry.ts';
import { resolveOptions } from '../sim/runtime/options.ts';
import type { RuntimeId, RuntimeModel, Session } from '../sim/runtime/types.ts';
import { callRow, runtimeRow, type RunView, type RuntimeRow } from './views.ts';
import { runLabLine, type LabApi } from './labCommands.ts';
import { completeLine, sessionDirs, type Completion } from './completion.ts';
import { inspect, type InspectorView } from './inspector.ts';
import { buildCompareView, type CompareView } from './compareView.ts';

/**
 * Everything the store needs from the model and its machines, behind one
 * object: the page loads it after the terminal is up (a dynamic import, so
 * the model is not in the first script), tests create it directly. It owns a
 * booted session per runtime.
 */
export interface Engine {
  runtimes: RuntimeRow[];
  /** Each runtime's default settings. */
  defaults: Record<string, Record<string, string>>;
  /** Checks settings for a runtime: all keys filled in, or the real tool's refusal. */
  resolve: (runtime: string, options: Record<string, string>) => { ok: true; value: Record<string, string> } | { ok: false; message: string };
  /** Runs one line on the runtime's session (booted with these settings on first use). */
  run: (runtime: string, options: Record<string, string>, text: string) => Exclude<RunView, { type: 'idle' }>;
  /** Forgets a runtime's session (the next line boots it again), or every session. */
  forget: (runtime?: string) => void;
  /** Runs a lab command (`help`, `compare …`, `explain …`); false when the line is not one. */
  lab: (api: LabApi, text: string) => boolean;
  /** Tab completion of a line on the runtime's session (commands, syscalls, runtimes, paths). */
  complete: (runtime: string, options: Record<string, string>, line: string, cursor: number) => Completion;
  /**
   * One input under several runtimes (labels as `gvisor:platform=kvm`), each from a fresh boot:
   * a run per column, for side-by-side diagrams. A label the lab cannot read is a refused column.
   */
  compare: (input: string, labels: readonly string[]) => CompareColumn[];
  /** The runtime's session (booted with these settings on first use) as the inspector shows it; null if it cannot boot. */
  inspect: (runtime: string, options: Record<string, string>) => InspectorView | null;
  /** One input under several runtimes with `isolab compare`'s figures (fresh boots, cold and warm). */
  compareView: (input: string, labels: readonly string[]) => { ok: true; view: CompareView } | { ok: false; message: string };
}

export interface CompareColumn {
  label: string;
  runtime: RuntimeId;
  options: Record<string, string>;
  run: Exclude<RunView, { type: 'idle' }>;
}

const defaults = (r: RuntimeModel): Record<string, string> => Object.fromEntries(r.options.map((o) => [o.key, o.default]));

/** runInput answers bad input with a message; anything thrown is a bug, shown rather than crashing the page. */
function runSafely(run: () => InputResult): InputResult {
  try {
    return run();
  } catch (e) {
    return { ok: false, message: `the lab failed on this input (a bug): ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function createEngine(): Engine {
  const sessions = new Map<RuntimeId, Session>();
  const sessionFor = (r: RuntimeModel, options: Record<string, string>): Session => {
    const session = sessions.get(r.id) ?? r.boot({ options });
    sessions.set(r.id, session);
    return session;
  };
  return {
    runtimes: RUNTIMES.map(runtimeRow),
    defaults: Object.fromEntries(RUNTIMES.map((r) => [r.id, defaults(r)])),
    resolve: (id, options) => {
      const runtime = findRuntime(id);
      if (!runtime) return { ok: false, message: `unknown runtime '${id}'` };
      const r = resolveOptions(runtime, options);
      return r.ok ? { ok: true, value: { ...r.value } } : r;
    },
    run: (id, options, text) => {
      const runtime = findRuntime(id) ?? findRuntime('runc');
      if (!runtime) throw new Error('the lab has no runc runtime');
      const result = runSafely(() => runInput(sessionFor(runtime, options), text));
      if (!result.ok) return { type: 'refused', runtime: runtime.id, input: text, message: result.message, column: result.column ?? null };
      const { session, calls, stdout, stderr, status } = result.value;
      sessions.set(runtime.id, session);
      const layers = runtimeRow(runtime).layers;
      return { type: 'ran', runtime: runtime.id, input: text, calls: calls.map((c) => callRow(c, layers)), stdout, stderr, status };
    },
    forget: (id) => {
      if (id === undefined) sessions.clear();
      else sessions.delete(id as RuntimeId);
    },
    lab: runLabLine,
    compare: (input, labels) => labels.map((label) => compareColumn(input, label)),
    inspect: (id, options) => {
      const runtime = findRuntime(id);
      if (!runtime) return null;
      try {
        return inspect(sessionFor(runtime, options));
      } catch {
        return null;
      }
    },
    compareView: buildCompareView,
    complete: (id, options, line, cursor) => {
      const runtime = findRuntime(id);
      return completeLine(line, cursor, { listDir: runtime ? sessionDirs(sessionFor(runtime, options)) : () => [] });
    },
  };
}

/** `gvisor:platform=kvm` → the runtime and its full settings. */
function parseLabel(label: string): { runtime: RuntimeModel; options: Record<string, string> } | string {
  const [id = '', ...pairs] = label.split(':');
  const runtime = findRuntime(id);
  if (!runtime) return `unknown runtime '${id}'`;
  const given = Object.fromEntries(pairs.map((p) => p.split('=') as [string, string]));
  const r = resolveOptions(runtime, given);
  return r.ok ? { runtime, options: { ...r.value } } : r.message;
}

/** One column of a comparison: the input on a fresh boot of the runtime. */
function compareColumn(input: string, label: string): CompareColumn {
  const parsed = parseLabel(label);
  if (typeof parsed === 'string') return { label, runtime: 'runc', options: {}, run: { type: 'refused', runtime: 'runc', input, message: parsed, column: null } };
  const { runtime, options } = parsed;
  const result = runSafely(() => runInput(runtime.boot({ options }), input));
  const layers = runtimeRow(runtime).layers;
  const run: CompareColumn['run'] = result.ok
    ? { type: 'ran', runtime: runtime.id, input, calls: result.value.calls.map((c) => callRow(c, layers)), stdout: result.value.stdout, stderr: result.value.stderr, status: result.value.status }
    : { type: 'refused', runtime: runtime.id, input, message: result.message, column: result.column ?? null };
  return { label, runtime: runtime.id, options, run };
}
