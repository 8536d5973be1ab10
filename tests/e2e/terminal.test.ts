import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launchChromium } from './chromium.ts';
import { buildAndServe, type Served } from './serveApp.ts';

/**
 * The terminal pane in real Chromium, typed into as a person would: a
 * syscall runs and prints its strace line, lab commands answer, Tab
 * completes, ↑ recalls, Ctrl-C abandons, a setting switches the runtime and
 * the prompt follows, a denied call is red, and Shift-Tab leaves the
 * terminal. Needs App to mount <Terminal /> and the store's submitLine and
 * complete (see src/ui/terminal). TERMINAL_E2E_URL runs it against a page
 * already served instead of building one.
 */

let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const given = process.env.TERMINAL_E2E_URL;
  if (!given) served = await buildAndServe();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  await page.goto(given ?? served?.url ?? '', { waitUntil: 'load' });
  await page.locator('.terminal-host .xterm-rows').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
}, 15_000);

/** The terminal's screen, one string per row, as xterm's DOM renderer shows it. */
async function rows(): Promise<string[]> {
  const texts = await page.locator('.terminal-host .xterm-rows > div').allTextContents();
  return texts.map((t) => t.replace(/\u00a0/g, ' ').trimEnd());
}
const screen = async () => (await rows()).join('\n');
const lastRow = async () => (await rows()).filter(Boolean).at(-1) ?? '';

async function typeLine(text: string, enter = true): Promise<void> {
  await page.locator('.terminal-host').click();
  await page.keyboard.type(text);
  if (enter) await page.keyboard.press('Enter');
}

describe('the terminal', () => {
  it('greets with what to type and a prompt on the chosen runtime', async () => {
    await expect.poll(screen).toContain('Type help');
    await expect.poll(lastRow).toBe('runc$');
  }, 15_000);

  it('runs a syscall: the line echoed after the prompt, then its strace line', async () => {
    await typeLine('getpid()');
    await expect.poll(screen).toContain('runc$ getpid()\ngetpid() = 1');
    await expect.poll(lastRow).toBe('runc$');
  }, 15_000);

  it('answers a lab command', async () => {
    await typeLine('help');
    await expect.poll(screen).toContain('Worth trying, runtime by runtime');
  }, 15_000);

  it('completes with Tab and recalls with ↑', async () => {
    await typeLine('getpi', false);
    await page.keyboard.press('Tab');
    await expect.poll(lastRow).toBe('runc$ getpid(');
    await page.keyboard.press('Control+c');
    await expect.poll(screen).toContain('runc$ getpid(^C');
    await page.keyboard.press('ArrowUp');
    await expect.poll(lastRow).toBe('runc$ help');
    await page.keyboard.press('Control+c');
  }, 15_000);

  it('shows a denied call in red', async () => {
    await typeLine('sethostname("lab", 3)');
    await expect.poll(screen).toContain('= -1 EPERM');
    const red = page.locator('.terminal-host .xterm-rows span.xterm-fg-1', { hasText: 'EPERM' });
    await expect.poll(() => red.count()).toBeGreaterThan(0);
  }, 15_000);

  it('switches runtime with a setting; the prompt follows', async () => {
    await typeLine('runtime gvisor --platform kvm');
    await expect.poll(lastRow).toBe('gvisor$');
    await typeLine('cat /etc/hostname');
    await expect.poll(screen).toContain('gvisor$ cat /etc/hostname');
  }, 15_000);

  it('clear empties the screen', async () => {
    await typeLine('clear');
    await expect.poll(screen).not.toContain('cat /etc/hostname');
    expect(await screen()).toContain('Type help');
    expect(await lastRow()).toBe('gvisor$');
  }, 15_000);

  it('lets a keyboard user leave with Shift-Tab', async () => {
    await page.locator('.terminal-host').click();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.terminal-host') === null)).toBe(true);
  }, 15_000);

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
