import { runInput, type InputResult } from '../machines/runInput.ts';
import { findRuntime, RUNTIMES } from '../sim/runtime/registry.ts';
import { resolveOptions } from '../sim/runtime/options.ts';
import type { RuntimeId, RuntimeModel, Session } from '../sim/runtime/types.ts';
import { callRow, runtimeRow, type RunView, type RuntimeRow } from './views.ts';
import { runLabLine, type LabApi } from './labCommands.ts';
import { completeLine, sessionDirs, type Completion } from './completion.ts';
import { inspect, type InspectorView } from './inspector.ts';
import { buildCompareView, parseCompareSpecIn, toCompareView, type CompareView } from './compareView.ts';
import { translate } from './localize.ts';
import { compareText } from './storeTextMessages.ts';
import type { Language } from '../sim/text/language.ts';
import type { CompareRow } from '../machines/compareRuntimes.ts';
import { isControlLine, runControlLine, runInContainer } from '../machines/controlPlane.ts';
import type { ControlResult, HostState } from '../machines/controlTypes.ts';
import { runSpecText, specText } from '../machines/runcCli.ts';
import { specMessageIn } from './specProblems.ts';
import { EMPTY_STACK } from '../sim/stack/containers.ts';
import { stackLayers, STACK_LABEL } from '../sim/stack/layers.ts';
import type { ContainerView } from './views.ts';
import { engineFacts, type EngineFacts } from './lessonState.ts';
import { lessonKit, type LessonKit } from './lessonKit.ts';
import { replayLoggedCalls, type LoggedCallText } from './replayCalls.ts';
import { writeText } from '../sim/oci/bundleFs.ts';
import { HOST_SHELL_PID } from '../sim/kernel/boot.ts';
import { errnoMessage } from '../sim/errno.ts';

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
  /**
   * Runs one line on the runtime's session (booted with these settings on first use), or in the
   * attached container. `docker`, `podman`, `kubectl` and `runc` lines go to the host's engines.
   */
  run: (runtime: string, options: Record<string, string>, text: string, container?: ContainerView | null) => Exclude<RunView, { type: 'idle' }>;
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
  /** Compares; with `rows` (what the `compare` command already ran, same labels) it only lays them out. */
  compare: (input: string, labels: readonly string[], rows?: readonly CompareRow[], language?: Language) => Comparison;
  /** The runtime's session (booted with these settings on first use), or the attached container's, as the inspector shows it; null if it cannot boot. */
  inspect: (runtime: string, options: Record<string, string>, container?: ContainerView | null) => InspectorView | null;
  /** Whether a container made this session is still there (a saved session's attachment). */
  hasContainer: (id: string) => boolean;
  /** The attached container's config.json as text; null when the terminal is in no container. */
  spec: (container?: ContainerView | null) => string | null;
  /** Makes and starts a container from config.json text a person edited or imported (as `runc run` on a bundle with it). */
  runSpec: (text: string) => Exclude<RunView, { type: 'idle' }>;
  /** What a lesson's goal needs from the kernels: the host's hostname, each container's hostname and cgroup counters. */
  lessonFacts: () => EngineFacts;
  /** The lessons, their machine and goal snapshots: here so they load with the model, not in the page's first script (lessons.ts). */
  lessonKit: LessonKit;
  /** Bring your own: calls of a strace log (strace syntax, with their lines) run on a fresh boot of the runtime, as one run (replayCalls.ts). */
  replayCalls: (runtime: string, options: Record<string, string>, calls: readonly LoggedCallText[], input: string, total?: number) => Exclude<RunView, { type: 'idle' }>;
  /** Writes a whole file on the lab's host as its root shell would (`cat > path`); why not, in words, else null. */
  writeHostFile: (path: string, text: string) => string | null;
}

export interface CompareColumn {
  label: string;
  runtime: RuntimeId;
  options: Record<string, string>;
  run: Exclude<RunView, { type: 'idle' }>;
}

