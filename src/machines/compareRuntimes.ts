import { publishedRatiosFor, type PublishedRatio } from '../sim/compare/publishedRatios.ts';
import { hostCallsOf } from '../sim/hostcalls/helperProcess.ts';
import type { BootOptions, RuntimeModel, RuntimeOptions } from '../sim/runtime/types.ts';
import type { CallTrace, HostCall } from '../sim/trace.ts';
import { runInput } from './runInput.ts';
import { findRuntime, RUNTIME_IDS } from '../sim/runtime/registry.ts';
import { resolveOptions } from '../sim/runtime/options.ts';
import type { OptionsProblem } from '../sim/runtime/optionsProblem.ts';
import { closest } from '../sim/text/closest.ts';

/** One runtime (with its settings) to run the input under. */
export interface CompareSpec {
  runtime: RuntimeModel;
  options: RuntimeOptions;
  /** How the row is named: `gvisor`, `gvisor:platform=kvm`. */
  label: string;
}

/** What one runtime did with the input. */
export type CompareRow = CompareSpec & (
  | { ok: false; message: string }
  | {
    ok: true;
    calls: CallTrace[];
    stdout: string;
    stderr: string;
    status: number;
    hops: number;
    /** Which kernel answered (host, sentry, guest, libos), from the calls' traces. */
    servedBy: string;
    hostCalls: HostCall[];
    costNs: number;
    /** The cost of the same input run again right after (caches warm, call sites patched), as a benchmark loop sees it. */
    warmCostNs: number;
    /** costNs over the baseline row's (runc when it is in the list, else the first row). */
    ratio: number | null;
    /** The label of that baseline row. */
    baseline: string | null;
    /** Published ratios for this call between this row and another row of the comparison. */
    published: { entry: PublishedRatio; against: string; modelled: number }[];
  });

/** Runs `input` under each runtime from a fresh boot; bad input under one runtime is that row's message. */
export function compareRuntimes(input: string, specs: readonly CompareSpec[], boot: Omit<BootOptions, 'options'> = {}): CompareRow[] {
  const rows = specs.map((spec): CompareRow => {
    const result = runInput(spec.runtime.boot({ ...boot, options: spec.options }), input);
    if (!result.ok) return { ...spec, ok: false, message: result.message };
    const { calls, stdout, stderr, status } = result.value;
    const hops = calls.flatMap((c) => c.hops);
    const again = runInput(result.value.session, input);
    const warmCostNs = again.ok ? again.value.calls.flatMap((c) => c.hops).reduce((s, h) => s + h.costNs, 0) : 0;
    const servedBy = [...new Set(calls.map((c) => c.servedBy ?? spec.runtime.servedBy))].join(', ');
    return { ...spec, ok: true, calls, stdout, stderr, status, hops: hops.length, servedBy, hostCalls: hostCallsOf(hops), costNs: hops.reduce((s, h) => s + h.costNs, 0), warmCostNs, ratio: null, baseline: null, published: [] };
  });
  const base = rows.find((r) => r.ok && r.runtime.id === 'runc') ?? rows.find((r) => r.ok);
  return rows.map((r) => (r.ok ? { ...r, ratio: base?.ok && base.costNs > 0 ? r.costNs / base.costNs : null, baseline: base?.label ?? null, published: publishedFor(r, rows) } : r));
}

function publishedFor(row: Extract<CompareRow, { ok: true }>, rows: readonly CompareRow[]): Extract<CompareRow, { ok: true }>['published'] {
  const only = row.calls.length === 1 ? row.calls[0] : undefined;
  if (!only) return [];
  const out: Extract<CompareRow, { ok: true }>['published'] = [];
  for (const other of rows) {
    if (other === row || !other.ok || other.costNs <= 0 || other.warmCostNs <= 0) continue;
    for (const entry of publishedRatiosFor(only.name, { runtime: row.runtime.id, options: row.options }, { runtime: other.runtime.id, options: other.options })) {
      const modelled = entry.warm ? row.warmCostNs / other.warmCostNs : row.costNs / other.costNs;
      out.push({ entry, against: other.label, modelled });
    }
  }
  return out;
}

/**
 * Why a label is not a spec, as data: the CLI prints it in English
 * (compareSpecProblemText), the page in the chosen language
 * (src/store/compareView.ts). An option problem is resolveOptions' own
 * sentence, with its OptionsProblem beside it.
 */
export type CompareSpecProblem =
  | { type: 'unknown-runtime'; id: string; hint: string | null; expected: readonly string[] }
  | { type: 'not-key-value'; pair: string; text: string }
  /** `problem`: the same as data, for the page's language (src/store/optionsProblems.ts). */
  | { type: 'option'; message: string; problem: OptionsProblem };

/**
 * `gvisor:platform=kvm:directfs=off` → a spec. Settings given once for the
 * whole comparison (`shared`, as `isolab compare --platform kvm` takes them)
 * apply to every runtime that has them; the label's own pairs win.
 */
export function readCompareSpec(text: string, shared: Readonly<Record<string, string>> = {}): { ok: true; spec: CompareSpec } | { ok: false; problem: CompareSpecProblem } {
  const [id = '', ...pairs] = text.trim().split(':');
  const runtime = findRuntime(id);
  if (!runtime) return { ok: false, problem: { type: 'unknown-runtime', id, hint: closest(id, RUNTIME_IDS)[0] ?? null, expected: RUNTIME_IDS } };
  const given: Record<string, string> = {};
  for (const [k, v] of Object.entries(shared)) if (runtime.options.some((o) => o.key === k)) given[k] = v;
  for (const pair of pairs) {
    const [k, v, ...rest] = pair.split('=');
    if (!k || v === undefined || rest.length) return { ok: false, problem: { type: 'not-key-value', pair, text } };
    given[k] = v;
  }
  const options = resolveOptions(runtime, given);
  if (!options.ok) return { ok: false, problem: { type: 'option', message: options.message, problem: options.problem } };
  return { ok: true, spec: { runtime, options: options.value, label: text.trim() } };
}

/** A problem as `isolab compare` prints it (English). */
export function compareSpecProblemText(p: CompareSpecProblem): string {
  switch (p.type) {
    case 'unknown-runtime':
      return `unknown runtime '${p.id}'${p.hint ? ` (did you mean ${p.hint}?)` : ''}; expected one of: ${p.expected.join(', ')}`;
    case 'not-key-value':
      return `'${p.pair}' in '${p.text}' is not KEY=VALUE (e.g. gvisor:platform=kvm)`;
    case 'option':
      return p.message;
  }
}

/** readCompareSpec with its problem in English: a spec, or the sentence (the CLI's). */
export function parseCompareSpec(text: string, shared: Readonly<Record<string, string>> = {}): CompareSpec | string {
  const r = readCompareSpec(text, shared);
  return r.ok ? r.spec : compareSpecProblemText(r.problem);
}
