import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal } from './chromium.ts';
import { openLabPage, terminalScreen, type LabPage } from './labPage.ts';

/**
 * "Bring your own" in the real page: a real strace log (made on this machine
 * with `strace -f -tt`) pasted → the report per runtime, its chart, a range
 * replayed in the diagram; a broken seccomp profile → its line and column;
 * a docker run line → the terminal in the container; nonsense everywhere →
 * messages, no crash; after a reload and from a shared link, the replayed
 * range and the profile's container come back as they ran. Leaves
 * screenshots/artefacts-*.png.
 */
let lab: LabPage;
let page: Page;
let errors: string[];

const LOG = readFileSync(new URL('../fixtures/strace-cat-tt.strace', import.meta.url), 'utf8');
const shot = (name: string) => page.screenshot({ path: `screenshots/artefacts-${name}.png`, fullPage: false });

beforeAll(async () => {
  lab = await openLabPage({ width: 1600, height: 1000 });
  ({ page, errors } = lab);
  await page.locator('.byo-pane > summary').click();
}, 90_000);

afterAll(async () => lab?.close(), 15_000);

const tab = (name: string) => page.getByRole('tab', { name }).click();
/** xterm pauses drawing while scrolled out of view: look at the terminal from the top of the page. */
const screen = async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  return terminalScreen(page);
};

describe('Bring your own: strace log', () => {
  it('reads a pasted real log: totals, a chart bar per runtime, the calls runc would stop with their lines', async () => {
    await page.locator('#byo-strace-text').fill(LOG);
    await page.getByRole('button', { name: 'Read this log' }).click();
    await expect.poll(async () => (await page.locator('.byo-totals').textContent()) ?? '', { timeout: 20_000 }).toContain('570 lines, 552 calls');
    await expect.poll(async () => page.locator('.byo-chart g[data-runtime]').count()).toBe(8);
    await page.locator('#byo-stopped-runtime').selectOption('runc');
    const rows = await page.locator('.byo-stopped-table tbody tr').allTextContents();
    expect(rows.map((r) => r.slice(0, 40))).toEqual([expect.stringMatching(/^324unshareseccompEPERM/), expect.stringMatching(/^557mountseccompEPERM/)]);
    await page.locator('.byo-chart').scrollIntoViewIfNeeded();
    await shot('strace-report');
  }, 40_000);

  it('replays a range under gVisor: a timeline entry the diagram plays', async () => {
    await page.locator('.byo-replay input[type=number]').first().fill('320');
    await page.locator('.byo-replay input[type=number]').nth(1).fill('326');
    await page.locator('.byo-replay select').selectOption('gvisor');
    await page.getByRole('button', { name: 'Replay in the diagram' }).click();
    await expect.poll(async () => (await page.locator('.byo-replay [role=status]').textContent()) ?? '').toMatch(/Replayed \d+ calls/);
    await expect.poll(async () => page.locator('.diagram-pane').first().getAttribute('data-runtime'), { timeout: 15_000 }).toBe('gvisor');
    await expect.poll(async () => (await page.locator('.timeline').textContent()) ?? '').toContain('replay strace log lines 320-326');
    await expect.poll(screen).toContain('replay strace log lines 320-326');
    await shot('strace-replay');
  }, 40_000);

  it('lists the lines it cannot read, with their numbers, and still reports the rest', async () => {
    await page.locator('#byo-strace-text').fill('getpid() = 7\nthis is not strace\nopenat(AT_FDCWD, "/x", O_RDONLY = 3\n');
    await page.getByRole('button', { name: 'Read this log' }).click();
    await expect.poll(async () => (await page.locator('.byo-totals').textContent()) ?? '', { timeout: 20_000 }).toMatch(/^3 lines, 1 calls, 2 lines/);
    const items = await page.locator('.byo-unreadable li').allTextContents();
    expect(items.map((i) => i.slice(0, 7))).toEqual(['line 2:', 'line 3:']);
  }, 30_000);
});

