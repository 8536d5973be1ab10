import { describe, expect, it } from 'vitest';
import { optionsProblemIn } from '../../src/store/optionsProblems.ts';
import { runLabLine, type LabApi, type LabView } from '../../src/store/labCommands.ts';
import type { TranscriptLine } from '../../src/store/views.ts';
import { resolveOptions } from '../../src/sim/runtime/options.ts';
import { GVISOR } from '../../src/sim/runtime/gvisor.ts';
import { KATA } from '../../src/sim/runtime/kata.ts';
import { RUNC } from '../../src/sim/runtime/runc.ts';
import type { RuntimeModel } from '../../src/sim/runtime/types.ts';

/**
 * A runtime's refused settings in Chinese (issue 6 point 6): resolveOptions
 * gives its problem as data; the lab's sentences are worded in the store,
 * Kata's own refusal stays in its config loader's words.
 */
const HAN = /[\u4e00-\u9fff]/;

const CASES: readonly [what: string, model: RuntimeModel, given: Record<string, string>, zh: string][] = [
  ['a value the option does not take', GVISOR, { platform: 'xen' }, "--platform 可取 systrap, ptrace, kvm，不能是 'xen'"],
  ['a key with a near miss', GVISOR, { platfrom: 'kvm' }, 'gvisor 没有 --platfrom 这个选项（是不是想输入 --platform？）；它的选项：--platform'],
  ['a key with no near miss', GVISOR, { zzzzzz: 'on' }, 'gvisor 没有 --zzzzzz 这个选项；它的选项：'],
];

describe('refused settings', () => {
  it.each(CASES)('%s: English as the sim wrote it, Chinese of its own', (_what, model, given, zh) => {
    const r = resolveOptions(model, given);
    if (r.ok) throw new Error('accepted');
    expect(optionsProblemIn(r.problem, 'en')).toBe(r.message);
    const chinese = optionsProblemIn(r.problem, 'zh');
    expect(chinese).toMatch(HAN);
    expect(chinese).toContain(zh);
  });

  it('a runtime that takes no options says so', () => {
    const r = resolveOptions(RUNC, { platform: 'kvm' });
    if (r.ok) throw new Error('accepted');
    expect(optionsProblemIn(r.problem, 'en')).toBe(r.message);
    expect(optionsProblemIn(r.problem, 'zh')).toBe('runc 没有 --platform 这个选项；它没有选项');
  });

  it("Kata's own refusal (Cloud Hypervisor with 9p) stays in Kata's words in both languages", () => {
    const r = resolveOptions(KATA, { hypervisor: 'clh', 'shared-fs': 'virtio-9p' });
    if (r.ok) throw new Error('accepted');
    expect(r.message).toBe('kata: Cloud Hypervisor does not support virtio-9p shared filesystem option');
    expect(optionsProblemIn(r.problem, 'zh')).toBe(r.message);
  });
});

describe('the runtime command in Chinese', () => {
  it.each([
    ['runtime gvisor --platform xen', "--platform 可取 systrap, ptrace, kvm，不能是 'xen'"],
    ['verdicts gvisor --platfrom kvm', '（是不是想输入 --platform？）'],
  ])('%s', (line, zh) => {
    const printed: TranscriptLine[] = [];
    const state = { runtimes: [], runtimeId: 'runc', entries: [], options: {}, playback: { entryId: null, speed: 1 }, language: 'zh', print: (lines: TranscriptLine[]) => printed.push(...lines) } as unknown as LabView;
    const api: LabApi = { getState: () => state };
    expect(runLabLine(api, line)).toBe(true);
    expect(printed.map((l) => l.text).join('\n')).toContain(zh);
  });
});
