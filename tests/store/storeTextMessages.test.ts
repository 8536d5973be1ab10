import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore } from '../../src/store/labStore.ts';
import { buildCompareView, parseCompareSpecs } from '../../src/store/compareView.ts';
import { matrixLines, runEscapes, scenarioLines } from '../../src/store/escapesCommand.ts';
import { escapeRow } from '../../src/store/escapes.ts';
import { attachLessonProgress, LESSONS_KEY, loadProgress } from '../../src/store/lessonProgress.ts';
import { applyUrlSettings, sharedLinkProblem } from '../../src/store/urlApply.ts';
import { parseUrlSettings } from '../../src/store/urlState.ts';
import type { TranscriptLine } from '../../src/store/views.ts';
import type { Language } from '../../src/sim/text/language.ts';

/**
 * The store's own sentences in Chinese mode (issue 6 point 6): the lab's
 * words are translated, while runtime ids, scenario ids, CVE ids, errno
 * names, layer ids and the syntax a person types stay as written. English
 * stays as it was (the other store tests check it word for word).
 */
const HAN = /[\u4e00-\u9fff]/;
const errors = (lines: readonly TranscriptLine[]) => lines.filter((l) => l.kind === 'error').map((l) => l.text).join('\n');

function store(language: Language) {
  const s = createLabStore(createEngine());
  s.getState().setLanguage(language);
  return s;
}

describe('compare refusals', () => {
  it.each([
    [[], 'en', 'name 2 to 4 runtimes to compare, e.g. runc gvisor kata'],
    [[], 'zh', '请列出 2 到 4 个要比较的运行时，例如 runc gvisor kata'],
    [['runc', 'gvisor', 'kata', 'nabla', 'host'], 'en', 'at most 4 runtimes side by side (got 5)'],
    [['runc', 'gvisor', 'kata', 'nabla', 'host'], 'zh', '最多并排比较 4 个运行时（给出了 5 个）'],
  ] as const)('%j in %s', (texts, language, message) => {
    expect(parseCompareSpecs(texts, language)).toEqual({ ok: false, message });
    expect(buildCompareView('getpid()', texts, {}, language)).toEqual({ ok: false, message });
  });

  it('the store passes its language to the comparison', () => {
    const s = store('zh');
    s.getState().compare('getpid()', []);
    expect(s.getState().compareMessage).toBe('没有可比较的运行时');
  });
});

describe('lesson command errors', () => {
  it.each([
    ['en', 'lesson namespace', "lesson: no lesson 'namespace' — did you mean namespaces? (lessons lists them)"],
    ['zh', 'lesson namespace', "lesson：没有名为 'namespace' 的课程——是不是想输入 namespaces？（输入 lessons 查看列表）"],
    ['en', 'lesson namespaces x', "lesson: 'x' is not a step number (1, 2, …)"],
    ['zh', 'lesson namespaces 0', "lesson：'0' 不是步骤编号（1、2、……）"],
  ] as const)('%s: %s', (language, line, message) => {
    const s = store(language);
    s.getState().submitLine(line);
    expect(errors(s.getState().transcript)).toBe(message);
  });
});

describe('the escapes command', () => {
  it('prints the matrix with Chinese words, keeping scenario and CVE ids', () => {
    const lines = matrixLines('zh');
    expect(lines[0]?.text).toBe('逃逸实验室：每种攻击在每个运行时下各自从全新启动开始运行');
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('dirty-pipe (CVE-2022-0847)');
    expect(text).toMatch(/穿透：[a-z]/);
    expect(text).toContain('已拦截：');
    expect(text).not.toMatch(/\b(THROUGH|contained|stopped|setup|source|simplified)\b/);
  });

  it('English stays as it was', () => {
    const text = matrixLines().map((l) => l.text).join('\n');
    expect(text).toContain('The escape lab: each attack run under each runtime from a fresh boot');
    expect(text).toMatch(/THROUGH: [a-z]/);
    expect(text).toContain("THROUGH: the host kernel ran the attack's goal call · contained: only the sandbox's own kernel did");
  });

  it('one scenario in Chinese: title, cells and sentences in Chinese; layer ids and errno names as the model prints them', () => {
    const row = escapeRow('dirty-pipe');
    if (!row) throw new Error('no dirty-pipe scenario');
    const lines = scenarioLines(row, 'zh');
    expect(lines[0]?.text).toBe(`${row.title.zh}  [CVE-2022-0847]`);
    expect(lines[1]?.text).toMatch(/^来源：/);
    expect(lines[2]?.text).toMatch(/^搭建：docker run .*攻击：/);
    for (const c of row.cells) {
      const cell = lines.find((l) => l.text.startsWith(`  ${c.runtime.padEnd(14)}`));
      expect(cell?.text).toContain(c.sentence.zh);
      if (c.gate) expect(cell?.text).toContain(c.gate);
      if (c.errno) expect(cell?.text).toContain(c.errno);
      expect(cell?.text).toMatch(HAN);
    }
    expect(lines.at(-1)?.text).toBe(`简化之处：${row.simplifies.zh}`);
  });

  it.each([
    ['en', "no escape scenario 'nope'; the scenarios are "],
    ['zh', "没有名为 'nope' 的逃逸场景；可用的场景："],
  ] as const)('an unknown scenario in %s', (language, start) => {
    const printed: TranscriptLine[] = [];
    runEscapes({ getState: () => ({ print: (l) => printed.push(...l), language }) }, ['nope']);
    expect(printed).toHaveLength(1);
    expect(printed[0]?.text.startsWith(start)).toBe(true);
    expect(printed[0]?.text).toContain('dirty-pipe');
  });
});