/** A comparison run once: `isolab compare`'s figures (null with a message when none could run) and a column per label. */
export interface Comparison {
  view: CompareView | null;
  message: string | null;
  columns: CompareColumn[];
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
  // The container engines live on the host runtime's machine: docker's containers share its kernel.
  let stack = EMPTY_STACK;
  const hostState = (): HostState => {
    const host = findRuntime('host');
    if (!host) throw new Error('the lab has no host runtime');
    return { host: sessionFor(host, {}), stack };
  };
  const control = (text: string, container: ContainerView | null | undefined, run?: () => ControlResult): Exclude<RunView, { type: 'idle' }> => {
    const result = safely(run ?? (() => (isControlLine(text) || !container ? runControlLine(hostState(), text, container ?? null) : runInContainer(hostState(), container, text))));
    const runtime = container?.runtime ?? 'host';
    // A refusal's problem (when the lab worded it) goes on for the transcript to word per language.
    if (!result.ok) return { type: 'refused', runtime, input: text, message: result.message, column: result.column ?? null, ...(result.problem ? { problem: result.problem } : {}) };
    const r = result.value;
    sessions.set('host', r.host);
    stack = r.stack;
    return controlView(text, r, runtime);
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
    run: (id, options, text, container) => {
      if (container || isControlLine(text)) return control(text, container);
      const runtime = findRuntime(id) ?? findRuntime('runc');
      if (!runtime) throw new Error('the lab has no runc runtime');
      const result = runSafely(() => runInput(sessionFor(runtime, options), text));
      if (!result.ok) return { type: 'refused', runtime: runtime.id, input: text, message: result.message, column: result.column ?? null, ...(result.problem ? { problem: result.problem } : {}) };
      const { session, calls, stdout, stderr, status } = result.value;
      sessions.set(runtime.id, session);
      const layers = runtimeRow(runtime).layers;
      return { type: 'ran', runtime: runtime.id, input: text, calls: calls.map((c) => callRow(c, layers)), stdout, stderr, status };
    },
    forget: (id) => {
      if (id === undefined || id === 'host') stack = EMPTY_STACK;
      if (id === undefined) sessions.clear();
      else sessions.delete(id as RuntimeId);
    },
    hasContainer: (id) => stack.containers.some((c) => c.id === id && c.status === 'running'),
    spec: (container) => (container ? specText(hostState(), container) : null),
    runSpec: (text) => {
      const run = control('runc run (config.json)', null, () => runSpecText(hostState(), text));
      // The reader's refusal, worded in both languages for the terminal; `message` stays the reader's English (the Spec pane places it).
      const zh = run.type === 'refused' ? specMessageIn(text, run.message, 'zh') : null;
      return run.type === 'refused' && zh !== null && zh !== run.message ? { ...run, problem: { type: 'worded', text: { en: run.message, zh } } } : run;
    },
    lessonFacts: () => engineFacts(hostState().host, stack),
    lessonKit,
    replayCalls: (id, options, calls, input, total) => {
      const runtime = findRuntime(id) ?? findRuntime('runc');
      if (!runtime) throw new Error('the lab has no runc runtime');
      return replayLoggedCalls(runtime, options, calls, input, total);
    },
    writeHostFile: (path, text) => {
      const host = hostState().host;
      const written = writeText(host.world, HOST_SHELL_PID, path, text);
      if (!written.ok) return `cannot write ${path}: ${errnoMessage(written.errno).toLowerCase()}`;
      sessions.set('host', { ...host, world: written.value });
      return null;
    },
    lab: runLabLine,
    compare: compareOnce,
    inspect: (id, options, container) => {
      const runtime = findRuntime(id);
      if (!runtime) return null;
      try {
        const record = container ? stack.containers.find((c) => c.id === container.id) : undefined;
        if (record) {
          const view = inspect(record.sandbox ? { ...record.sandbox, pid: container?.pid ?? record.pid } : { ...hostState().host, runtime: 'runc', pid: container?.pid ?? record.pid });
          const runtimeLabel = findRuntime(record.runtime)?.label ?? record.runtime;
          return { ...view, runtimeLabel: `${record.name} on ${runtimeLabel}`, container: { name: record.name, runtimeLabel } };
        }
        return inspect(sessionFor(runtime, options));
      } catch {
        return null;
      }
    },
    complete: (id, options, line, cursor) => {
      const runtime = findRuntime(id);
      return completeLine(line, cursor, { listDir: runtime ? sessionDirs(sessionFor(runtime, options)) : () => [] });
    },
  };
}

