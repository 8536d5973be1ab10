import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabPage, terminalScreen, type LabPage } from './labPage.ts';

/**
 * The lessons band in Chromium (issue 6, point 1): collapsed to one button
 * until opened; a lesson from the picker; a command button runs its line in
 * the terminal; the goal is announced as met; the free sandbox collapses it.
 */
let lab: LabPage;

beforeAll(async () => {
  lab = await openLabPage({ width: 1440, height: 900 });
}, 120_000);

afterAll(async () => {
  await lab.close();
}, 15_000);

describe('the lessons panel', () => {
  it('opens a lesson, runs a command button in the terminal and shows the goal met', async () => {
    const { page } = lab;
    const band = page.getByRole('region', { name: 'Lessons' });
    await band.getByRole('button', { name: 'Lessons ▾' }).click();
    await band.getByRole('button', { name: /seccomp: Docker's default profile/ }).click();
    await expect.poll(() => band.locator('.lesson-goal-state').textContent()).toContain('Not met yet');
    await band.getByRole('button', { name: 'Run in the terminal: reboot' }).click();
    await expect.poll(() => band.locator('.lesson-goal-state').textContent(), { timeout: 15_000 }).toContain('Goal met');
    await expect.poll(() => terminalScreen(page)).toContain('reboot(LINUX_REBOOT_MAGIC1');
    await expect.poll(() => band.locator('.lesson-choice.current .lesson-ticks').textContent()).toBe('✓·');
    await page.screenshot({ path: 'screenshots/lessons-goal-met.png' });
    await band.getByRole('button', { name: 'Next ▸' }).click();
    await expect.poll(() => band.locator('.lesson-where').textContent()).toContain('Step 2 of 2');
    await band.getByRole('button', { name: 'Free sandbox' }).first().click();
    await expect.poll(() => band.getByRole('button', { name: 'Lessons ▾' }).count()).toBe(1);
    expect(lab.errors).toEqual([]);
  }, 60_000);
});
