import { describe, expect, it } from 'vitest';
import { RUNTIMES } from '../../src/sim/runtime/registry.ts';
import { RUNTIME_TEXT, runtimeText } from '../../src/ui/runtimeText.ts';
import { STACK_LABEL } from '../../src/sim/stack/layers.ts';

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
/** The control-plane stacks' diagram headings; `runc` alone is a program's name. */
const stacks = Object.entries(STACK_LABEL).filter(([, label]) => label !== 'runc').map(([kind, label]) => [`stack ${kind}`, label] as const);

describe('runtimeText', () => {
  it.each([...labels, ...summaries, ...descriptions, ...stacks])('%s has its Chinese', (_, en) => {
    const zh = runtimeText(en, 'zh');
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('holds no text the models no longer have', () => {
    const current = new Set([...labels, ...summaries, ...descriptions, ...stacks].map(([, en]) => en));
    expect(RUNTIME_TEXT.map((t) => t.en).filter((en) => !current.has(en))).toEqual([]);
  });

  it('keeps English as the model wrote it, and an unknown text as it is', () => {
    expect(runtimeText('runc (Docker default)', 'en')).toBe('runc (Docker default)');
    expect(runtimeText('something new', 'zh')).toBe('something new');
  });

  it.each([
    ['docker', 'docker → dockerd → containerd → shim → 运行时'],
    ['kubernetes', 'kubectl → API 服务器 → kubelet → CRI → 运行时'],
    ['podman', 'podman → conmon → 运行时'],
    ['runc', 'runc'],
  ] as const)('names the %s stack in Chinese, its English unchanged', (kind, zh) => {
    expect(runtimeText(STACK_LABEL[kind], 'zh')).toBe(zh);
    expect(runtimeText(STACK_LABEL[kind], 'en')).toBe(STACK_LABEL[kind]);
  });
});
