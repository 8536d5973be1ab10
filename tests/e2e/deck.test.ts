import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launchChromium } from './chromium.ts';
import { buildAndServe, ROOT, type Served } from './serveApp.ts';

/**
 * The lab inside a slide deck (issue 6, point 4): public/deck/ iframes it in
 * reveal.js-like markup and drives it through postMessage (run, step, back,
 * play, pause, setRuntime, reset); the lab answers with `stepped` events.
 * The deck keeps its own keys until the lab is clicked, and gets them back
 * on Esc. Leaves screenshots/deck.png.
 */

interface Stepped {
  type: string;
  entry: { id: number; input: string; runtime: string } | null;
  call: number;
  hop: number;
  hops: number;
  playing: boolean;
  layer: string | null;
  verdict: string | null;
  result: string | null;
}

let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
let lab: Frame;
const warnings: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  served = await buildAndServe();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(`${served.url}deck/index.html`, { waitUntil: 'load' });
  const frame = await (await page.locator('#lab').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the deck has no lab iframe');
  lab = frame;
  await page.waitForFunction(() => (window as unknown as { labEvents: { type: string }[] }).labEvents.some((x) => x.type === 'ready'), undefined, { timeout: 15_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
}, 15_000);

const events = () => page.evaluate(() => (window as unknown as { labEvents: Stepped[] }).labEvents);
const last = async () => (await events()).filter((e) => e.type === 'stepped').at(-1);
const slide = () => page.evaluate(() => document.body.dataset.slide);
const labScreen = async () => (await lab.locator('.terminal-host .xterm-rows > div').allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trimEnd()).join('\n');

describe('the lab in a deck', () => {
  it('takes no focus on load: the deck keeps its keys', async () => {
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await slide()).toBe('3');
    await page.keyboard.press('ArrowLeft');
    expect(await slide()).toBe('2');
    expect(await lab.locator('header.bar').count()).toBe(0);
  }, 15_000);

  it('run: the line runs in the lab, which waits on its first hop (still=1) and says so', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(last, { timeout: 15_000 }).toMatchObject({ entry: { input: 'getpid()', runtime: 'gvisor' }, call: 0, hop: 0, playing: false, layer: 'Application', verdict: 'pass', result: 'getpid() = 1' });
    await expect.poll(labScreen).toContain('gvisor$ getpid()\ngetpid() = 1');
    expect(await lab.locator('.diagram-pane').getAttribute('data-runtime')).toBe('gvisor');
  }, 20_000);

  it('step (a button, and the deck\'s s key) and back move one hop, and the diagram follows', async () => {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(last).toMatchObject({ hop: 1, layer: 'glibc' });
    await page.keyboard.press('s');
    await expect.poll(last).toMatchObject({ hop: 2, layer: 'platform trap', verdict: 'forwarded' });
    await expect.poll(() => lab.locator('.narration').textContent()).toContain('Hop 3 of');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect.poll(last).toMatchObject({ hop: 1, layer: 'glibc' });
  }, 15_000);

  it('play runs to the last hop; pause stops', async () => {
    // Only events after this click count: earlier tests left `stepped` events (some playing) in the list.
    const before = (await events()).length;
    const since = async () => (await events()).slice(before).filter((e) => e.type === 'stepped');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => since().then((e) => e.some((x) => x.playing)), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => since().then((e) => e.at(-1)), { timeout: 15_000 }).toMatchObject({ playing: false, result: 'getpid() = 1' });
    const end = await last();
    expect(end?.hop).toBe((end?.hops ?? 0) - 1);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(last).toMatchObject({ playing: false });
  }, 30_000);

  it('setRuntime switches the lab\'s runtime with its settings; the next run goes there', async () => {
    await page.getByLabel('Runtime').selectOption('gvisor:platform=kvm');
    await page.getByRole('button', { name: 'Set runtime' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(last, { timeout: 10_000 }).toMatchObject({ entry: { id: 2, input: 'getpid()', runtime: 'gvisor' }, hop: 0 });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(last).toMatchObject({ hop: 2 });
    expect((await last())?.layer).toMatch(/KVM|platform|trap/i);
    await page.getByLabel('Runtime').selectOption('runc');
    await page.getByRole('button', { name: 'Set runtime' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(last, { timeout: 10_000 }).toMatchObject({ entry: { id: 3, runtime: 'runc' }, layer: 'Application' });
    await expect.poll(() => lab.locator('.diagram-pane').getAttribute('data-runtime')).toBe('runc');
    await page.screenshot({ path: join(ROOT, 'screenshots', 'deck.png') });
  }, 30_000);

  it('a message the lab cannot read is ignored with a warning; the lab still answers', async () => {
    await page.evaluate(() => {
      const w = (document.getElementById('lab') as HTMLIFrameElement).contentWindow;
      w?.postMessage({ isolab: 1, type: 'fly' }, '*');
      w?.postMessage('step', '*');
      w?.postMessage({ isolab: 1, type: 'run' }, '*');
      w?.postMessage({ isolab: 1, type: 'setRuntime', runtime: 'vmware' }, '*');
    });
    await expect.poll(() => warnings.join('\n')).toContain("unknown type 'fly'");
    expect(warnings.join('\n')).toContain('run needs a line');
    expect(warnings.join('\n')).toContain("no runtime 'vmware'");
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(last).toMatchObject({ entry: { id: 3 }, hop: 1 });
  }, 15_000);

  it('reset empties the lab', async () => {
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(last).toMatchObject({ entry: null, layer: null });
    await expect.poll(labScreen).not.toContain('getpid() = 1');
  }, 15_000);

  it('a click into the lab gives it the keys; Esc gives them back to the deck', async () => {
    await lab.locator('.terminal-host').click();
    await page.keyboard.press('ArrowRight');
    expect(await slide()).toBe('2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(await slide()).toBe('3');
    expect(errors).toEqual([]);
  }, 15_000);
});
