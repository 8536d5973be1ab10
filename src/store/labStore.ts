import { createStore, type StoreApi } from 'zustand/vanilla';
import { runInput, type InputResult } from '../machines/runInput.ts';
import { findRuntime, RUNTIMES } from '../sim/runtime/registry.ts';
import { resolveOptions } from '../sim/runtime/options.ts';
import type { RuntimeId, RuntimeModel, Session } from '../sim/runtime/types.ts';
import type { CallTrace, LayerKind, Verdict } from '../sim/trace.ts';

/**
 * The lab's one store (DESIGN.md, src/store). It owns a booted session per
 * runtime, runs what a person types through the machines, and projects the
 * result into plain view state: the UI reads these shapes and never the
 * model's own objects.
 */

export interface LayerRow {
  id: string;
  label: string;
  kind: LayerKind;
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
  layer: string;
  verdict: Verdict;
  note: string;
  /** `openat by runsc-sandbox (Sentry)` when the hop is a syscall into the host kernel. */
  hostCall: string | null;
}

export interface CallRow {
  /** What strace would print: `getpid() = 1`. */
  line: string;
  failed: boolean;
  reason: string | null;
  hops: HopRow[];
}

/** What the last submitted line did, as the page shows it. */
export type RunView =
  | { type: 'idle' }
  | { type: 'ran'; runtime: RuntimeId; input: string; calls: CallRow[]; stdout: string; stderr: string; status: number }
  | { type: 'refused'; runtime: RuntimeId; input: string; message: string; column: number | null };

export interface LabState {
  runtimes: RuntimeRow[];
  runtimeId: RuntimeId;
  /** Each runtime's settings as chosen (all keys, defaults filled in). */
  options: Partial<Record<RuntimeId, Record<string, string>>>;
  last: RunView;
  chooseRuntime: (id: string) => void;
  /** Changes one setting of the chosen runtime; its session boots again with it. */
  setOption: (key: string, value: string) => void;
  submitCommand: (text: string) => void;
}

export type LabStore = StoreApi<LabState>;

const DEFAULT_RUNTIME: RuntimeId = 'runc';

const runtimeRow = (r: RuntimeModel): RuntimeRow => ({
  id: r.id,
  label: r.label,
  summary: r.summary,
  layers: r.layers.map(({ id, label, kind }) => ({ id, label, kind })),
  options: r.options.map((o) => ({ key: o.key, values: o.values, default: o.default, description: o.description })),
});

const defaults = (r: RuntimeModel): Record<string, string> => Object.fromEntries(r.options.map((o) => [o.key, o.default]));

function callRow(call: CallTrace, layers: RuntimeRow['layers']): CallRow {
  const labelOf = (id: string) => layers.find((l) => l.id === id)?.label ?? id;
  return {
    line: call.line,
    failed: call.errno !== null || call.deniedBy !== null || call.retval === null,
    reason: call.reason,
    hops: call.hops.map((h) => ({ layer: labelOf(h.layer), verdict: h.verdict, note: h.note, hostCall: h.hostCall ? `${h.hostCall.name} by ${h.hostCall.by}` : null })),
  };
}

/** runInput answers bad input with a message; anything thrown is a bug, shown rather than crashing the page. */
function runSafely(run: () => InputResult): InputResult {
  try {
    return run();
  } catch (e) {
    return { ok: false, message: `the lab failed on this input (a bug): ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A fresh store; the page uses `labStore`, tests make their own. */
export function createLabStore(): LabStore {
  const sessions = new Map<RuntimeId, Session>();

  return createStore<LabState>()((set, get) => {
    const sessionFor = (r: RuntimeModel): Session => {
      const session = sessions.get(r.id) ?? r.boot({ options: get().options[r.id] ?? defaults(r) });
      sessions.set(r.id, session);
      return session;
    };
    return {
      runtimes: RUNTIMES.map(runtimeRow),
      runtimeId: DEFAULT_RUNTIME,
      options: Object.fromEntries(RUNTIMES.map((r) => [r.id, defaults(r)])),
      last: { type: 'idle' },
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
          set({ last: { type: 'refused', runtime: runtime.id, input: text, message: result.message, column: result.column ?? null } });
          return;
        }
        const { session, calls, stdout, stderr, status } = result.value;
        sessions.set(runtime.id, session);
        const layers = runtimeRow(runtime).layers;
        set({ last: { type: 'ran', runtime: runtime.id, input: text, calls: calls.map((c) => callRow(c, layers)), stdout, stderr, status } });
      },
    };
  });
}

export const labStore: LabStore = createLabStore();
