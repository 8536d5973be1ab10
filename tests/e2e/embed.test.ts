import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launchChromium } from './chromium.ts';
import { terminalScreen, typeLine } from './labPage.ts';
import { buildAndServe, ROOT, type Served } from './serveApp.ts';

/**
 * The URL's settings, the share link and the exports in real Chromium
 * (issue 6, points 4 and 5): embed=1 has no chrome, panels=… shows those,
 * lang=zh speaks Chinese, presenter=1 is large, high-contrast and still, a
 * shared link restores the session exactly in a fresh browser context, a bad
 * link starts clean with a message, Esc gives the keyboard back, the Embed
 * dialog builds the URL, and the SVG and PNG exports download.
 * Leaves screenshots/embed.png and screenshots/presenter.png.
 */

let served: Served | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  served = await buildAndServe();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
}, 15_000);

/** The lab at this address in a fresh context (nothing saved), offline, its console errors collected. */
async function openAt(search: string, options: { downloads?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  if (!browser || !served) throw new Error('not started');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: options.downloads ?? false });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(`${served.url}${search}`, { waitUntil: 'load' });
  await page.locator('.app').waitFor();
  return { page, errors };
}

const paneNames = (page: Page) => page.locator('main.panes > section.pane').evaluateAll((els) => els.map((e) => e.className.replace(/.*pane-/, '')));
const narration = (page: Page) => page.locator('.narration').textContent();

