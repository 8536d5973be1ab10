import { ESCAPES, ESCAPE_RUNTIMES, findEscape } from '../sim/escapes/index.ts';
import type { EscapeScenario } from '../sim/escapes/types.ts';
import { runEscape, type EscapeRun } from '../machines/escapeRun.ts';
import { callJson } from './trace.ts';
import type { CliIo } from './main.ts';

/**
 * `isolab escapes [--scenario ID] [--json]`: the escape lab headless. Every
 * scenario (or one) under every runtime from a fresh boot, with the verdict
 * read from the run's trace: stopped (by which gate), contained, through,
 * or not-applicable (and why).
 */
const USAGE = 'usage: isolab escapes [--scenario ID] [--json]';

function parse(argv: readonly string[]): { scenario: EscapeScenario | null; json: boolean } | string {
  let scenario: EscapeScenario | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--scenario' || a.startsWith('--scenario=')) {
      const id = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!id) return `--scenario needs a scenario id: ${ESCAPES.map((s) => s.id).join(', ')}`;
      scenario = findEscape(id) ?? null;
      if (!scenario) return `no escape scenario '${id}'; expected one of: ${ESCAPES.map((s) => s.id).join(', ')}`;
    } else return `unexpected argument '${a}'\n${USAGE}`;
  }
  return { scenario, json };
}

function cellText(run: EscapeRun): string {
  const v = run.verdict;
  if (v.type === 'not-applicable') return `not-applicable  ${v.why.en}${v.ran ? ` (run anyway: ${v.ran.type}${v.ran.type === 'stopped' ? ` at ${v.ran.layer} ${v.ran.errno ?? ''}` : ''})` : ''}`;
  if (v.type === 'stopped') return `stopped         at ${v.layer}${v.errno ? ` with ${v.errno}` : ''}: ${v.note}`;
  if (v.type === 'contained') return `contained       in ${v.servedBy}: ${v.line}`;
  return `THROUGH         host kernel${v.hostEntry ? ` ${v.hostEntry}` : ''} for ${v.by}: ${v.line}`;
}

function scenarioText(s: EscapeScenario, runs: readonly EscapeRun[]): string {
  const head = [
    `${s.id}: ${s.title.en}`,
    `  cites: ${s.citation.cve ?? '(no CVE)'} — ${s.citation.source} — ${s.citation.url}`,
    `  setup: docker run ${s.dockerFlags.join(' ') || '(defaults)'} …; attack: ${s.attack.join('; ')}`,
    `  through means: ${s.reaches.en}`,
  ];
  const cells = runs.map((r) => `  ${r.runtime.padEnd(14)}${cellText(r)}${s.caveats?.[r.runtime] ? `\n${' '.repeat(16)}† caveat: ${s.caveats[r.runtime]?.en ?? ''}` : ''}`);
  return `${[...head, ...cells, `  simplified: ${s.simplifies.en}`].join('\n')}\n\n`;
}

const runJson = (r: EscapeRun) => ({ runtime: r.runtime, setup: r.setup, verdict: r.verdict, steps: r.steps.map((st) => ({ input: st.input, status: st.status, ...(st.refused ? { refused: st.refused } : {}), calls: st.calls.map(callJson) })) });

export function escapesCommand(argv: readonly string[], io: CliIo): number {
  const args = parse(argv);
  if (typeof args === 'string') {
    io.stderr(`isolab: ${args}\n`);
    return 2;
  }
  const scenarios = args.scenario ? [args.scenario] : ESCAPES;
  const results = scenarios.map((s) => ({ s, runs: ESCAPE_RUNTIMES.map((r) => runEscape(s, r)) }));
  if (args.json) {
    io.stdout(`${JSON.stringify(results.map(({ s, runs }) => ({ id: s.id, title: s.title, citation: s.citation, dockerFlags: s.dockerFlags, attack: s.attack, goal: s.goal, simplifies: s.simplifies, cells: runs.map((r) => ({ ...runJson(r), caveat: s.caveats?.[r.runtime] ?? null })) })), null, 2)}\n`);
    return 0;
  }
  for (const { s, runs } of results) io.stdout(scenarioText(s, runs));
  return 0;
}
