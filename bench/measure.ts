// Timing and heap helpers for bench/replay.ts: medians after a warm-up, the
// longest chunk of a chunked replay, and the peak heap while one runs.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { replayChunks, type ReplayStep } from '../src/sim/strace/replay.ts';
import type { BenchClassifier } from './benchClassifier.ts';

export const RUNS = 5;
/** Runs before timing, so the JIT has settled (the first runs are up to twice as slow). */
export const WARM_UP = 2;
export const CHUNK_LINES = 5000;

setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;
const heapUsed = (): number => process.memoryUsage().heapUsed;

/** Median wall time of `run`, in ms. */
export function median(run: () => unknown): number {
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

export interface ChunkFigures {
  /** The longest single chunk over every timed run, ms. */
  worst: number;
  /** Which runtime that chunk belonged to. */
  worstBy: string;
  /** The median chunk, ms. */
  typical: number;
  /** Chunks per run, over all runtimes together. */
  chunks: number;
  /** Peak heap above what it was before the log was read, bytes; and the log text's share. */
  peak: number;
  text: number;
}

type Stepper = { c: BenchClassifier; steps: Generator<ReplayStep, void, undefined>; done: boolean };

/**
 * Replays one log through every classifier given, a chunk of each in turn (as
 * a compare view would, with every report alive at once), timing each chunk.
 * `onChunk` runs after every chunk, outside the timed part.
 */
function roundRobin(text: string, cs: BenchClassifier[], onChunk: (ms: number, c: BenchClassifier) => void): void {
  const all: Stepper[] = cs.map((c) => ({ c, steps: replayChunks(text, c.classify, CHUNK_LINES, c.argDependent), done: false }));
  for (let live = all; live.length > 0; live = live.filter((s) => !s.done)) {
    for (const s of live) {
      const t0 = performance.now();
      const step = s.steps.next();
      const ms = performance.now() - t0;
      s.done = step.done === true || step.value.type === 'done';
      onChunk(ms, s.c);
    }
  }
}

/** Chunk times over RUNS runs after WARM_UP runs, then the peak heap in one more run. */
export function chunked(path: string, cs: BenchClassifier[]): ChunkFigures {
  const times: { ms: number; id: string }[] = [];
  for (let run = 1 - WARM_UP; run <= RUNS; run++) {
    const text = readFileSync(path, 'utf8');
    roundRobin(text, cs, (ms, c) => {
      if (run > 0) times.push({ ms, id: c.id });
    });
  }
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const worst = sorted[sorted.length - 1];
  gc();
  const before = heapUsed();
  const text = readFileSync(path, 'utf8');
  const withText = heapUsed();
  let peak = withText;
  roundRobin(text, cs, () => {
    peak = Math.max(peak, heapUsed());
  });
  return {
    worst: worst?.ms ?? 0,
    worstBy: worst?.id ?? '',
    typical: sorted[Math.floor(sorted.length / 2)]?.ms ?? 0,
    chunks: times.length / RUNS,
    peak: peak - before,
    text: withText - before,
  };
}

/** The one-minute load average: on a busy machine every figure here grows. */
export const load = (): string => (loadavg()[0] ?? Number.NaN).toFixed(2);

/** The machine, for the report: CPU model and count, Node's version. */
export const machine = (): string => `${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}, Node ${process.version}`;
