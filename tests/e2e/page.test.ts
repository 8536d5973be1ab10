import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launchChromium } from './chromium.ts';
import { buildAndServe, ROOT, type Served } from './serveApp.ts';

/**
 * The built page in real Chromium: it renders, lists the runtimes from the
 * store, runs a line on a runtime, answers bad input with a message, logs no
 * error and asks nothing of any other host. Leaves screenshots/page.png.
 */

const SCREENSHOT = join(ROOT, 'screenshots', 'page.png');

let served: Served | undefined;
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];
const offsite: string[] = [];
const failed: string[] = [];

beforeAll(async () => {
  browser = await launchChromium(); // first: a missing browser fails at once, before the build
  served = await buildAndServe();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    if (!isLocal(r.url())) offsite.push(r.url());
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? '?'}`));
  await page.goto(served.url, { waitUntil: 'load' });
}, 45_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
}, 15_000);

/** Chooses the runtime, types the line and runs it, as a person would. */
async function run(runtime: string, text: string): Promise<void> {
  await page.getByLabel('Runtime', { exact: true }).selectOption(runtime);
  await page.getByLabel('Syscall or command', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

describe('the lab page', () => {
  it('renders its heading and one row per runtime, with the layers', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Isolation Lab');
    const ids = () => page.locator('tr[data-runtime]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-runtime')));
    await expect.poll(ids).toEqual(['host', 'runc', 'gvisor', 'kata', 'nabla', 'unikernel-hvt', 'firecracker', 'lightvm']);
    const runcLayers = await page.locator('tr[data-runtime="runc"] .layer').allTextContents();
    expect(runcLayers).toEqual(expect.arrayContaining(['seccomp filter', 'namespaces', 'capabilities']));
  }, 15_000);

  it.each([
    { runtime: 'runc', input: 'getpid()', line: 'getpid() = 1' },
    { runtime: 'runc', input: 'sethostname("lab", 3)', line: 'sethostname("lab", 3) = -1 EPERM (Operation not permitted)' },
    { runtime: 'host', input: 'sethostname("lab", 3)', line: 'sethostname("lab", 3) = 0' },
  ])('under $runtime, $input prints $line and its hops', async ({ runtime, input, line }) => {
    await run(runtime, input);
    await expect.poll(() => page.locator('.output .strace').allTextContents()).toEqual([line]);
    const hops = await page.locator('.output .hops li .hop-layer').allTextContents();
    expect(hops).toEqual(expect.arrayContaining(['seccomp filter']));
  }, 15_000);

  it('leaves a screenshot of getpid() under runc', async () => {
    await run('runc', 'getpid()');
    await expect.poll(() => page.locator('.output .strace').allTextContents()).toEqual(['getpid() = 1']);
    mkdirSync(join(ROOT, 'screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }, 15_000);

  it('runs gVisor with a chosen platform and shows the host syscalls the Sentry makes', async () => {
    await page.getByLabel('Runtime', { exact: true }).selectOption('gvisor');
    await page.getByLabel('--platform', { exact: true }).selectOption('kvm');
    await run('gvisor', 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY)');
    await expect.poll(() => page.locator('.output .strace').allTextContents()).toEqual(['openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3']);
    const layers = await page.locator('.output .hops li .hop-layer').allTextContents();
    expect(layers).toEqual(expect.arrayContaining(['platform trap', 'Sentry syscall table', 'host seccomp filter', 'host kernel']));
    expect(await page.locator('.output .host-call').allTextContents()).toContain('host syscall: openat by runsc-sandbox (Sentry)');
    expect(await page.locator('.output .hop-note').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('guest ring 0')]));
    await page.screenshot({ path: join(ROOT, 'screenshots', 'gvisor.png'), fullPage: true });
  }, 15_000);

  it.each([
    { runtime: 'kata', input: 'mount("none", "/mnt", "tmpfs", 0, NULL)', line: 'mount("none", "/mnt", "tmpfs", 0, NULL) = -1 EPERM (Operation not permitted)', layer: 'guest kernel', hostCalls: 0 },
    // rumprun's fork stub prints "STUB ``__fork'' called" once: the console writes are the tender's, one per byte.
    { runtime: 'nabla', input: 'fork()', line: 'fork() = 86', layer: 'NetBSD libc (rumprun)', hostCalls: 8 },
  ])('under $runtime, $input is answered in the sandbox: $line', async ({ runtime, input, line, layer, hostCalls }) => {
    await run(runtime, input);
    await expect.poll(() => page.locator('.output .strace').allTextContents()).toEqual([expect.stringContaining(line)]);
    expect(await page.locator('.output .hops li .hop-layer').allTextContents()).toEqual(expect.arrayContaining([layer]));
    expect(await page.locator('.output .host-call').count()).toBe(hostCalls);
    await page.screenshot({ path: join(ROOT, 'screenshots', `${runtime}.png`), fullPage: true });
  }, 15_000);

  it.each([
    { input: 'opnat(', message: "missing ')' to close '('" },
    { input: 'opnat()', message: "unknown syscall 'opnat'; did you mean openat" },
    { input: '   ', message: 'empty input' },
    { input: 'cat "/etc/passwd', message: 'unterminated double quote' },
  ])('answers $input with a message, and the page stays up', async ({ input, message }) => {
    await run('runc', input);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(message);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  }, 15_000);

  it('logged no console error and made no request off this machine, nor any that failed', () => {
    expect(consoleErrors).toEqual([]);
    expect(offsite).toEqual([]);
    expect(failed).toEqual([]);
  });
});
