import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, type LabPage } from './labPage.ts';

/**
 * config.json's reader in Chinese in the real page (`?lang=zh`, issue 6
 * point 6): a broken config.json run from the Spec pane and pasted in the
 * Import tab is refused in Chinese, with the JSON path, value and line kept
 * as written. Leaves screenshots/spec-zh-refused.png and spec-zh-import.png.
 */
let lab: LabPage;
let page: Page;
let errors: string[];

beforeAll(async () => {
  lab = await openLabPage({ width: 1600, height: 1000 });
  ({ page, errors } = lab);
  await page.goto(`${page.url().split('?')[0]}?lang=zh`, { waitUntil: 'load' });
  await page.locator('.terminal-host .xterm-rows').waitFor();
}, 90_000);

afterAll(async () => lab?.close(), 15_000);

const editor = () => page.locator('#spec-editor');
const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('a refused config.json, in Chinese', () => {
  it('the Spec pane: a bad namespace type, its path, value and line kept', async () => {
    await page.locator('.spec-pane > summary').click();
    await expect.poll(async () => editor().inputValue(), { timeout: 15_000 }).toContain('"hostname": "runc"');
    await editor().fill((await editor().inputValue()).replace('"type": "network"', '"type": "netns"'));
    await page.getByRole('button', { name: '运行此规范' }).click();
    await expect.poll(() => text('.spec-problem .spec-message')).toMatch(/^linux\.namespaces\[\d+\]\.type："netns" 不是命名空间类型；规范中的类型有 pid, .*（第 \d+ 行第 \d+ 列）$/);
    await page.locator('.spec-edit').screenshot({ path: 'screenshots/spec-zh-refused.png' });
  }, 30_000);

  it('the Import tab: a missing cwd', async () => {
    await page.locator('.byo-pane > summary').click();
    await page.getByRole('tab', { name: 'docker run / config.json' }).click();
    await page.locator('#byo-import-text').fill('{\n  "ociVersion": "1.3.0",\n  "root": {"path": "rootfs"},\n  "process": {"user": {"uid": 0, "gid": 0}, "args": ["sh"], "cwd": "home"}\n}');
    await page.getByRole('button', { name: '据此配置容器' }).click();
    await expect.poll(() => text('.byo-import .byo-message')).toBe('process.cwd："home" 不是绝对路径；工作目录必须以 / 开头（第 4 行第 68 列）');
    await page.locator('.byo-import').screenshot({ path: 'screenshots/spec-zh-import.png' });
    expect(errors).toEqual([]);
  }, 30_000);
});