describe("the page's address", () => {
  it.each([
    ['?theme=sepia', 'theme=sepia: expected light or dark'],
    ['?lang=zh&theme=sepia', 'theme=sepia：应为 light 或 dark'],
    ['?lang=zh&speed=fast', 'speed=fast：应为 0.25 到 4 之间的数'],
    ['?lang=zh&step=2', 'step 需要同时给出课程（lesson=ID&step=N）'],
    ['?lang=zh&lesson=x&step=0', 'step=0：应为从 1 开始的步骤编号'],
    ['?lang=zh&panels=diagram,map', 'panels：未知的 map（应取自 terminal, diagram,'],
    ['?lang=zh&runtime=gvisor:platform', "runtime=gvisor:platform：'platform' 不是 KEY=VALUE 的形式（例如 gvisor:platform=kvm）"],
    ['?lang=zh&runtime=', 'runtime 为空'],
    [`?lang=zh&${Array.from({ length: 60 }, () => 'run=getpid()').join('&')}`, 'run：60 行中只运行前 50 行'],
  ])('%s: %s', (search, problem) => {
    expect(parseUrlSettings(search).problems.join('\n')).toContain(problem);
  });

  it('a language given by the caller wins over the address', () => {
    expect(parseUrlSettings('?lang=fr', '', 'zh').problems).toEqual(['lang=fr：应为 en 或 zh']);
  });

  it.each([
    ['?lang=zh&theme=sepia', '本页地址有误：theme=sepia：应为 light 或 dark。'],
    ['?lang=zh&runtime=gvizor', '本页地址有误：runtime=gvizor 不是实验室中的运行时（应为其中之一：'],
    ['?lang=zh&runtime=gvisor:plaform=kvm', "本页地址有误：gvisor 没有名为 'plaform' 的设置（它有 platform,"],
    ['?lang=zh&runtime=gvisor:platform=hyperv', '本页地址有误：platform=hyperv 不是 gvisor 的 platform 可取的值（'],
    ['?lang=zh&lesson=no-such-lesson', '本页地址有误：lesson=no-such-lesson 不是实验室中的课程（应为其中之一：'],
    ['?theme=sepia', "This page's address: theme=sepia: expected light or dark."],
    ['?runtime=gvizor', "This page's address: runtime=gvizor is not a runtime of the lab (expected one of "],
  ])('%s is said in the terminal: %s', (search, text) => {
    const s = createLabStore(createEngine());
    const { settings, problems } = parseUrlSettings(search);
    applyUrlSettings(s, settings, problems);
    expect(errors(s.getState().transcript)).toContain(text);
  });

  it.each([
    ['en', "The shared link's session could not be read: it is damaged. The lab started clean."],
    ['zh', '无法读取分享链接中的会话：it is damaged。实验室已从空白状态启动。'],
  ] as const)('a shared link that cannot be read, in %s', (language, text) => {
    const s = store(language);
    sharedLinkProblem(s, 'it is damaged');
    expect(errors(s.getState().transcript)).toBe(text);
  });
});

describe('saved lesson progress that cannot be read', () => {
  const memory = (text: string) => ({ getItem: (k: string) => (k === LESSONS_KEY ? text : null), setItem: () => undefined });
  it.each([
    ['{oops', '保存的课程进度不是有效的 JSON'],
    ['42', '保存的课程进度不是一个对象'],
    ['{"version":9,"done":{}}', '保存的课程进度版本为 9，而不是 1'],
    ['{"version":1}', '保存的课程进度中没有已完成步骤的记录'],
    ['{"version":1,"done":{"cgroups":"all"}}', "保存的课程进度中，课程 'cgroups' 的步骤列表格式有误"],
  ])('%s', (text, message) => {
    expect(loadProgress(memory(text), 'zh')).toEqual({ type: 'corrupt', message });
    const s = store('zh');
    attachLessonProgress(s, memory(text));
    expect(errors(s.getState().transcript)).toBe(`${message}：已用空白进度替换。`);
  });

  it('English stays as it was', () => {
    const s = store('en');
    attachLessonProgress(s, memory('42'));
    expect(errors(s.getState().transcript)).toBe('the saved lesson progress is not an object: it was replaced by empty progress.');
  });
});
