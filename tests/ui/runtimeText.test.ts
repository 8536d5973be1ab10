import { describe, expect, it } from 'vitest';
import { RUNTIMES } from '../../src/sim/runtime/registry.ts';
import { RUNTIME_TEXT, runtimeText } from '../../src/ui/runtimeText.ts';

/**
 * The Chinese of the runtime models' labels, summaries and option
 * descriptions (src/ui/runtimeText.ts) covers every text the registry has,
 * word for word: a model that changes its English fails here until the
 * Chinese is brought up to date.
 */
/** Labels that are product names, the same in Chinese. */
const NAMES = new Set(['gVisor (runsc)', 'Kata Containers', 'Firecracker microVM', 'LightVM (Xen, chaos + noxs)']);

const summaries = RUNTIMES.map((r) => [r.id, r.summary] as const);
const descriptions = RUNTIMES.flatMap((r) => r.options.map((o) => [`${r.id} --${o.key}`, o.description] as const));
const labels = RUNTIMES.filter((r) => !NAMES.has(r.label)).map((r) => [r.id, r.label] as const);

describe('runtimeText', () => {
  it.each([...labels, ...summaries, ...descriptions])('%s has its Chinese', (_, en) => {
    const zh = runtimeText(en, 'zh');
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('holds no text the models no longer have', () => {
    const current = new Set([...labels, ...summaries, ...descriptions].map(([, en]) => en));
    expect(RUNTIME_TEXT.map((t) => t.en).filter((en) => !current.has(en))).toEqual([]);
  });

  it('keeps English as the model wrote it, and an unknown text as it is', () => {
    expect(runtimeText('runc (Docker default)', 'en')).toBe('runc (Docker default)');
    expect(runtimeText('something new', 'zh')).toBe('something new');
  });
});
