import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launchChromium } from './chromium.ts';
import { buildAndServe, type Served } from './serveApp.ts';

/**
 * The lab-crio cluster in the real page: `kubectl config use-context
 * lab-crio`, then `kubectl run` draws CRI-O's stack (kubelet → CRI → CRI-O →
 * conmon → crun), lands the terminal in the pod, and a RuntimeClass gvisor
 * pod's next call is served by the Sentry. Leaves screenshots/kubectl-crio.png.
 */
let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  served = await buildAndServe();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(served.url, { waitUntil: 'load' });
  await page.locator('.terminal-host .xterm-rows').waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
}, 15_000);

const screen = async () => (await page.locator('.terminal-host .xterm-rows > div').allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
const diagramLabel = async () => (await page.locator('.pane-diagram .diagram-pane svg').first().getAttribute('aria-label')) ?? '';
const heading = async () => (await page.locator('.pane-diagram .diagram-head h2').first().textContent()) ?? '';

async function typeLine(text: string): Promise<void> {
  await page.locator('.terminal-host').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('kubectl on the CRI-O cluster', () => {
  it('switches context and draws CRI-O and conmon for the pod', async () => {
    await typeLine('kubectl config use-context lab-crio');
    await expect.poll(screen, { timeout: 15_000 }).toContain('Switched to context "lab-crio".');
    await typeLine('kubectl run web --image=debian -it -- sh');
    await expect.poll(screen, { timeout: 15_000 }).toContain('StartContainer = ok');
    expect(await screen()).toMatch(/crun start [0-9a-f]{12}… = 0/);
    await expect.poll(heading).toContain('kubectl → API server → kubelet → CRI → CRI-O → runtime');
    expect(await diagramLabel()).toContain('CRI-O');
    expect(await diagramLabel()).toContain('conmon');
    expect(await diagramLabel()).not.toContain('containerd');
    await page.screenshot({ path: 'screenshots/kubectl-crio.png' });
    await expect.poll(screen).toMatch(/web#\s*$/);
  }, 60_000);

  it('a gVisor pod on lab-crio lands its next call in the Sentry', async () => {
    await typeLine('exit');
    await typeLine(`kubectl run g --image=debian -it --overrides='{"spec":{"runtimeClassName":"gvisor"}}' -- sh`);
    await expect.poll(screen, { timeout: 15_000 }).toContain('StartContainer = ok');
    await expect.poll(screen).toMatch(/g#\s*$/);
    await typeLine('getpid()');
    await expect.poll(heading).toContain('gVisor');
    expect(errors).toEqual([]);
  }, 60_000);
});
