import { ESCAPES, ESCAPE_RUNTIMES, findEscape } from '../sim/escapes/index.ts';
import type { EscapeScenario } from '../sim/escapes/types.ts';
import type { EscapeOutcome } from '../sim/escapes/classify.ts';
import type { EscapeVerdictType } from '../sim/escapes/verdict.ts';
import type { Language, Localized } from '../sim/text/language.ts';
import { findRuntime } from '../sim/runtime/registry.ts';
import type { RuntimeId } from '../sim/runtime/types.ts';
import { runEscape, type EscapeRun } from '../machines/escapeRun.ts';
import { callRow, runtimeRow, type RunView } from './views.ts';
import { verdictSentence } from './escapeSentence.ts';

/**
 * The escape matrix as plain view rows (issue 6): every scenario under
 * every runtime, each cell read from a run of the model from a fresh boot.
 * Computed on first demand (opening the panel, the `escapes` command) and
 * cached: the model is deterministic, so a second run would be the same.
 */
export interface EscapeCellView {
  scenarioId: string;
  runtime: RuntimeId;
  outcome: EscapeVerdictType;
  /** The layer whose gate stopped it (stopped), or where it ran (contained: sentry, guest, libos; through: host-kernel). */
  gate: string | null;
  errno: string | null;
  sentence: Localized;
  /** How the workload was made: the `docker run` line, or the runtime's own boot. */
  setup: string;
  /** For a not-applicable cell: what the attack did on the runtime's default boot anyway. */
  ran: { outcome: EscapeOutcome['type']; gate: string | null; errno: string | null } | null;
  /** Where the real system, as commonly configured, differs from what the model shows here; null when it does not. */
  caveat: Localized | null;
}

export interface EscapeScenarioView {
  id: string;
  title: Localized;
  summary: Localized;
  escapeClass: string;
  citation: { cve: string | null; url: string; source: string };
  dockerFlags: string;
  attack: readonly string[];
  reaches: Localized;
  simplifies: Localized;
  cells: EscapeCellView[];
}

export interface EscapeView {
  runtimes: { id: RuntimeId; label: string }[];
  scenarios: EscapeScenarioView[];
}

const runs = new Map<string, EscapeRun>();
let view: EscapeView | null = null;

/** The cell's run, from a fresh boot, run once. */
export function escapeRunOf(s: EscapeScenario, runtime: RuntimeId): EscapeRun {
  const key = `${s.id}/${runtime}`;
  const cached = runs.get(key);
  if (cached) return cached;
  const run = runEscape(s, runtime);
  runs.set(key, run);
  return run;
}

const gateOf = (o: EscapeOutcome): string | null => (o.type === 'stopped' ? o.layer : o.type === 'contained' ? o.servedBy : 'host-kernel');
const errnoOf = (o: EscapeOutcome): string | null => (o.type === 'stopped' ? o.errno : null);

export function escapeCell(s: EscapeScenario, runtime: RuntimeId): EscapeCellView {
  const run = escapeRunOf(s, runtime);
  const v = run.verdict;
  const base = { scenarioId: s.id, runtime, outcome: v.type, sentence: verdictSentence(v, s), setup: run.setup, caveat: s.caveats?.[runtime] ?? null };
  if (v.type === 'not-applicable') return { ...base, gate: null, errno: null, ran: v.ran ? { outcome: v.ran.type, gate: gateOf(v.ran), errno: errnoOf(v.ran) } : null };
  return { ...base, gate: gateOf(v), errno: errnoOf(v), ran: null };
}

function scenarioView(s: EscapeScenario, runtimes: readonly RuntimeId[]): EscapeScenarioView {
  return {
    id: s.id, title: s.title, summary: s.summary, escapeClass: s.class, citation: { ...s.citation },
    dockerFlags: s.dockerFlags.join(' '), attack: s.attack, reaches: s.reaches, simplifies: s.simplifies,
    cells: runtimes.map((r) => escapeCell(s, r)),
  };
}

/** The whole matrix (run once, then cached). */
export function escapeView(): EscapeView {
  view ??= {
    runtimes: ESCAPE_RUNTIMES.map((id) => ({ id, label: findRuntime(id)?.label ?? id })),
    scenarios: ESCAPES.map((s) => scenarioView(s, ESCAPE_RUNTIMES)),
  };
  return view;
}

/** One scenario's row (the `escapes SCENARIO` command), or null for an unknown id. */
export const escapeRow = (id: string): EscapeScenarioView | null => {
  const s = findEscape(id);
  return s ? scenarioView(s, ESCAPE_RUNTIMES) : null;
};

/**
 * A cell's attack as a run the diagram can play: the attacker's calls on the
 * runtime's layers (the `docker run` that made the container is the setup,
 * not replayed); a cell with no call to play is refused with its sentence in
 * `language`. Null for an unknown scenario or runtime.
 */
export function escapeReplay(scenarioId: string, runtime: string, language: Language = 'en'): { input: string; run: Exclude<RunView, { type: 'idle' }> } | null {
  const s = findEscape(scenarioId);
  const model = findRuntime(runtime);
  if (!s || !model || !(ESCAPE_RUNTIMES as readonly string[]).includes(runtime)) return null;
  const run = escapeRunOf(s, model.id);
  const layers = runtimeRow(model).layers;
  const input = `escape ${s.id}: ${run.steps.map((st) => st.input).join('; ')}`;
  const calls = run.steps.flatMap((st) => st.calls.map((c) => callRow(c, layers)));
  if (calls.length === 0) return { input, run: { type: 'refused', runtime: model.id, input, message: verdictSentence(run.verdict, s)[language], column: null } };
  return { input, run: { type: 'ran', runtime: model.id, input, calls, stdout: '', stderr: '', status: run.verdict.type === 'stopped' ? 1 : 0 } };
}
