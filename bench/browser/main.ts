// The page `npm run bench:browser` loads. It imports the model, fetches the
// 100,000-call strace log and replays it through the chosen runtimes
// (`?runtimes=runc` or `?runtimes=all`, a chunk of each in turn) `?chunk=`
// lines at a time (default: replay.ts's 5,000), yielding to the event loop
// with setTimeout(0) between tasks. A task is one chunk, or with `?budget=ms`
// as many chunks as fit in that many milliseconds. The figures are left on
// window.__bench. The model is imported dynamically so that its load is timed
// apart from the replay.
import type { RuntimeModel } from '../../src/sim/runtime/types.ts';
import type { ReplayStep } from '../../src/sim/strace/replay.ts';

export interface BrowserBenchResult {
  runtimes: string[];
  chunkLines: number;
  budgetMs: number;
  /** import() of the model: fetching, parsing and evaluating it, its tables included. */
  importMs: number;
  /** fetch() of the log and its decoding to a string. */
  fetchMs: number;
  lines: number;
  chunks: number;
  /** The work done between two yields, measured around it. */
  tasks: number;
  longestTaskMs: number;
  medianTaskMs: number;
  /** From the first task to the last, yields included. */
  totalMs: number;
  /** Long tasks (> 50 ms) the browser itself reported while replaying, and before it: during import() and during fetch(). */
  longTasksMs: number[];
  importLongTasksMs: number[];
  fetchLongTasksMs: number[];
  /** performance.memory (precise with --enable-precise-memory-info), bytes. */
  heapBefore: number;
  heapWithText: number;
  heapPeak: number;
  heapLimit: number;
}

declare global {
  interface Window {
    __bench?: BrowserBenchResult | { error: string };
  }
}

type Memory = { usedJSHeapSize: number; jsHeapSizeLimit: number };
const memory = (): Memory => (performance as Performance & { memory?: Memory }).memory ?? { usedJSHeapSize: Number.NaN, jsHeapSizeLimit: Number.NaN };
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const query = new URLSearchParams(location.search);

interface Stepper {
  steps: Generator<ReplayStep, void, undefined>;
  done: boolean;
}

/** Replays every stepper to the end, a chunk of each in turn: each task's duration, the log's lines, the peak heap. */
async function replayInTasks(live: Stepper[], budgetMs: number): Promise<{ tasks: number[]; chunks: number; lines: number; heapPeak: number }> {
  const tasks: number[] = [];
  let chunks = 0;
  let lines = 0;
  let heapPeak = memory().usedJSHeapSize;
  let turn = 0;
  for (let open = live; open.length > 0; open = live.filter((s) => !s.done)) {
    const t0 = performance.now();
    do {
      const s = open[turn++ % open.length];
      if (!s || s.done) break;
      const step = s.steps.next();
      if (!step.done && step.value.type === 'done') lines = step.value.report.lines;
      s.done = step.done === true || step.value.type === 'done';
      chunks++;
    } while (performance.now() - t0 < budgetMs);
    tasks.push(performance.now() - t0);
    heapPeak = Math.max(heapPeak, memory().usedJSHeapSize);
    await nextTask();
  }
  return { tasks, chunks, lines, heapPeak };
}

async function measure(): Promise<BrowserBenchResult> {
  const longTasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  const heapBefore = memory().usedJSHeapSize;
  const i0 = performance.now();
  const [{ RUNTIMES }, { DEFAULT_CHUNK_LINES, replayChunks }] = await Promise.all([
    import('../../src/sim/runtime/registry.ts'),
    import('../../src/sim/strace/replay.ts'),
  ]);
  const importEnd = performance.now();
  const importMs = importEnd - i0;
  const wanted = query.get('runtimes') ?? 'runc';
  const models: readonly RuntimeModel[] = wanted === 'all' ? RUNTIMES : RUNTIMES.filter((r) => wanted.split(',').includes(r.id));
  if (models.length === 0) throw new Error(`no runtime matches ?runtimes=${wanted}`);
  const chunkLines = Number(query.get('chunk') ?? DEFAULT_CHUNK_LINES);
  const budgetMs = Number(query.get('budget') ?? 0);

  const f0 = performance.now();
  const text = await (await fetch('./replay.strace')).text();
  const fetchMs = performance.now() - f0;
  const heapWithText = memory().usedJSHeapSize;
  await nextTask();

  const t0 = performance.now();
  const live = models.map((m) => ({ steps: replayChunks(text, m.classify, chunkLines, m.argDependent), done: false }));
  const run = await replayInTasks(live, budgetMs);
  const totalMs = performance.now() - t0;
  await nextTask(); // lets the observer deliver the last entries
  const sorted = [...run.tasks].sort((a, b) => a - b);
  return {
    runtimes: models.map((m) => m.id),
    chunkLines,
    budgetMs,
    importMs,
    fetchMs,
    lines: run.lines,
    chunks: run.chunks,
    tasks: run.tasks.length,
    longestTaskMs: sorted[sorted.length - 1] ?? 0,
    medianTaskMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    totalMs,
    longTasksMs: longTasks.filter((e) => e.startTime >= t0).map((e) => e.duration),
    importLongTasksMs: longTasks.filter((e) => e.startTime < importEnd).map((e) => e.duration),
    fetchLongTasksMs: longTasks.filter((e) => e.startTime >= importEnd && e.startTime < t0).map((e) => e.duration),
    heapBefore,
    heapWithText,
    heapPeak: run.heapPeak,
    heapLimit: memory().jsHeapSizeLimit,
  };
}

const status = document.getElementById('status');
measure().then(
  (result) => {
    window.__bench = result;
    if (status) status.textContent = `done: ${JSON.stringify(result)}`;
  },
  (e: unknown) => {
    window.__bench = { error: e instanceof Error ? e.message : String(e) };
    if (status) status.textContent = `failed: ${window.__bench.error}`;
  },
);
