import { compareRuntimes, parseCompareSpec, type CompareRow, type CompareSpec } from '../machines/compareRuntimes.ts';
import { checkResources } from '../sim/runtime/resources.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import { callJson, fmtNs } from './trace.ts';
import { kernelFunctionCounts } from '../sim/compare/kernelFunctions.ts';
import { startupFigures } from '../sim/compare/startup.ts';

/**
 * `isolab compare 'INPUT' --runtimes runc,gvisor,gvisor:platform=kvm,…`:
 * the input under each runtime from a fresh boot — its result, hops, the
 * kernel that served it, the host syscalls it caused, the modelled cost and
 * its ratio to runc — and, where one applies, the published ratio beside it.
 */
export function compareCommand(args: CliArgs, io: CliIo): number {
  const specs: CompareSpec[] = [];
  for (const text of args.runtimes) {
    const spec = parseCompareSpec(text, args.options);
    if (typeof spec === 'string') {
      io.stderr(`isolab: ${spec}\n`);
      return 2;
    }
    specs.push(spec);
  }
  const problem = checkResources(args.resources);
  if (problem) {
    io.stderr(`isolab: ${problem}\n`);
    return 2;
  }
  const rows = compareRuntimes(args.positional ?? '', specs, { resources: args.resources });
  if (args.format === 'json') io.stdout(`${JSON.stringify({ input: args.positional, rows: rows.map(rowJson) }, null, 2)}\n`);
  else io.stdout(rows.map(rowText).join('\n'));
  return rows.every((r) => !r.ok) ? 1 : 0;
}

function rowText(r: CompareRow): string {
  if (!r.ok) return `${r.label}\n  refused: ${r.message}\n`;
  const last = r.calls[r.calls.length - 1];
  const result = r.calls.length === 1 ? last?.line ?? '' : `${r.calls.length} calls, exit status ${r.status}${r.stdout ? `, stdout ${JSON.stringify(r.stdout.length > 40 ? `${r.stdout.slice(0, 40)}…` : r.stdout)}` : ''}`;
  const host = r.hostCalls.length ? r.hostCalls.map((h) => `${h.name} by ${h.by}${h.filter === 'allowed' || h.filter === 'none' ? '' : ` (${h.filter})`}`).join(', ') : 'none';
  const ratio = r.ratio === null || r.baseline === r.label ? '' : ` = ${r.ratio.toFixed(2)}× ${r.baseline ?? ''}`;
  const lines = [
    r.label,
    `  result      ${result}`,
    `  served by   ${r.servedBy} kernel, ${r.hops} hops`,
    `  host calls  ${host}`,
    `  cost        ${fmtNs(r.costNs)} modelled${ratio}; ${fmtNs(r.warmCostNs)} when run again (warm caches)`,
    ...startupFigures(r.runtime.id, r.options).map((f) => `  startup     ${f.ms >= 1000 ? `${(f.ms / 1000).toFixed(2)} s` : `${f.ms} ms`}: ${f.what} [${f.id}]`),
    ...kernelFunctionsLine(r),
    ...r.published.map((p) => `  published   ${p.entry.what}: ${(p.entry.numerator.value / p.entry.denominator.value).toFixed(2)}× ${p.against} (${p.entry.numerator.id} / ${p.entry.denominator.id}; ${p.entry.conditions}); modelled ${p.modelled.toFixed(2)}×${p.entry.warm ? ' warm' : ''}${p.entry.caveat ? ` — not reproduced: ${p.entry.caveat}` : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The published count of host kernel functions this runtime's workloads reached, per application. */
function kernelFunctionsLine(r: CompareRow): string[] {
  const counts = kernelFunctionCounts(r.runtime.id, r.options);
  if (!counts.length) return [];
  return [`  kernel fns  ${counts.map((c) => `${c.app} ${c.functions}`).join(', ')} distinct host kernel functions per application (${counts[0]?.id.replace(/-[a-z]+-[a-z]+-[a-z_]+$/, '')}-*, Nabla measurements, ±5)`];
}

function rowJson(r: CompareRow) {
  if (!r.ok) return { runtime: r.runtime.id, label: r.label, options: r.options, refused: r.message };
  return {
    runtime: r.runtime.id, label: r.label, options: r.options, servedBy: r.servedBy, hops: r.hops, costNs: r.costNs, warmCostNs: r.warmCostNs, ratio: r.ratio, baseline: r.baseline,
    hostCalls: r.hostCalls, calls: r.calls.map(callJson), status: r.status, stdout: r.stdout,
    startup: startupFigures(r.runtime.id, r.options), kernelFunctions: kernelFunctionCounts(r.runtime.id, r.options),
    published: r.published.map((p) => ({ what: p.entry.what, against: p.against, ratio: p.entry.numerator.value / p.entry.denominator.value, numerator: p.entry.numerator.id, denominator: p.entry.denominator.id, conditions: p.entry.conditions, modelled: p.modelled, warm: p.entry.warm, calibrated: p.entry.calibrated })),
  };
}
