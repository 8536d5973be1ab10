import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, terminalScreen, typeLine as typeInto, type LabPage } from './labPage.ts';

/**
 * The Spec pane in the real page: `docker run -it --cap-add SYS_ADMIN debian
 * sh`, then the pane shows the config.json dockerd wrote (CAP_SYS_ADMIN in
 * it); a bad edit is refused with where, and the edit is kept; a good edit
 * runs and the terminal lands in the new container. Driven by keyboard where
 * a person would. Leaves screenshots/spec-pane.png and spec-pane-refused.png.
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
const editor = () => page.locator('#spec-editor');

const typeLine = (text: string) => typeInto(page, text);

describe('the Spec pane', () => {
  it('before any container: says how to get one, and the editor holds runc spec\'s default', async () => {
    await page.locator('.spec-pane > summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.locator('.spec-pane').getAttribute('open')).not.toBeNull();
    await expect.poll(async () => (await page.locator('.spec-empty').textContent()) ?? '').toContain("Run docker run -it … or runc run to see a container's config.json");
    await expect.poll(async () => editor().inputValue(), { timeout: 15_000 }).toContain('"hostname": "runc"');
  }, 30_000);

  it('shows the config.json dockerd wrote for docker run -it --cap-add SYS_ADMIN', async () => {
    await typeLine('docker run -it --cap-add SYS_ADMIN debian sh');
    await expect.poll(screen, { timeout: 15_000 }).toMatch(/\w+_\w+#\s*$/);
    await expect.poll(async () => (await page.locator('.spec-view').textContent()) ?? '').toContain('"CAP_SYS_ADMIN"');
    expect(await page.locator('.spec-summary').textContent()).toMatch(/of \w+_\w+, as the runtime was given it/);
    expect(await editor().inputValue()).toContain('"CAP_SYS_ADMIN"');
  }, 30_000);

  it('refuses a bad namespace type inline, naming the path and line, and keeps the edit', async () => {
    const good = await editor().inputValue();
    const bad = good.replace('"type": "network"', '"type": "netns"');
    await editor().fill(bad);
    await editor().focus();
    await page.keyboard.press('Control+Enter');
    const alert = page.locator('.spec-problem');
    await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(/Line \d+, column \d+ — linux\.namespaces\[\d+\]\.type/);
    expect(await editor().inputValue()).toBe(bad);
    await page.getByRole('button', { name: /Go to line/ }).click();
    const caret = await editor().evaluate((el) => { const t = el as HTMLTextAreaElement; return t.value.slice(t.selectionStart, t.selectionStart + 7); });
    expect(caret).toBe('"netns"');
    await page.locator('.spec-edit').screenshot({ path: 'screenshots/spec-pane-refused.png' });
  }, 30_000);

  it('runs an edited spec: the terminal lands in the new container', async () => {
    const text = (await editor().inputValue()).replace('"type": "netns"', '"type": "network"').replace(/"hostname": "[^"]*"/, '"hostname": "edited"');
    await editor().fill(text);
    await page.getByRole('button', { name: 'Run this spec' }).click();
    await expect.poll(screen, { timeout: 15_000 }).toMatch(/spec-1#\s*$/);
    await expect.poll(async () => page.locator('.spec-problem').count()).toBe(0);
    await expect.poll(async () => (await page.locator('.spec-view').textContent()) ?? '').toContain('"hostname": "edited"');
    await typeLine('hostname');
    await expect.poll(screen).toMatch(/spec-1# hostname\n[^]*\nedited\nspec-1#\s*$/);
    await page.locator('.spec-section').scrollIntoViewIfNeeded();
    await page.locator('.spec-section').screenshot({ path: 'screenshots/spec-pane.png' });
    expect(errors).toEqual([]);
  }, 30_000);

  it('imports a config.json file into the editor', async () => {
    await page.locator('.spec-file input[type=file]').setInputFiles({ name: 'config.json', mimeType: 'application/json', buffer: Buffer.from('{"ociVersion": "1.3.0", "imported": true}') });
    await expect.poll(async () => editor().inputValue()).toBe('{"ociVersion": "1.3.0", "imported": true}');
    await expect.poll(async () => (await page.locator('.spec-note').textContent()) ?? '').toContain('Imported config.json');
  }, 30_000);
});
