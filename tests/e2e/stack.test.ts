import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, terminalScreen, typeLine as typeInto, type LabPage } from './labPage.ts';

/**
 * `docker run` in the real page, typed as a lecturer types it: the diagram
 * switches to the stack (docker CLI → dockerd → containerd → shim →
 * runtime) and animates the start, the terminal lands in the container
 * (its prompt), and the next line runs through the container's runtime.
 * Leaves screenshots/docker-run.png and screenshots/docker-run-inside.png.
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
/** The screen with the terminal's wrapped lines (continued on an indented row) joined again, for long messages. */
const flat = async () => (await screen()).replace(/\n {2}/g, ' ');
const diagramLabel = async () => (await page.locator('.pane-diagram .diagram-pane svg').first().getAttribute('aria-label')) ?? '';
const heading = async () => (await page.locator('.pane-diagram .diagram-head h2').first().textContent()) ?? '';

const typeLine = (text: string) => typeInto(page, text);

describe('docker run in the page', () => {
  it('draws the stack and plays the start through it', async () => {
    await typeLine('docker run -it --name demo --cap-add SYS_ADMIN --pids-limit 10 debian sh');
    await expect.poll(screen, { timeout: 15_000 }).toContain('runc create = 0');
    await expect.poll(screen).toContain('pivot_root(".", ".") = 0');
    await expect.poll(heading).toContain('docker → dockerd → containerd → shim → runtime');
    expect(await diagramLabel()).toContain('dockerd');
    expect(await diagramLabel()).toContain('containerd shim');
    // The narration reads the start hop by hop: the first call is the CLI's API request, then the daemon's.
    const narration = () => page.locator('.narration').first().textContent().then((t) => t ?? '');
    await expect.poll(narration).toMatch(/Call \d+ of \d+/);
    await expect.poll(narration, { timeout: 20_000 }).toContain('dockerd');
    await page.screenshot({ path: 'screenshots/docker-run.png' });
  }, 60_000);

  it('lands the terminal in the container, and the next line runs in it through runc\'s layers', async () => {
    await expect.poll(screen).toMatch(/demo#\s*$/);
    await typeLine('mount -t tmpfs none /mnt');
    await expect.poll(screen).toContain('demo# mount -t tmpfs none /mnt');
    await expect.poll(screen).toContain('mount("none", "/mnt", "tmpfs", 0, NULL) = 0');
    await expect.poll(heading).toContain('runc');
    expect(await heading()).not.toContain('dockerd');
    await page.screenshot({ path: 'screenshots/docker-run-inside.png' });
  }, 30_000);

  it('leaves with exit, and a runsc container lands the next line in the Sentry', async () => {
    await typeLine('exit');
    await expect.poll(screen).toMatch(/gvisor\$|runc\$\s*$/);
    await typeLine('docker run -it --runtime=runsc debian sh');
    await expect.poll(screen, { timeout: 15_000 }).toContain('runsc create = 0');
    await typeLine('getpid()');
    await expect.poll(heading).toContain('gVisor');
  }, 60_000);

  it('kubectl run with a RuntimeClass draws the Kubernetes stack and lands in the pod', async () => {
    await typeLine('exit');
    await typeLine(`kubectl run web --image=debian -it --overrides='{"spec":{"runtimeClassName":"gvisor"}}' -- sh`);
    await expect.poll(screen, { timeout: 15_000 }).toContain('StartContainer = ok');
    await expect.poll(heading).toContain('kubectl → API server → kubelet → CRI → runtime');
    expect(await diagramLabel()).toContain('kubelet');
    expect(await diagramLabel()).toContain('CRI · gRPC');
    await page.screenshot({ path: 'screenshots/kubectl-run.png' });
    await expect.poll(screen).toMatch(/web#\s*$/);
    await typeLine('getpid()');
    await expect.poll(heading).toContain('gVisor');
  }, 60_000);

  it('says what was wrong, in docker\'s words, and keeps going', async () => {
    await typeLine('exit');
    await typeLine('docker run --runtime=nope debian');
    await expect.poll(flat).toContain('unknown or invalid runtime name: nope');
    await typeLine('docker run --frobnicate debian');
    await expect.poll(flat).toContain('unknown flag: --frobnicate');
    expect(errors).toEqual([]);
  }, 30_000);
});
