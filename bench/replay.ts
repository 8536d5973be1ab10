// `npm run bench:replay`: how fast a real 200,000-line strace log is replayed
// against the runtimes' static classifiers, next to the floor of reading the
// file and pulling each line's syscall name out with a regex; how long the
// longest 5,000-line chunk takes, which bounds how long a browser tab would
// stall between frames; and the same for the 100,000-call log replayed through
// every runtime at once, with the peak heap that takes.
import { readFileSync } from 'node:fs';
import { replayLog } from '../src/sim/strace/replay.ts';
import type { ReplayReport } from '../src/sim/strace/replayReport.ts';
import { allClassifiers, runtimeClassifier, withoutMemo, type BenchClassifier } from './benchClassifier.ts';
import { makeLogs } from './makeLog.ts';
import { CHUNK_LINES, chunked, load, machine, median, RUNS, WARM_UP } from './measure.ts';

const TARGET_RATIO = 10;
const TARGET_CHUNK_MS = 50;

/** The floor: read the file, split it, take each line's syscall name with one regex. */
const NAME = /^(?:\[pid +\d+\] |\d+ +)?(?:[\d:.]+ +)?([A-Za-z_]\w*)\(/;
function baseline(path: string): number {
  const names = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const name = NAME.exec(line)?.[1];
    if (name !== undefined) names.set(name, (names.get(name) ?? 0) + 1);
  }
  return names.size;
}

function replay(path: string, c: BenchClassifier): ReplayReport {
  return replayLog(readFileSync(path, 'utf8'), c.classify, c.argDependent);
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (t: number): string => `${t.toFixed(1)} ms`;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

function main(): void {
  const files = makeLogs();
  const loadBefore = load();
  const runc = runtimeClassifier('runc');
  const host = runtimeClassifier('host');
  const reports = [runc, host].map((c) => ({ c, report: replay(files.big, c) }));
  const lines = reports[0]?.report.lines ?? 0;
  const perSec = (t: number): string => `${Math.round(lines / (t / 1000)).toLocaleString('en')} lines/s`;

  const tBase = median(() => baseline(files.big));
  const rows = [['measure', 'time', 'throughput', 'vs baseline', 'target'], ['(a) read + regex name per line', ms(tBase), perSec(tBase), '1.0×', '']];
  for (const c of [runc, host, withoutMemo(runc)]) {
    const t = median(() => replay(files.big, c));
    const ratio = t / tBase;
    const memo = c.argDependent !== undefined;
    const label = memo ? `(b) read + replayLog, ${c.id}` : `(b) ${c.id} without memoised verdicts`;
    rows.push([label, ms(t), perSec(t), `${ratio.toFixed(1)}×`, memo ? `≤ ${TARGET_RATIO}× ${verdict(ratio <= TARGET_RATIO)}` : '']);
  }
  const one = chunked(files.calls, [runc]);
  const all = chunked(files.calls, allClassifiers());
  rows.push([`(c) longest ${CHUNK_LINES}-line chunk, runc`, ms(one.worst), `median ${ms(one.typical)}`, `${one.chunks} chunks`, `< ${TARGET_CHUNK_MS} ms ${verdict(one.worst < TARGET_CHUNK_MS)}`]);
  rows.push([`(c') same, all ${allClassifiers().length} runtimes in turn`, ms(all.worst), `median ${ms(all.typical)}`, `${all.chunks} chunks`, `< ${TARGET_CHUNK_MS} ms ${verdict(all.worst < TARGET_CHUNK_MS)}`]);

  const out = (s: string): boolean => process.stdout.write(s);
  const r0 = reports[0]?.report;
  out(`machine: ${machine()}; load average ${loadBefore} at start, ${load()} at the end\n`);
  out(`log (a, b): ${files.big} (${lines} lines, ${r0?.calls} calls, ${r0?.unreadable.length} unreadable; from ${files.source})\n`);
  out(`log (c, c'): ${files.calls}\n`);
  out(`classifiers: ${allClassifiers().map((c) => c.id).join(', ')}: each runtime's own classify/argDependent from src/sim/runtime/registry.ts\n`);
  out(`median of ${RUNS} runs after ${WARM_UP} warm-up runs; longest chunk over all ${RUNS} runs\n\n${table(rows)}\n\n`);
  out(`peak heap, 100k-call log through runc in chunks: ${mb(one.peak)} (of which the log text ${mb(one.text)})\n`);
  out(`peak heap, 100k-call log through all runtimes in turn: ${mb(all.peak)} (of which the log text ${mb(all.text)}); longest chunk was ${all.worstBy}'s\n`);
  out(`max RSS ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
  for (const { c, report } of reports) {
    const t = report.totals;
    const denials = t.denials.map((d) => `${d.count} ${d.errno ?? ''} at ${d.layer}`).join(', ');
    out(`${c.id}: allowed ${t.allowed}, denied ${t.denied}${denials ? ` (${denials})` : ''}, differs from the log ${t.differs}\n`);
  }
}

main();
