import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launchChromium } from './chromium.ts';
import { buildAndServe, ROOT, type Served } from './serveApp.ts';

/**
 * The lab as a lecturer uses it (issue 4, point 7): type in the terminal, see
 * the strace line there and the token reach the layer in the diagram; a
 * denial stops at its gate; keyboard only; a reload restores the session.
 * Leaves a screenshot of each main view in screenshots/.
 */
const SHOTS = join(ROOT, 'screenshots');
let served: Served | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  served = await buildAndServe();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(served.url, { waitUntil: 'load' });
  await page.locator('.terminal-host .xterm-rows').waitFor();
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
}, 15_000);

const screen = async () => (await page.locator('.terminal-host .xterm-rows > div').allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trimEnd()).join('\n');

async function typeLine(text: string): Promise<void> {
  await page.locator('.terminal-host').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Plays the last run to its end, as a lecturer who wants the whole path would (step until the end). */
async function toEnd(): Promise<void> {
  await page.keyboard.press('Escape');
  for (let i = 0; i < 40; i++) await page.getByRole('button', { name: /^Step forward/ }).click();
}

describe('the lab in Chromium', () => {
  it('openat under runc: = 3 in the terminal, the token reaches the host kernel', async () => {
    await expect.poll(screen, { timeout: 20_000 }).toContain('runc$');
    await typeLine('openat(AT_FDCWD, "/etc/passwd", O_RDONLY)');
    await expect.poll(screen).toContain('openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3');
    await toEnd();
    await expect.poll(() => page.locator('.pane-diagram svg .node.host.touched').count()).toBeGreaterThan(0);
    expect(await page.locator('.pane-diagram svg .node[data-layer="kernel"]').getAttribute('data-verdict')).toBe('handled');
    await page.screenshot({ path: join(SHOTS, 'lab-openat.png') });
  }, 30_000);

  it('keyctl under runc stops at the seccomp gate, in red, with the reason', async () => {
    await typeLine('keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)');
    await expect.poll(screen).toContain('= -1 EPERM');
    await expect.poll(screen).toContain('← seccomp');
    await toEnd();
    await expect.poll(() => page.locator('.pane-diagram svg .node[data-layer="seccomp"]').getAttribute('data-verdict')).toBe('deny');
    expect(await page.locator('.pane-diagram svg .node[data-layer="kernel"].visited').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'lab-keyctl.png') });
  }, 30_000);

  it('compare runc gvisor kata nabla: four columns, in step', async () => {
    await typeLine('compare runc gvisor kata nabla -- openat(AT_FDCWD, "/etc/passwd", O_RDONLY)');
    const columns = page.locator('.compare-section .cmp-column');
    await expect.poll(() => columns.count()).toBe(4);
    expect(await columns.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-runtime')))).toEqual(['runc', 'gvisor', 'kata', 'nabla']);
    await expect.poll(() => page.locator('.compare-section svg.diagram').count()).toBe(4);
    // The figures under the columns: serving kernel and the ratio to runc.
    await expect.poll(() => page.locator('.compare-section').textContent()).toContain('sentry');
    await toEnd();
    await page.locator('.compare-section').screenshot({ path: join(SHOTS, 'lab-compare.png') });
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => columns.count()).toBe(0);
  }, 40_000);

  it('the inspector shows the container: its pid 1, Docker\'s capabilities, its seccomp filter', async () => {
    const pane = page.locator('.pane-inspector');
    await expect.poll(() => pane.textContent()).toContain("Docker's default profile");
    expect(await pane.textContent()).toContain('NET_BIND_SERVICE');
    await pane.screenshot({ path: join(SHOTS, 'lab-inspector.png') });
  }, 20_000);

  it('works from the keyboard alone: Tab reaches the runtime picker and the terminal', async () => {
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.closest('.terminal-host') !== null);
    }
    expect(reached).toBe(true);
    await page.keyboard.type('runtime gvisor');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#pick-runtime').inputValue()).toBe('gvisor');
    await page.keyboard.type('getpid()');
    await page.keyboard.press('Enter');
    await expect.poll(screen).toContain('gvisor$ getpid()');
  }, 30_000);

  it('a reload restores the session: the lines, the runtime, the transcript', async () => {
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.locator('#pick-runtime').inputValue(), { timeout: 20_000 }).toBe('gvisor');
    await expect.poll(screen).toContain('openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3');
    await expect.poll(() => page.locator('.pane-timeline').textContent()).toContain('keyctl');
  }, 30_000);

  it('a corrupt saved session is reported, and the page still works', async () => {
    await page.evaluate(() => localStorage.setItem('isolation-lab/session', '{broken'));
    await page.reload({ waitUntil: 'load' });
    await expect.poll(screen, { timeout: 20_000 }).toContain('not valid JSON');
    await typeLine('getpid()');
    await expect.poll(screen).toContain('getpid() = 1');
  }, 30_000);

  it('dark theme and presenter size, at 1024×768', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Dark' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await typeLine('sethostname("lab", 3)');
    await expect.poll(screen).toContain('EPERM');
    await page.screenshot({ path: join(SHOTS, 'lab-dark-1024.png') });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  }, 30_000);

  it('on a tablet (768×1024, touch): one column, the terminal first, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('button', { name: 'Light' }).click();
    await typeLine('cat /etc/hostname');
    await expect.poll(screen).toContain('3f6c2a9e1b7d');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const [term, diagram] = await Promise.all([page.locator('.pane-terminal').boundingBox(), page.locator('.pane-diagram').boundingBox()]);
    expect(term && diagram && diagram.y > term.y && Math.abs(diagram.x - term.x) < 2).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'lab-tablet.png'), fullPage: true });
  }, 30_000);

  it('logged no error', () => {
    expect(errors).toEqual([]);
  });
});
