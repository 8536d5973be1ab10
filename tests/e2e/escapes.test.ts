import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, terminalScreen, typeLine, type LabPage } from './labPage.ts';

/**
 * The escape lab in the real page: open it, see the matrix with a word and a
 * mark in every cell (not colour alone), click a cell, and watch the diagram
 * play that run while the scenario's source and simplifications show.
 * Leaves screenshots/escapes.png and escapes-zh.png.
 */
let lab: LabPage;
let page: Page;

beforeAll(async () => {
  lab = await openLabPage({ width: 1600, height: 1000 });
  ({ page } = lab);
}, 90_000);

afterAll(async () => lab?.close(), 15_000);

describe('the escape lab', () => {
  it('runs the matrix on demand: every cell says its outcome in words', async () => {
    const section = page.locator('section.escape-lab');
    await section.scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Run the escape lab' }).click();
    await page.locator('table.escape-matrix').waitFor({ timeout: 60_000 });
    const cells = page.locator('.escape-cell button');
    expect(await cells.count()).toBe(9 * 8);
    const words = await page.locator('.escape-cell .word').allTextContents();
    expect(new Set(words)).toEqual(new Set(['stopped', 'contained', 'through', 'n/a']));
    expect(await page.locator('[data-cell="module-load/runc"]').textContent()).toMatch(/stopped.*seccomp.*EPERM/);
    // A caveat is marked in the cell (and said in words to a screen reader), not hidden.
    expect(await page.locator('[data-cell="privileged-mount/kata"] .caveat-mark').count()).toBe(1);
    expect(await page.locator('[data-cell="privileged-mount/kata"]').getAttribute('aria-label')).toContain('caveat');
  }, 90_000);

  it('replays a cell in the diagram and shows its citation and simplifications', async () => {
    await page.locator('[data-cell="dirty-pipe/gvisor"]').click();
    const detail = page.locator('.escape-detail');
    await expect.poll(async () => (await detail.textContent()) ?? '', { timeout: 15_000 }).toContain('https://dirtypipe.cm4all.com/');
    expect(await detail.textContent()).toContain('What the lab simplifies');
    expect(await page.locator('[data-cell="dirty-pipe/gvisor"]').getAttribute('aria-pressed')).toBe('true');
    const replay = page.locator('.escape-replay .diagram-pane');
    expect(await replay.getAttribute('data-runtime')).toBe('gvisor');
    // The token moves: layers light up with the verdict of the hop that visited them.
    await expect.poll(async () => replay.locator('[data-verdict]').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expect.poll(async () => (await replay.locator('.diagram-sentence').textContent()) ?? '', { timeout: 15_000 }).not.toBe('');
    await expect.poll(async () => replay.locator('[data-verdict]').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    await page.locator('section.escape-lab').screenshot({ path: 'screenshots/escapes.png' });
  }, 60_000);

  it('prints the matrix in the terminal for the escapes command', async () => {
    await typeLine(page, 'escapes');
    await expect.poll(() => terminalScreen(page), { timeout: 30_000 }).toMatch(/io-uring\n\s+THROUGH: host · contained: gvisor,[\s\S]*escapes SCENARIO for the gates/);
    await page.locator('.pane-terminal').screenshot({ path: 'screenshots/escapes-terminal.png' });
  }, 60_000);

  it('speaks Chinese when the page does', async () => {
    await page.locator('select').filter({ has: page.locator('option[value="zh"]') }).first().selectOption('zh');
    await expect.poll(async () => page.locator('section.escape-lab h2').textContent()).toBe('逃逸实验室');
    expect(await page.locator('[data-cell="dirty-pipe/gvisor"] .word').textContent()).toBe('被隔离');
    await page.locator('section.escape-lab').screenshot({ path: 'screenshots/escapes-zh.png' });
    // A cell with a caveat says it in the detail, in Chinese too.
    await page.locator('[data-cell="privileged-mount/kata"]').click();
    await expect.poll(async () => (await page.locator('.escape-caveat').textContent()) ?? '', { timeout: 15_000 }).toContain('privileged_without_host_devices');
    await page.locator('.escape-detail').screenshot({ path: 'screenshots/escapes-caveat-zh.png' });
  }, 30_000);
});
