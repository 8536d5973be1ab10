import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launchChromium } from './chromium.ts';
import { buildAndPreview, ROOT, type Served } from './serveApp.ts';

/**
 * The diagram and the playback controls in real Chromium: d3 draws the
 * runtime's layers, the token goes where the hop is, gates light by verdict,
 * the keyboard and the timeline move playback, reduced motion moves the token
 * at once. A small page mounts only these parts and the store (the lab's page
 * may lay them out as it likes); it is built into a temp dir like the app.
 * Leaves screenshots/diagram.png.
 */

const HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>diagram</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>';
const MAIN = `
import { createRoot } from 'react-dom/client';
import { labStore } from '${ROOT}src/store/labStore.ts';
import { Diagram } from '${ROOT}src/ui/diagram/Diagram.tsx';
import { Controls } from '${ROOT}src/ui/playback/Controls.tsx';
import { Narration } from '${ROOT}src/ui/playback/Narration.tsx';
import { Timeline } from '${ROOT}src/ui/playback/Timeline.tsx';
import '${ROOT}src/ui/lab.css';
Object.assign(window, { lab: labStore });
createRoot(document.getElementById('root')).render(
  <main className="panes">
    <section className="pane pane-terminal"><Controls /><Narration /><Timeline /></section>
    <section className="pane pane-diagram"><Diagram /></section>
  </main>,
);
`;

async function buildHarness(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'isolab-diagram-'));
  const src = join(dir, 'src');
  mkdirSync(src);
  writeFileSync(join(src, 'index.html'), HTML);
  writeFileSync(join(src, 'main.tsx'), MAIN);
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir'); // react and d3 resolve from the repo
  const outDir = join(dir, 'dist');
  const config = { root: src, configFile: false as const, logLevel: 'error' as const, plugins: [react()], build: { outDir, emptyOutDir: true } };
  return buildAndPreview(config, () => rmSync(dir, { recursive: true, force: true }));
}

let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  served = await buildHarness();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('404')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(served.url, { waitUntil: 'load' });
  // The page's store loads the model after first paint.
  await page.waitForFunction(() => (window as unknown as { lab?: { getState(): { ready: boolean } } }).lab?.getState().ready === true);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
}, 15_000);

type Lab = { getState(): Record<string, (...a: unknown[]) => void> };
const act = (fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as unknown as { lab: Lab }).lab.getState()[f as string]?.(...(a as unknown[])), [fn, args] as const);
const narration = () => page.locator('.narration').textContent();
const token = () => page.locator('svg.diagram circle.token').evaluate((c) => ({ cy: Number(c.getAttribute('cy')), opacity: (c as SVGElement).style.opacity }));
const centreOf = (layer: string) => page.locator(`svg.diagram g.node[data-layer="${layer}"] rect.shape`).evaluate((r) => Number(r.getAttribute('y')) + Number(r.getAttribute('height')) / 2);

describe('the diagram pane', () => {
  it("draws the chosen runtime's layers before any call, with the host kernel band and no token", async () => {
    await expect.poll(() => page.locator('svg.diagram g.node').count()).toBe(10);
    expect(await page.locator('svg.diagram g.band').count()).toBe(1);
    expect((await token()).opacity).toBe('0');
    await act('chooseRuntime', 'kata');
    await expect.poll(() => page.locator('svg.diagram g.node.kind-helper').count()).toBe(3);
  }, 15_000);

  it('plays keyctl under runc to the seccomp filter: red gate, ✕, the sentence, the counters', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await act('chooseRuntime', 'runc');
    await act('submitCommand', 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)');
    await act('seek', 1, 0, 3);
    await expect.poll(narration).toMatch(/^Hop 4 of 5, seccomp filter, deny: Docker's default profile/);
    expect(await page.locator('svg.diagram g.node[data-layer="seccomp"]').getAttribute('data-verdict')).toBe('deny');
    expect(await page.locator('svg.diagram g.node[data-layer="libc"]').getAttribute('data-verdict')).toBe('pass');
    expect(await page.locator('svg.diagram g.stop-mark').count()).toBe(1);
    expect((await token()).cy).toBeCloseTo(await centreOf('seccomp'), 3);
    expect(await page.locator('.diagram-note').textContent()).toContain("Docker's default profile");
    expect(await page.locator('.diagram-counter .hostcalls dd').textContent()).toBe('1');
    mkdirSync(join(ROOT, 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'screenshots', 'diagram.png'), fullPage: true });
  }, 15_000);

  it.each([
    { key: 'Period', hop: 'Hop 5 of 5', layer: 'syscall' },
    { key: 'Comma', hop: 'Hop 4 of 5', layer: 'seccomp' },
  ])('the $key key steps to $hop, and with reduced motion the token is there at once', async ({ key, hop, layer }) => {
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press(key);
    await expect.poll(narration).toContain(hop);
    expect((await token()).cy).toBeCloseTo(await centreOf(layer), 3);
  }, 15_000);

  it('a hop on the timeline seeks there; Enter works as well as a click', async () => {
    await page.locator('.tl-hop', { hasText: 'glibc' }).click();
    await expect.poll(narration).toContain('Hop 2 of 5, glibc');
    await page.locator('.tl-hop', { hasText: 'Application' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(narration).toContain('Hop 1 of 5, Application');
    expect(await page.locator('.tl-hop[aria-current="step"]').textContent()).toContain('Application');
  }, 15_000);

  it('lights a denied gate in the dark theme with its dark colour', async () => {
    await act('seek', 1, 0, 3);
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    const fill = await page.locator('svg.diagram g.node[data-layer="seccomp"] rect.shape').evaluate((r) => getComputedStyle(r).fill);
    expect(fill).toBe('rgb(255, 107, 107)');
    await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  }, 15_000);

  it('logged no error', () => {
    expect(errors).toEqual([]);
  });
});
