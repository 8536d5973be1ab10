// `npm run bench:ui`: the lab in headless Chromium (/usr/bin/chromium), built
// and served locally like the e2e tests. Measures, over COLD fresh pages:
// (1) how long after navigation the terminal shows its prompt (and when the
// model behind it has loaded), and (2) the frame intervals while four
// runtimes animate side by side (`compare runc gvisor kata nabla`, playing).
// Targets: prompt ≤ 1 s; 95th percentile frame interval ≤ 20 ms. Reports only.
import { launchChromium } from '../tests/e2e/chromium.ts';
import { buildAndServe } from '../tests/e2e/serveApp.ts';

const COLD = 3;
const FRAMES = 300;
const PROMPT_TARGET_MS = 1000;
const FRAME_TARGET_MS = 20;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? Number.NaN;

const served = await buildAndServe();
const browser = await launchChromium();
const rows: { prompt: number; model: number; p50: number; p95: number; max: number }[] = [];
try {
  for (let i = 0; i < COLD; i++) {
    // The lab's CSP forbids eval; the measuring code is the bench's, not the page's, so the context lets it in.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(served.url, { waitUntil: 'commit' });
    // Page code goes in as strings: tsx would wrap named functions in a helper the page does not have.
    await page.waitForFunction("[...document.querySelectorAll('.terminal-host .xterm-rows > div')].some((d) => (d.textContent || '').includes('runc$'))", undefined, { polling: 'raf', timeout: 20_000 });
    const prompt = await page.evaluate<number>('performance.now()');
    await page.waitForSelector('#pick-runtime', { timeout: 20_000 });
    const model = await page.evaluate<number>('performance.now()');
    await page.locator('.terminal-host').click();
    await page.keyboard.type('compare runc gvisor kata nabla -- openat(AT_FDCWD, "/etc/passwd", O_RDONLY)');
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.querySelectorAll('.compare-section svg').length === 4", undefined, { timeout: 20_000 });
    const frames = await page.evaluate<number[]>(`new Promise((resolve) => {
      const out = [];
      let last = performance.now();
      function tick(now) { out.push(now - last); last = now; if (out.length < ${FRAMES}) requestAnimationFrame(tick); else resolve(out.slice(1)); }
      requestAnimationFrame(tick);
    })`);
    rows.push({ prompt, model, p50: pct(frames, 0.5), p95: pct(frames, 0.95), max: Math.max(...frames) });
    await context.close();
  }
} finally {
  await browser.close();
  await served.close();
}

const f = (x: number) => `${x.toFixed(1)} ms`;
console.log('| run | prompt shown | model loaded | frame p50 | frame p95 | longest frame |');
console.log('|---|---|---|---|---|---|');
rows.forEach((r, i) => console.log(`| ${i + 1} | ${f(r.prompt)} | ${f(r.model)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} |`));
const worstPrompt = Math.max(...rows.map((r) => r.prompt));
const worstP95 = Math.max(...rows.map((r) => r.p95));
console.log(`\nprompt ≤ ${PROMPT_TARGET_MS} ms: worst ${f(worstPrompt)} ${worstPrompt <= PROMPT_TARGET_MS ? '✓' : '✗'}`);
console.log(`frame p95 ≤ ${FRAME_TARGET_MS} ms while four runtimes animate: worst ${f(worstP95)} ${worstP95 <= FRAME_TARGET_MS ? '✓' : '✗'}`);
