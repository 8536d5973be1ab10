// `npm run bench:browser`: the 100,000-call strace log replayed in headless
// Chromium in chunks, setTimeout(0) between tasks, through runc alone and
// through every runtime in turn (CASES); each case loaded COLD times into a
// fresh page, so every run starts with a cold JIT as a person's would.
// Reports the longest task, the long tasks (> 50 ms) the browser itself saw,
// and the JS heap. Builds
// bench/browser/ (a page of its own, not the lab) with Vite into
// bench/out/browser/ and serves it with `vite preview` on localhost.
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig } from 'vite';
import { launchChromium } from '../tests/e2e/chromium.ts';
import type { BrowserBenchResult } from './browser/main.ts';
import { makeLogs, OUT } from './makeLog.ts';
import { load, machine } from './measure.ts';

const PAGE = fileURLToPath(new URL('./browser', import.meta.url));
const OUT_DIR = join(OUT, 'browser');
const TARGET_TASK_MS = 50;
/** One chunk per task at replay.ts's default and at 1,000 lines; then 250-line chunks packed into 10 ms tasks. */
const CASES = [
  { runtimes: 'runc', chunk: 5000, budget: 0 },
  { runtimes: 'all', chunk: 5000, budget: 0 },
  { runtimes: 'all', chunk: 1000, budget: 0 },
  { runtimes: 'all', chunk: 250, budget: 10 },
];
const COLD = 3;

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (t: number): string => `${t.toFixed(1)} ms`;

async function servePage(log: string): Promise<{ url: string; close: () => Promise<void> }> {
  const config: InlineConfig = { root: PAGE, configFile: false, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } };
  await build({ ...config, mode: 'production' });
  copyFileSync(log, join(OUT_DIR, 'replay.strace'));
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview started without a local URL');
  return { url, close: () => server.close() };
}

const max = (xs: number[]): number => Math.max(0, ...xs);
const mid = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** One case over its cold runs: the worst task of any run, medians of the rest. */
function row(rs: BrowserBenchResult[]): string[] {
  const tasks = rs.flatMap((r) => r.longTasksMs);
  const worst = max([...rs.map((r) => r.longestTaskMs), ...tasks]);
  const first = rs[0];
  return [
    first?.runtimes.join(' + ') ?? '',
    `${first?.chunkLines ?? '?'}${first?.budgetMs ? `, ${first.budgetMs} ms` : ''}`,
    `${first?.tasks ?? '?'}`,
    ms(max(rs.map((r) => r.longestTaskMs))),
    ms(mid(rs.map((r) => r.medianTaskMs))),
    tasks.length ? `${tasks.length}, longest ${ms(max(tasks))}` : 'none',
    `${(mid(rs.map((r) => r.totalMs)) / 1000).toFixed(2)} s`,
    mb(max(rs.map((r) => r.heapPeak))),
    `≤ ${TARGET_TASK_MS} ms ${worst <= TARGET_TASK_MS ? 'ok' : 'MISSED'}`,
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  const files = makeLogs();
  const loadBefore = load();
  const served = await servePage(files.calls);
  const browser = await launchChromium(['--enable-precise-memory-info']);
  const results: BrowserBenchResult[][] = [];
  try {
    for (const c of CASES) {
      const runs: BrowserBenchResult[] = [];
      for (let i = 0; i < COLD; i++) {
        const page = await browser.newPage(); // a fresh page each time: a cold JIT, as a person gets
        await page.goto(`${served.url}?runtimes=${c.runtimes}&chunk=${c.chunk}&budget=${c.budget}`);
        await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 120_000 });
        const result = await page.evaluate(() => window.__bench);
        if (!result || 'error' in result) throw new Error(`the page failed: ${result?.error ?? 'no result'}`);
        runs.push(result);
        await page.close();
      }
      results.push(runs);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  const all = results.flat();
  const first = all[0];
  const out = (s: string): boolean => process.stdout.write(s);
  out(`machine: ${machine()}; load average ${loadBefore} at start, ${load()} at the end\n`);
  out(`browser: Chromium ${browser.version()} headless; log: ${files.calls} (${mb(statSync(files.calls).size)}, ${first?.lines ?? '?'} lines)\n`);
  out(`setTimeout(0) between tasks; a task is one chunk, or as many as fit in the budget; ${COLD} cold page loads per row: the worst of any, medians otherwise\n\n`);
  const head = ['runtimes', 'chunk lines, budget', 'tasks', 'longest task', 'median task', 'long tasks (browser)', 'total', 'peak JS heap', 'target'];
  out(`${table([head, ...results.map(row)])}\n\n`);
  const longest = (xs: number[]): string => (xs.length ? `${xs.length} in ${all.length} loads, longest ${ms(max(xs))}` : 'none');
  out(`JS heap: ${mb(mid(all.map((r) => r.heapBefore)))} at start, ${mb(mid(all.map((r) => r.heapWithText)))} with the log text, peak ${mb(max(all.map((r) => r.heapPeak)))}, of a ${mb(first?.heapLimit ?? Number.NaN)} limit\n`);
  out(`before the replay (medians): import() of the model ${ms(mid(all.map((r) => r.importMs)))}, long tasks ${longest(all.flatMap((r) => r.importLongTasksMs))};\n`);
  out(`  fetch() + text() of the log ${ms(mid(all.map((r) => r.fetchMs)))}, long tasks ${longest(all.flatMap((r) => r.fetchLongTasksMs))}\n`);
}

await main();
