import { describe, expect, it, vi } from 'vitest';
import type { EscapeRun } from '../../src/machines/escapeRun.ts';
import { escapeReplay } from '../../src/store/escapes.ts';

/**
 * A cell whose attack made no call (a scenario that does not apply and was
 * not run) cannot be played: its replay is refused with the cell's sentence,
 * in the store's language. No scenario of the catalogue does this today, so
 * the run is stubbed.
 */
vi.mock('../../src/machines/escapeRun.ts', () => ({
  runEscape: (): EscapeRun => ({
    scenario: 'dirty-pipe',
    runtime: 'runc',
    setup: 'docker run -it debian sh',
    setupCalls: [],
    steps: [],
    verdict: { type: 'not-applicable', why: { en: 'needs a host with cgroup v1', zh: '需要 cgroup v1 的宿主机' }, ran: null },
  }),
}));

describe('escapeReplay of a cell with no call', () => {
  it.each([
    ['en', /cgroup v1/],
    ['zh', /需要 cgroup v1 的宿主机/],
  ] as const)('is refused in %s', (language, sentence) => {
    const replay = escapeReplay('dirty-pipe', 'runc', language);
    expect(replay?.run.type).toBe('refused');
    expect(replay?.run.type === 'refused' && replay.run.message).toMatch(sentence);
  });
});
