import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, terminalScreen, typeLine as typeInto, type LabPage } from './labPage.ts';

/**
 * The lab-crio cluster in the real page: `kubectl config use-context
 * lab-crio`, then `kubectl run` draws CRI-O's stack (kubelet → CRI → CRI-O →
 * conmon → crun), lands the terminal in the pod, and a RuntimeClass gvisor
 * pod's next call is served by the Sentry. Leaves screenshots/kubectl-crio.png.
 */
let lab: LabPage;
let page: Page;
let errors: string[];

beforeAll(async () => {
  lab = await openLabPage({ width: 1600, height: 1000 });
  ({ page, errors } = lab);
}, 90_000);

afterAll(async () => lab?.close(), 15_000);

const screen = () => terminalScreen(page);
const diagramLabel = async () => (await page.locator('.pane-diagram .diagram-pane svg').first().getAttribute('aria-label')) ?? '';
const heading = async () => (await page.locator('.pane-diagram .diagram-head h2').first().textContent()) ?? '';

const typeLine = (text: string) => typeInto(page, text);

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