/** A control-plane run as the page shows it: the path's calls on the stack's layers, then any calls inside the container. */
function controlView(input: string, r: Extract<ControlResult, { ok: true }>['value'], fallback: RuntimeId): Exclude<RunView, { type: 'idle' }> {
  const runtime = r.attach?.runtime ?? r.inner?.runtime ?? fallback;
  const innerModel = findRuntime(r.inner?.runtime ?? runtime);
  const innerLayers = innerModel ? runtimeRow(innerModel).layers : [];
  const stackRows = r.path ? [{ id: 'path', label: STACK_LABEL[r.path.kind], layers: stackLayers(r.path.kind, r.path.sandboxed).map(({ id, label, kind, hostKernel, description }) => ({ id, label, kind, hostKernel, description })) }] : [];
  const pathCalls = r.path ? r.path.calls.map((c) => ({ ...callRow(c, stackRows[0]?.layers ?? []), stack: 'path' })) : [];
  const innerCalls = (r.inner?.calls ?? []).map((c) => callRow(c, innerLayers));
  const attach = r.attach === undefined ? {} : { attach: r.attach === null ? null : { ...r.attach } };
  return { type: 'ran', runtime, input, calls: [...pathCalls, ...innerCalls], stdout: r.stdout, stderr: r.stderr, status: r.status, stacks: stackRows, ...attach };
}

function safely(run: () => ControlResult): ControlResult {
  try {
    return run();
  } catch (e) {
    return { ok: false, message: `the lab failed on this input (a bug): ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * One input under each runtime (labels as `gvisor:platform=kvm`), each from a
 * fresh boot, run once: the figures table and the diagrams' columns come from
 * the same rows. A label the lab cannot read is a refused column of its own.
 */
function compareOnce(input: string, labels: readonly string[], rows?: readonly CompareRow[], language: Language = 'en'): Comparison {
  const parsed = labels.map((label) => ({ label, spec: parseCompareSpecIn(label, language) }));
  const specs = parsed.flatMap((p) => (typeof p.spec === 'string' ? [] : [p.spec]));
  const built = rows && rows.length === labels.length
    ? { ok: true as const, view: toCompareView(input, rows) }
    : specs.length ? buildCompareView(input, specs.map((sp) => sp.label), {}, language) : { ok: false as const, message: translate(compareText, language, 'noRuntime') };
  const view = built.ok ? built.view : null;
  const columns = parsed.map(({ label, spec }): CompareColumn => {
    if (typeof spec === 'string') return { label, runtime: 'runc', options: {}, run: { type: 'refused', runtime: 'runc', input, message: spec, column: null } };
    const row = view?.rows.find((r) => r.label === spec.label);
    const run: CompareColumn['run'] = row?.ok
      ? { type: 'ran', runtime: row.runtime, input, calls: row.calls, stdout: row.stdout, stderr: row.stderr, status: row.status }
      : { type: 'refused', runtime: spec.runtime.id, input, message: row?.message ?? (built.ok ? translate(compareText, language, 'noResult') : built.message), column: null };
    return { label, runtime: spec.runtime.id, options: { ...spec.options }, run };
  });
  return { view, message: built.ok ? null : built.message, columns };
}