describe('Bring your own: seccomp profile', () => {
  it("loads Docker's default: no change against it", async () => {
    await tab('seccomp profile');
    await page.getByRole('button', { name: "Load Docker's default" }).click();
    await expect.poll(async () => (await page.locator('.byo-diff').textContent()) ?? '', { timeout: 15_000 }).toContain("same verdict as under Docker's default");
  }, 30_000);

  it('a broken profile: the error names its line and column', async () => {
    const broken = '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["mount"], "action": "SCMP_ACT_ALOW" }\n  ]\n}\n';
    await page.locator('#byo-seccomp-text').fill(broken);
    await expect.poll(async () => (await page.locator('.byo-seccomp .byo-where').textContent()) ?? '', { timeout: 15_000 }).toContain('Line 4, column');
    await shot('seccomp-error');
  }, 30_000);

  it('a profile that allows mount: newly allowed in the diff, and a container under it', async () => {
    const text = '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["getpid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38 } ] }';
    await page.locator('#byo-seccomp-text').fill(text);
    await expect.poll(async () => (await page.locator('.byo-diff-lists').textContent()) ?? '', { timeout: 15_000 }).toMatch(/Newly allowed \(\d+\): .*mount/);
    await page.locator('.byo-verdicts').scrollIntoViewIfNeeded();
    await shot('seccomp-diff');
    await page.getByRole('button', { name: /Use this profile/ }).click();
    await expect.poll(screen, { timeout: 15_000 }).toMatch(/\w+_\w+#\s*$/);
  }, 40_000);
});

describe('Bring your own: docker run / config.json', () => {
  it('a docker run line over two lines lands the terminal in the container', async () => {
    await tab('docker run / config.json');
    await page.locator('#byo-import-text').fill('$ docker run -it \\\n    --memory 64m debian sh\n');
    await page.getByRole('button', { name: 'Configure the container from it' }).click();
    await expect.poll(async () => (await page.locator('.byo-import [role=status]').textContent()) ?? '').toContain('docker run -it --memory 64m debian sh');
    await expect.poll(screen, { timeout: 15_000 }).toMatch(/\w+_\w+#\s*$/);
  }, 30_000);

  it("a bad flag: docker's words, and the line and column of the flag", async () => {
    await page.locator('#byo-import-text').fill('docker run -it \\\n  --memroy 64m debian sh');
    await page.getByRole('button', { name: 'Configure the container from it' }).click();
    await expect.poll(async () => (await page.locator('.byo-import .byo-where').textContent()) ?? '').toContain('Line 2, column 3');
    await expect.poll(async () => (await page.locator('.byo-import .byo-message').textContent()) ?? '').toContain('unknown flag: --memroy');
    await shot('import-error');
  }, 30_000);

  it('nonsense everywhere: messages, no crash', async () => {
    await page.locator('#byo-import-text').fill('{ not json');
    await page.getByRole('button', { name: 'Configure the container from it' }).click();
    await expect.poll(async () => (await page.locator('.byo-import .byo-where').textContent()) ?? '').toContain('Line 1, column');
    await tab('seccomp profile');
    await page.locator('#byo-seccomp-text').fill('\u0000]]}{ nonsense');
    await expect.poll(async () => (await page.locator('.byo-seccomp .byo-where').textContent()) ?? '', { timeout: 15_000 }).toContain('Line 1, column 1');
    await tab('strace log');
    await page.locator('#byo-strace-text').fill('\u0000\n)))(((\n= -1 EPERM\n');
    await page.getByRole('button', { name: 'Read this log' }).click();
    await expect.poll(async () => (await page.locator('.byo-totals').textContent()) ?? '', { timeout: 20_000 }).toContain('0 calls');
    expect(errors).toEqual([]);
  }, 40_000);
});

describe('Bring your own after a reload and from a shared link', () => {
  /** Each timeline entry as the page shows it: runtime, input, how many calls (or why it did not run). */
  const entries = (p: Page) => p.locator('.tl-entry').evaluateAll((ls) => ls.map((l) => (l.querySelector('.tl-seek') ?? l).textContent ?? ''));

  it('a reload runs the replayed range and "Use this profile" again, as they ran', async () => {
    const before = await entries(page);
    // Before the fix these came back as "unknown command 'replay'" and docker's "no such file".
    expect(before).toEqual(expect.arrayContaining(['gvisor replay strace log lines 320-326 7 calls', 'runc docker run -it --security-opt seccomp=/root/profile.json debian sh 14 calls']));
    await page.reload({ waitUntil: 'load' });
    await page.locator('.terminal-host .xterm-rows').waitFor();
    await expect.poll(() => entries(page), { timeout: 20_000 }).toEqual(before);
    // Back in the last container, and the inspector says so (it once showed the runtime's own shell after a reload).
    await expect.poll(() => page.getByRole('heading', { name: /^Inside \w+_\w+ on runc/ }).count()).toBe(1);
    await page.locator('.tl-seek', { hasText: 'replay strace log lines 320-326' }).click();
    await expect.poll(async () => page.locator('.diagram-pane').first().getAttribute('data-runtime'), { timeout: 15_000 }).toBe('gvisor');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('after-reload');
  }, 60_000);

  it('a shared link does too, in a fresh browser context', async () => {
    const before = await entries(page);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const url = await page.getByTestId('share-url').inputValue();
    const context = await page.context().browser()?.newContext({ viewport: { width: 1600, height: 1000 } });
    if (!context) throw new Error('no browser');
    await context.route((u) => !isLocal(u.href), (route) => route.abort());
    const fresh = await context.newPage();
    const freshErrors: string[] = [];
    fresh.on('pageerror', (e) => freshErrors.push(e.message));
    await fresh.goto(url, { waitUntil: 'load' });
    await expect.poll(() => entries(fresh), { timeout: 20_000 }).toEqual(before);
    await fresh.evaluate(() => window.scrollTo(0, 0));
    await fresh.screenshot({ path: 'screenshots/artefacts-shared-link.png' });
    expect(freshErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
