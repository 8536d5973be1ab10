// `npm run bench:replay`: how fast a real 200,000-line strace log is replayed
// against a runtime's static classifier, next to the floor of reading the
// file and pulling each line's syscall name out with a regex; and how long
// the longest 5,000-line chunk takes, which bounds how long a browser tab
// would stall between frames.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { replayChunks, replayLog } from '../src/sim/strace/replay.ts';
import type { ReplayReport } from '../src/sim/strace/replayReport.ts';
import { loadClassifier, type BenchClassifier } from './benchClassifier.ts';
import { makeLogs } from './makeLog.ts';

const RUNS = 5;
/** Runs before timing, so the JIT has settled (the first runs are up to twice as slow). */
const WARM_UP = 2;
const CHUNK_LINES = 5000;
const TARGET_RATIO = 10;
const TARGET_CHUNK_MS = 50;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

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

function median(run: () => unknown): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

/** The longest single chunk, over RUNS runs after a warm-up, and the median chunk. */
function chunkTimes(path: string, c: BenchClassifier): { worst: number; typical: number; chunks: number } {
  const text = readFileSync(path, 'utf8');
  const all: number[] = [];
  for (let run = 1 - WARM_UP; run <= RUNS; run++) {
    const steps = replayChunks(text, c.classify, CHUNK_LINES, c.argDependent);
    for (;;) {
      const t0 = performance.now();
      const step = steps.next();
      if (run > 0) all.push(performance.now() - t0);
      if (step.done || step.value.type === 'done') break;
    }
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { worst: sorted[sorted.length - 1] ?? 0, typical: sorted[Math.floor(sorted.length / 2)] ?? 0, chunks: all.length / RUNS };
}

/** Peak heap while replaying in chunks (sampled after each), above what the file text itself takes. */
function peakHeap(path: string, c: BenchClassifier): { peak: number; text: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const text = readFileSync(path, 'utf8');
  const withText = process.memoryUsage().heapUsed;
  let peak = withText;
  for (const _ of replayChunks(text, c.classify, CHUNK_LINES, c.argDependent)) peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { peak: peak - before, text: withText - before };
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (t: number): string => `${t.toFixed(1)} ms`;

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const files = makeLogs();
  const c = await loadClassifier();
  const report = replay(files.big, c);
  const noMemo: BenchClassifier = { ...c, argDependent: undefined };
  const tBase = median(() => baseline(files.big));
  const tFull = median(() => replay(files.big, c));
  const tNoMemo = median(() => replay(files.big, noMemo));
  const chunks = chunkTimes(files.calls, c);
  const heap = peakHeap(files.big, c);
  const perSec = (t: number): string => `${Math.round(report.lines / (t / 1000)).toLocaleString('en')} lines/s`;
  const ratio = tFull / tBase;
  process.stdout.write(`log: ${files.big} (${report.lines} lines, ${report.calls} calls, ${report.unreadable.length} unreadable; from ${files.source})\n`);
  process.stdout.write(`classifier: ${c.label}\nmedian of ${RUNS} runs after ${WARM_UP} warm-up runs\n\n`);
  process.stdout.write(`${table([
    ['measure', 'time', 'throughput', 'vs baseline', 'target'],
    ['(a) read + regex name per line', ms(tBase), perSec(tBase), '1.0×', ''],
    ['(b) read + replayLog', ms(tFull), perSec(tFull), `${ratio.toFixed(1)}×`, `≤ ${TARGET_RATIO}× ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`],
    ['(b) without memoised verdicts', ms(tNoMemo), perSec(tNoMemo), `${(tNoMemo / tBase).toFixed(1)}×`, ''],
    [`(c) longest ${CHUNK_LINES}-line chunk`, ms(chunks.worst), `median ${ms(chunks.typical)}`, `${chunks.chunks} chunks`, `< ${TARGET_CHUNK_MS} ms ${chunks.worst < TARGET_CHUNK_MS ? 'ok' : 'MISSED'}`],
  ])}\n\n`);
  process.stdout.write(`peak heap during replay: ${mb(heap.peak)} (of which the log text ${mb(heap.text)}); max RSS ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
  process.stdout.write(`totals: allowed ${report.totals.allowed}, denied ${report.totals.denied}, differs ${report.totals.differs}\n`);
}

await main();
