import { compareRuntimes, parseCompareSpec, readCompareSpec, type CompareRow, type CompareSpec, type CompareSpecProblem } from '../machines/compareRuntimes.ts';
import { startupFigures } from '../sim/compare/startup.ts';
import type { DockerResourceFlags } from '../sim/cgroups/docker.ts';
import { checkResources } from '../sim/runtime/resources.ts';
import type { RuntimeId } from '../sim/runtime/types.ts';
import type { Language } from '../sim/text/language.ts';
import { optionsProblemIn } from './optionsProblems.ts';
import { defineMessages, translate } from './localize.ts';
import { compareText } from './storeTextMessages.ts';
import { callRow, runtimeRow, type CallRow, type LayerRow } from './views.ts';

/**
 * The side-by-side comparison as plain view rows: one input under 2–4
 * runtimes (src/machines/compareRuntimes.ts), with what `isolab compare`
 * prints for each — result, hops, serving kernel, host syscalls, modelled
 * cost and its ratio to the baseline, the published ratio that applies, and
 * the runtime's published start-up figures.
 */

export interface HostCallRow {
  /** `openat by runsc-sandbox (Sentry)` */
  text: string;
  name: string;
  by: string;
  /** What that process's seccomp filter did (allowed, killed, trapped, errno, none). */
  filter: string;
}

export interface PublishedRow {
  what: string;
  /** The other column's label the ratio is against. */
  against: string;
  ratio: number;
  numeratorId: string;
  denominatorId: string;
  conditions: string;
  /** The lab's own ratio for the same pair. */
  modelled: number;
  warm: boolean;
  calibrated: boolean;
  caveat: string | null;
}

export interface StartupRow { ms: number; id: string; what: string }

interface RowBase {
  label: string;
  runtime: RuntimeId;
  runtimeLabel: string;
  options: Record<string, string>;
  layers: LayerRow[];
  startup: StartupRow[];
}

export type CompareViewRow =
  | (RowBase & { ok: false; message: string })
  | (RowBase & {
    ok: true;
    calls: CallRow[];
    stdout: string;
    stderr: string;
    status: number;
    servedBy: string;
    hops: number;
    hostCalls: HostCallRow[];
    costNs: number;
    warmCostNs: number;
    /** costNs over the baseline's; null when there is no baseline with a cost. */
    ratio: number | null;
    baseline: string | null;
    isBaseline: boolean;
    published: PublishedRow[];
  });

export interface CompareView {
  input: string;
  rows: CompareViewRow[];
}

export const MAX_COLUMNS = 4;

/** The view of compareRuntimes' rows. */
export function toCompareView(input: string, rows: readonly CompareRow[]): CompareView {
  return { input, rows: rows.map(viewRow) };
}

function viewRow(r: CompareRow): CompareViewRow {
  const layers = runtimeRow(r.runtime).layers;
  const base: RowBase = {
    label: r.label, runtime: r.runtime.id, runtimeLabel: r.runtime.label, options: { ...r.options }, layers,
    startup: startupFigures(r.runtime.id, r.options).map(({ ms, id, what }) => ({ ms, id, what })),
  };
  if (!r.ok) return { ...base, ok: false, message: r.message };
  return {
    ...base, ok: true,
    calls: r.calls.map((c) => callRow(c, layers)),
    stdout: r.stdout, stderr: r.stderr, status: r.status, servedBy: r.servedBy, hops: r.hops,
    hostCalls: r.hostCalls.map((h) => ({ text: `${h.name} by ${h.by}`, name: h.name, by: h.by, filter: h.filter })),
    costNs: r.costNs, warmCostNs: r.warmCostNs, ratio: r.ratio, baseline: r.baseline, isBaseline: r.baseline === r.label,
    published: r.published.map((p) => ({
      what: p.entry.what, against: p.against, ratio: p.entry.numerator.value / p.entry.denominator.value,
      numeratorId: p.entry.numerator.id, denominatorId: p.entry.denominator.id, conditions: p.entry.conditions,
      modelled: p.modelled, warm: p.entry.warm, calibrated: p.entry.calibrated, caveat: p.entry.caveat ?? null,
    })),
  };
}

export { parseCompareSpec };

/** A label's problem (compareRuntimes.ts) in the page's words; runtime ids and `KEY=VALUE` stay as typed. */
const specText = defineMessages({
  unknownRuntime: { en: "unknown runtime '{id}'{hint}; expected one of: {list}", zh: "未知的运行时 '{id}'{hint}；应为以下之一：{list}" },
  didYouMean: { en: ' (did you mean {hint}?)', zh: '（是不是想输入 {hint}？）' },
  notKeyValue: { en: "'{pair}' in '{text}' is not KEY=VALUE (e.g. gvisor:platform=kvm)", zh: "'{text}' 中的 '{pair}' 不是 KEY=VALUE 形式（例如 gvisor:platform=kvm）" },
});

/** A label's problem in `language`; the English is word for word what `isolab compare` prints (an option problem: resolveOptions' sentence). */
export function compareSpecProblem(p: CompareSpecProblem, language: Language): string {
  switch (p.type) {
    case 'unknown-runtime': {
      const hint = p.hint ? translate(specText, language, 'didYouMean', { hint: p.hint }) : '';
      return translate(specText, language, 'unknownRuntime', { id: p.id, hint, list: p.expected.join(', ') });
    }
    case 'not-key-value':
      return translate(specText, language, 'notKeyValue', { pair: p.pair, text: p.text });
    case 'option':
      return optionsProblemIn(p.problem, language);
  }
}

/** parseCompareSpec with its problem in `language`. */
export function parseCompareSpecIn(text: string, language: Language): CompareSpec | string {
  const r = readCompareSpec(text);
  return r.ok ? r.spec : compareSpecProblem(r.problem, language);
}

/** Every text as a spec, or the first one's problem (the lab's own sentences in `language`); 1 to MAX_COLUMNS of them. */
export function parseCompareSpecs(texts: readonly string[], language: Language = 'en'): { ok: true; specs: CompareSpec[] } | { ok: false; message: string } {
  const wanted = texts.map((t) => t.trim()).filter((t) => t !== '');
  if (wanted.length === 0) return { ok: false, message: translate(compareText, language, 'needRuntimes', { max: MAX_COLUMNS }) };
  if (wanted.length > MAX_COLUMNS) return { ok: false, message: translate(compareText, language, 'tooMany', { max: MAX_COLUMNS, n: wanted.length }) };
  const specs: CompareSpec[] = [];
  for (const text of wanted) {
    const spec = parseCompareSpecIn(text, language);
    if (typeof spec === 'string') return { ok: false, message: spec };
    specs.push(spec);
  }
  return { ok: true, specs };
}

/**
 * The whole comparison from what a person typed: parse, check `docker run`
 * resource flags, run. Bad input is a message; anything thrown is a bug,
 * reported as a message rather than crashing the page.
 */
export function buildCompareView(input: string, texts: readonly string[], resources: DockerResourceFlags = {}, language: Language = 'en'): { ok: true; view: CompareView } | { ok: false; message: string } {
  const parsed = parseCompareSpecs(texts, language);
  if (!parsed.ok) return parsed;
  const problem = checkResources(resources);
  if (problem) return { ok: false, message: problem };
  try {
    return { ok: true, view: toCompareView(input, compareRuntimes(input, parsed.specs, { resources })) };
  } catch (e) {
    return { ok: false, message: translate(compareText, language, 'labBug', { error: e instanceof Error ? e.message : String(e) }) };
  }
}
