import type { Browser, Page } from 'playwright-core';
import { isLocal, launchChromium } from './chromium.ts';
import { buildAndServe, type Served } from './serveApp.ts';

/**
 * The built lab in Chromium, offline (every non-local request aborted), with
 * its console errors collected, the terminal ready: what each browser test
 * of the whole page starts from.
 */
export interface LabPage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openLabPage(viewport: { width: number; height: number }): Promise<LabPage> {
  const browser: Browser = await launchChromium();
  const served: Served = await buildAndServe();
  const context = await browser.newContext({ viewport });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(served.url, { waitUntil: 'load' });
  await page.locator('.terminal-host .xterm-rows').waitFor();
  return { page, errors, close: async () => { await browser.close(); await served.close(); } };
}

/** The terminal's screen, a string per row joined by newlines, as xterm's DOM renderer shows it. */
export async function terminalScreen(page: Page): Promise<string> {
  return (await page.locator('.terminal-host .xterm-rows > div').allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
}

/** Types a line into the terminal as a person would, then Enter. */
export async function typeLine(page: Page, text: string): Promise<void> {
  await page.locator('.terminal-host').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
