import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore, type Entry } from '../../src/store/labStore.ts';
import { exportName, narrationMarkdown } from '../../src/store/narrationExport.ts';

/** The narration of a run as Markdown for lecture notes (issue 6, point 5). */
const entryOf = (runtime: string, line: string, options?: Record<string, string>): Entry => {
  const store = createLabStore(createEngine());
  store.getState().chooseRuntime(runtime);
  if (options) store.getState().configure(runtime, options);
  store.getState().submitCommand(line);
  const e = store.getState().entries[0];
  if (!e) throw new Error('no entry');
  return e;
};

describe('narrationMarkdown', () => {
  it('writes the input, the runtime with its settings, each hop and the result', () => {
    const e = entryOf('gvisor', 'getpid()', { platform: 'kvm' });
    const md = narrationMarkdown(e, 'en');
    const call = e.run.type === 'ran' ? e.run.calls[0] : undefined;
    expect(md.split('\n').slice(0, 4)).toEqual(['# getpid()', '', '- Input: `getpid()`', expect.stringMatching(/^- Runtime: gvisor \(.*platform=kvm.*\)$/)]);
    expect(md).toContain('## Call 1 of 1: getpid');
    call?.hops.forEach((h, i) => expect(md).toContain(`${i + 1}. **${h.layer}** — ${h.verdict}: ${h.note}`));
    expect(md).toContain(`Result: \`${call?.line}\``);
    expect(md).toContain('Exit status: 0');
  });

  it('says why a denied call failed, after its strace result', () => {
    const e = entryOf('runc', 'reboot(LINUX_REBOOT_CMD_RESTART)');
    const call = e.run.type === 'ran' ? e.run.calls[0] : undefined;
    expect(call?.reason).toBeTruthy();
    expect(narrationMarkdown(e, 'en')).toContain(`Result: \`${call?.line}\` ← ${call?.reason}`);
  });

  it('puts program output in a fence', () => {
    const md = narrationMarkdown(entryOf('runc', 'cat /etc/hostname'), 'en');
    expect(md).toMatch(/Standard output:\n\n```\n[0-9a-f]+\n```/);
  });

  it.each([
    ['en', undefined, 'Nothing has been played yet'],
    ['zh', undefined, '还没有播放任何内容'],
  ] as const)('%s, nothing played: %s', (lang, entry, text) => {
    expect(narrationMarkdown(entry, lang)).toContain(text);
  });

  it('a refused line says why, in Chinese headings with the model\'s message as it is', () => {
    const e = entryOf('runc', 'opnat()');
    expect(e.run.type).toBe('refused');
    const md = narrationMarkdown(e, 'zh');
    expect(md).toContain('- 输入: `opnat()`');
    expect(md).toContain(`未运行: ${e.run.type === 'refused' ? e.run.message : ''}`);
  });

  it('an input with backticks stays inline code', () => {
    const e = { ...entryOf('runc', 'getpid()'), input: 'echo `id`' };
    expect(narrationMarkdown(e, 'en')).toContain('- Input: `` echo `id` ``');
  });
});

describe('exportName', () => {
  it.each([
    [{ id: 3, input: 'getpid()' }, 'md', 'isolab-3-getpid.md'],
    [{ id: 12, input: '  cat /etc/hostname' }, 'svg', 'isolab-12-cat.svg'],
    [undefined, 'png', 'isolab-0-lab.png'],
  ])('%j → %s', (e, ext, name) => {
    expect(exportName(e as Entry | undefined, ext)).toBe(name);
  });
});
