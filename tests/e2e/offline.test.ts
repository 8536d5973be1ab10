import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, terminalScreen, typeLine as typeInto, type LabPage } from './labPage.ts';

/**
 * Issue 6, point 7: the built lab makes no request but to its own origin,
 * runs under its strict Content-Security-Policy without a single violation,
 * and after one visit loads and runs with the network gone (its service
 * worker). Leaves screenshots/offline.png.
 */

interface Violation { directive: string; blocked: string; sample: string }
declare global {
  interface Window { __cspViolations?: Violation[] }
}

/** The test's own init script (CSP does not govern it): collects every CSP violation the page reports. */
function collectViolations(): void {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations?.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
  });
}

let lab: LabPage;
let page: Page;

beforeAll(async () => {
  lab = await openLabPage({ width: 1600, height: 1000 }, { network: 'record', initScript: collectViolations });
  page = lab.page;
}, 90_000);

afterAll(async () => lab?.close(), 15_000);

const screen = () => terminalScreen(page);
const typeLine = (text: string) => typeInto(page, text);
const violations = () => page.evaluate(() => window.__cspViolations ?? []);
const foreign = () => {
  const origin = new URL(page.url()).origin;
  return lab.requests.filter((url) => new URL(url).origin !== origin);
};

describe('the lab on its own', () => {
  it('requests nothing but its own files, from load through a syscall, docker run, compare and the inspector', async () => {
    await typeLine('sethostname("lab", 3)');
    await expect.poll(screen, { timeout: 15_000 }).toContain('sethostname("lab", 3) = -1 EPERM');
    await typeLine('docker run -it debian sh');
    await expect.poll(screen, { timeout: 15_000 }).toContain('runc create = 0');
    await typeLine('exit');
    await typeLine('compare runc gvisor -- getpid()');
    await expect.poll(() => page.locator('.compare-section .cmp-column').count(), { timeout: 15_000 }).toBe(2);
    const closed = page.locator('.inspector details:not([open]) > summary');
    for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
    expect(lab.requests.length).toBeGreaterThan(3);
    expect(foreign()).toEqual([]);
  }, 60_000);

  it('runs under the built policy: no inline script, no eval, and no violation reported', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    // Nor does any script of the build hold an eval or a Function constructor (d3, xstate, zustand, React included).
    const evals = await page.evaluate(async () => {
      const scripts = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.endsWith('.js'));
      const texts = await Promise.all(scripts.map(async (u) => [u, await (await fetch(u)).text()] as const));
      return { scripts: scripts.length, found: texts.filter(([, t]) => /\beval\(|new Function\(|\bFunction\(\s*["'`]/.test(t)).map(([u]) => u) };
    });
    expect(evals.scripts).toBeGreaterThan(1);
    expect(evals.found).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(lab.errors).toEqual([]);
    // The listener does hear the page: an inline script added by script is refused and reported.
    await page.evaluate(() => { document.body.appendChild(document.createElement('script')).textContent = 'void 0'; });
    await expect.poll(violations).toEqual([expect.objectContaining({ directive: 'script-src-elem' })]);
    lab.errors.length = 0;
  });

  it('loads and runs a line with the network gone, after one visit', async () => {
    const controlled = () => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none');
    await expect.poll(controlled, { timeout: 15_000 }).toBe('activated');
    await lab.stopServer();
    await lab.context.setOffline(true);
    const response = await page.reload({ waitUntil: 'load' });
    expect(response?.fromServiceWorker()).toBe(true);
    await page.locator('.terminal-host .xterm-rows').waitFor();
    await typeLine('mkdir /tmp/offline');
    await expect.poll(screen, { timeout: 15_000 }).toContain('mkdir("/tmp/offline", 0777) = 0');
    await expect.poll(() => page.locator('.pane-diagram').first().textContent()).toContain('mkdir("/tmp/offline", 0777) = 0');
    expect(await page.locator('.pane-diagram svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'screenshots/offline.png' });
    // A link with settings (?lang=zh) is the same page, from the cache.
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/?lang=zh`, { waitUntil: 'load' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    // public/ files are kept too: the slide deck's folder URL gets its index.html.
    expect(await page.evaluate(() => fetch('/deck/').then(async (r) => r.ok && (await r.text()).includes('deck.js')))).toBe(true);
    expect(foreign()).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(lab.errors).toEqual([]);
  }, 60_000);
});
