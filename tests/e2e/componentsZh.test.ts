import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, typeLine as typeInto, type LabPage } from './labPage.ts';

/**
 * `?lang=zh` (issue 6, point 6): the inspector, the comparison, the terminal's
 * hint, the runtime picker, "Try a call", its output and the runtime table
 * speak Chinese; the model's output (strace lines) stays as printed.
 * Leaves screenshots/zh-lab.png and screenshots/zh-compare.png.
 */
let lab: LabPage;
let page: Page;

beforeAll(async () => {
  lab = await openLabPage({ width: 1600, height: 1000 });
  page = lab.page;
  await page.goto(`${page.url().split('?')[0]}?lang=zh`, { waitUntil: 'load' });
  await page.locator('.terminal-host .xterm-rows').waitFor();
}, 90_000);

afterAll(async () => lab?.close(), 15_000);

const typeLine = (text: string) => typeInto(page, text);
const textOf = async (selector: string) => (await page.locator(selector).first().textContent()) ?? '';

describe('the components in Chinese', () => {
  it('the terminal hint, the picker, the inspector, the form and the runtime table', async () => {
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await textOf('.terminal-hint')).toContain('补全');
    expect(await textOf('label[for="pick-runtime"]')).toBe('运行时');
    await typeLine('sethostname("lab", 3)');
    await expect.poll(() => textOf('.inspector')).toContain('内部');
    const inspector = await textOf('.inspector');
    for (const word of ['由宿主机内核提供服务', '进程', '资源（cgroup v2）', '权限', '挂载', '打开的文件', '运行时设置', '边界集']) expect(inspector).toContain(word);
    expect(inspector).not.toMatch(/Served by|Processes|Privileges|Bounding set/);
    expect(await textOf('#try-heading')).toBe('试一次调用');
    expect(await textOf('#runtimes-heading')).toBe('运行时一览');
    // The models' own descriptions, from src/ui/runtimeText.ts.
    expect(await textOf('table.runtimes tr[data-runtime="host"]')).toContain('宿主机（无隔离）');
    expect(await textOf('table.runtimes tr[data-runtime="gvisor"]')).toContain('由 Sentry 应答');
    await page.locator('#try-input').fill('getpid()');
    await page.locator('form.try button[type="submit"]').click();
    await expect.poll(() => textOf('.reference .output')).toContain('1 次调用，运行时');
    await page.screenshot({ path: 'screenshots/zh-lab.png', fullPage: true });
    expect(lab.errors).toEqual([]);
  }, 60_000);

  it('the comparison: its heading, columns and figures table', async () => {
    await typeLine('compare runc gvisor -- getpid()');
    const section = page.locator('.compare-section');
    await expect.poll(() => section.locator('.cmp-column').count(), { timeout: 15_000 }).toBe(2);
    const text = (await section.textContent()) ?? '';
    for (const word of ['对比：', '关闭', '结果', '跳数', '服务内核', '宿主机系统调用', '模型开销', '比值', '基准', '启动时间', '路径：']) expect(text).toContain(word);
    expect(text).toContain('getpid() = ');
    await section.screenshot({ path: 'screenshots/zh-compare.png' });
    expect(lab.errors).toEqual([]);
  }, 60_000);
});