describe('the URL', () => {
  it('embed=1 shows the panels only: no header bar, no reference; nothing takes focus', async () => {
    const { page, errors } = await openAt('?embed=1&run=getpid()');
    await expect.poll(() => terminalScreen(page), { timeout: 10_000 }).toContain('getpid() = 1');
    expect(await page.locator('header.bar').count()).toBe(0);
    expect(await page.locator('.reference').count()).toBe(0);
    expect(await paneNames(page)).toEqual(['terminal', 'diagram', 'timeline']);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.screenshot({ path: join(ROOT, 'screenshots', 'embed.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);

  it('panels=… shows those panes, with the header', async () => {
    const { page } = await openAt('?panels=diagram,inspector');
    expect(await paneNames(page)).toEqual(['diagram', 'inspector']);
    expect(await page.locator('header.bar').count()).toBe(1);
    await page.context().close();
  }, 30_000);

  it('lang=zh speaks Chinese', async () => {
    const { page } = await openAt('?lang=zh');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await expect.poll(() => page.getByRole('button', { name: '分享' }).count()).toBe(1);
    expect(await page.locator('.playback-controls .play').textContent()).toContain('播放');
    expect(await page.locator('.tl-empty').textContent()).toContain('还没有运行任何内容');
    await page.context().close();
  }, 30_000);

  it('presenter=1: large type, high contrast, and a run waits to be stepped', async () => {
    const { page } = await openAt('?presenter=1&run=getpid()');
    await expect.poll(() => narration(page), { timeout: 10_000 }).toContain('Hop 1 of');
    const root = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    expect(root).toMatchObject({ contrast: 'high', still: 'true' });
    expect(await page.locator('.toolbar .scale').textContent()).toBe('150%');
    expect(await page.getByRole('button', { name: 'Presenter', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.playback-controls .play').getAttribute('aria-label')).toBe('Play');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => narration(page)).toContain('Hop 2 of');
    await page.screenshot({ path: join(ROOT, 'screenshots', 'presenter.png') });
    await page.context().close();
  }, 30_000);

  it('a bad shared link says so in the terminal, and the lab starts clean', async () => {
    const { page, errors } = await openAt('?s=1.not-a-session');
    await expect.poll(() => terminalScreen(page), { timeout: 10_000 }).toContain("The shared link's session could not be read");
    expect(await page.locator('.tl-empty').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);
});

describe('share', () => {
  it('a shared link restores the session exactly in a fresh browser', async () => {
    const { page } = await openAt('');
    await page.getByLabel('Runtime', { exact: true }).selectOption('gvisor');
    await typeLine(page, 'getpid()');
    await typeLine(page, 'help');
    await typeLine(page, 'cat /etc/hostname');
    await expect.poll(() => page.locator('.tl-entry').count(), { timeout: 20_000 }).toBe(2);
    // A step back pauses wherever playback was: the position is whatever it is, and the link must keep it.
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByRole('button', { name: 'Dark' }).click();
    const before = { screen: await terminalScreen(page), narration: await narration(page), runtime: await page.getByLabel('Runtime', { exact: true }).inputValue(), theme: await page.evaluate(() => document.documentElement.dataset.theme) };
    expect(before.narration).toMatch(/^Call \d+ of \d+/);
    await page.getByRole('button', { name: 'Share' }).click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/\/#s=1\.[A-Za-z0-9_-]+$/);
    await page.context().close();

    const { page: fresh, errors } = await openAt(url.slice(url.indexOf('#')));
    await expect.poll(() => narration(fresh), { timeout: 15_000 }).toBe(before.narration);
    await expect.poll(() => terminalScreen(fresh)).toBe(before.screen);
    expect(await fresh.getByLabel('Runtime', { exact: true }).inputValue()).toBe(before.runtime);
    expect(await fresh.evaluate(() => document.documentElement.dataset.theme)).toBe(before.theme);
    expect(errors).toEqual([]);
    await fresh.context().close();
  }, 60_000);
});

describe('keys and the Embed dialog', () => {
  it('Esc gives the keyboard back from the terminal', async () => {
    const { page } = await openAt('');
    await page.locator('.terminal-host').click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.context().close();
  }, 30_000);

  it('the Embed dialog builds the URL and the snippets; Esc closes it and focus returns', async () => {
    const { page } = await openAt('');
    await page.getByRole('button', { name: 'Embed…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const url = () => dialog.locator('[data-snippet="url"]').inputValue();
    expect(await url()).toMatch(/\?embed=1&runtime=runc/);
    await dialog.getByLabel('Terminal').uncheck();
    await dialog.getByLabel(/Presenter mode/).check();
    await dialog.getByLabel(/Commands to run/).fill('getpid()\ncat /etc/hostname');
    expect(await url()).toContain('run=getpid%28%29&run=cat+%2Fetc%2Fhostname');
    expect(await url()).toContain('panels=diagram%2Ctimeline');
    expect(await url()).toContain('presenter=1');
    expect(await dialog.locator('[data-snippet="reveal"]').inputValue()).toContain('data-background-iframe=');
    expect(await dialog.locator('[data-snippet="slidev"]').inputValue()).toContain('layout: iframe');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Embed…');
    await page.context().close();
  }, 30_000);
});

describe('export', () => {
  it.each([
    ['Diagram as SVG', /\.svg$/, (b: Buffer) => b.toString('utf8').startsWith('<?xml') && b.toString('utf8').includes('<svg xmlns="http://www.w3.org/2000/svg"') && b.toString('utf8').includes('Application')],
    ['Diagram as PNG', /\.png$/, (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
    ['Narration as text (Markdown)', /\.md$/, (b: Buffer) => b.toString('utf8').startsWith('# getpid()') && b.toString('utf8').includes('Result: `getpid() = 1`')],
  ])('%s downloads', async (item, name, valid) => {
    const { page, errors } = await openAt('?run=getpid()&still=1', { downloads: true });
    await page.locator('.pane-diagram svg.diagram .token').waitFor({ state: 'attached', timeout: 10_000 });
    // The link's line runs once the model has loaded: export only what it drew.
    await expect.poll(() => page.locator('.pane-diagram').textContent(), { timeout: 15_000 }).toContain('getpid() = 1');
    await page.getByRole('button', { name: /^Export/ }).click();
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await page.getByRole('button', { name: item }).click();
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toMatch(name);
    expect(valid(readFileSync(file))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);
});
