import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  /** Every request the context saw (its pages and its service worker), in order, with `network: 'record'`. */
  requests: string[];
  context: BrowserContext;
  /** Stops the app's server (the network is gone); `close` then closes only the browser. */
  stopServer: () => Promise<void>;
  close: () => Promise<void>;
}

export interface LabPageOptions {
  /**
   * `abort` (the default): requests to other origins are aborted, as if the
   * machine were offline. `record`: nothing is routed (a route changes what a
   * service worker sees) and every request is kept in `requests`, for a test
   * to assert on.
   */
  network?: 'abort' | 'record';
  /** Runs in each page before the page's scripts: the test's own code, which the page's CSP does not govern. */
  initScript?: () => void;
}

export async function openLabPage(viewport: { width: number; height: number }, options: LabPageOptions = {}): Promise<LabPage> {
  const browser: Browser = await launchChromium();
  const served: Served = await buildAndServe();
  const context = await browser.newContext({ viewport });
  const requests: string[] = [];
  if (options.network === 'record') context.on('request', (r) => requests.push(r.url()));
  else await context.route((url) => !isLocal(url.href), (route) => route.abort());
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(served.url, { waitUntil: 'load' });
  await page.locator('.terminal-host .xterm-rows').waitFor();
  let serving = true;
  const stopServer = async () => {
    if (serving) await served.close();
    serving = false;
  };
  return { page, errors, requests, context, stopServer, close: async () => { await browser.close(); await stopServer(); } };
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
