import { defineMessages } from './localize.ts';

/**
 * The lab's own sentences composed in the store outside the lab commands'
 * catalog (labCommandMessages.ts): the comparison's refusals, the lesson
 * commands' errors, the escape matrix in the terminal, and what is wrong
 * with the page's address, a shared link or the saved lesson progress.
 * Runtime ids, scenario ids, CVE ids, errno names, layer ids, hop notes and
 * the syntax a person types stay as written.
 */
export const compareText = defineMessages({
  needRuntimes: { en: 'name 2 to {max} runtimes to compare, e.g. runc gvisor kata', zh: '请列出 2 到 {max} 个要比较的运行时，例如 runc gvisor kata' },
  tooMany: { en: 'at most {max} runtimes side by side (got {n})', zh: '最多并排比较 {max} 个运行时（给出了 {n} 个）' },
  labBug: { en: 'the lab failed on this comparison (a bug): {error}', zh: '实验室执行这次比较时出错（这是个 bug）：{error}' },
  noRuntime: { en: 'no runtime to compare', zh: '没有可比较的运行时' },
  noResult: { en: 'no result', zh: '没有结果' },
});

export const lessonCommandText = defineMessages({
  noLesson: { en: "lesson: no lesson '{name}'{hint} (lessons lists them)", zh: "lesson：没有名为 '{name}' 的课程{hint}（输入 lessons 查看列表）" },
  didYouMean: { en: ' — did you mean {hint}?', zh: '——是不是想输入 {hint}？' },
  notAStep: { en: "lesson: '{word}' is not a step number (1, 2, …)", zh: "lesson：'{word}' 不是步骤编号（1、2、……）" },
});

export const escapesText = defineMessages({
  stopped: { en: 'stopped', zh: '已拦截' },
  contained: { en: 'contained', zh: '被隔离' },
  through: { en: 'THROUGH', zh: '穿透' },
  notApplicable: { en: 'n/a', zh: '不适用' },
  group: { en: '{outcome}: {runtimes}', zh: '{outcome}：{runtimes}' },
  heading: { en: 'The escape lab: each attack run under each runtime from a fresh boot', zh: '逃逸实验室：每种攻击在每个运行时下各自从全新启动开始运行' },
  legend: {
    en: "THROUGH: the host kernel ran the attack's goal call · contained: only the sandbox's own kernel did · stopped: a gate refused a step · n/a: cannot be set up so",
    zh: '穿透：宿主机内核执行了攻击的目标调用 · 被隔离：只有沙箱自己的内核执行了它 · 已拦截：某个关卡拒绝了其中一步 · 不适用：无法这样搭建',
  },
  caveatMark: { en: '†: the real system, as commonly configured, differs here', zh: '†：按常见配置的真实系统在这里与模型不同' },
  more: { en: 'escapes SCENARIO for the gates and why ({list})', zh: '输入 escapes 场景名 查看各个关卡及原因（{list}）' },
  source: { en: 'source: {source} — {url}', zh: '来源：{source} — {url}' },
  setup: { en: 'setup: docker run {flags} …   attack: {attack}', zh: '搭建：docker run {flags} …   攻击：{attack}' },
  defaults: { en: '(defaults)', zh: '（默认）' },
  caveat: { en: '    † caveat: {text}', zh: '    † 注意：{text}' },
  simplified: { en: 'simplified: {text}', zh: '简化之处：{text}' },
  unknown: { en: "no escape scenario '{id}'; the scenarios are {list}", zh: "没有名为 '{id}' 的逃逸场景；可用的场景：{list}" },
});

export const urlText = defineMessages({
  address: { en: "This page's address: {problem}.", zh: '本页地址有误：{problem}。' },
  tooManyLines: { en: 'run: only the first {max} of {n} lines run', zh: 'run：{n} 行中只运行前 {max} 行' },
  theme: { en: 'theme={value}: expected light or dark', zh: 'theme={value}：应为 light 或 dark' },
  lang: { en: 'lang={value}: expected en or zh', zh: 'lang={value}：应为 en 或 zh' },
  notKeyValue: { en: "runtime={text}: '{pair}' is not KEY=VALUE (e.g. gvisor:platform=kvm)", zh: "runtime={text}：'{pair}' 不是 KEY=VALUE 的形式（例如 gvisor:platform=kvm）" },
  runtimeEmpty: { en: 'runtime is empty', zh: 'runtime 为空' },
  stepNeedsLesson: { en: 'step needs a lesson (lesson=ID&step=N)', zh: 'step 需要同时给出课程（lesson=ID&step=N）' },
  badStep: { en: 'step={value}: expected a step number from 1', zh: 'step={value}：应为从 1 开始的步骤编号' },
  badSpeed: { en: 'speed={value}: expected a number from 0.25 to 4', zh: 'speed={value}：应为 0.25 到 4 之间的数' },
  badPanels: { en: 'panels: unknown {unknown} (expected some of {list})', zh: 'panels：未知的 {unknown}（应取自 {list}）' },
  noRuntime: { en: 'runtime={id} is not a runtime of the lab (expected one of {list})', zh: 'runtime={id} 不是实验室中的运行时（应为其中之一：{list}）' },
  noSetting: { en: "{id} has no setting '{key}'{has}", zh: "{id} 没有名为 '{key}' 的设置{has}" },
  itHas: { en: ' (it has {list})', zh: '（它有 {list}）' },
  badValue: { en: "{key}={value} is not a value of {id}'s {key} ({list})", zh: '{key}={value} 不是 {id} 的 {key} 可取的值（{list}）' },
  noLesson: { en: 'lesson={id} is not a lesson of the lab (expected one of {list})', zh: 'lesson={id} 不是实验室中的课程（应为其中之一：{list}）' },
  badSession: { en: "The shared link's session could not be read: {message}. The lab started clean.", zh: '无法读取分享链接中的会话：{message}。实验室已从空白状态启动。' },
});

export const progressText = defineMessages({
  refused: { en: 'the browser would not give back the lesson progress ({error})', zh: '浏览器未能取回课程进度（{error}）' },
  notJson: { en: 'the saved lesson progress is not valid JSON', zh: '保存的课程进度不是有效的 JSON' },
  notObject: { en: 'the saved lesson progress is not an object', zh: '保存的课程进度不是一个对象' },
  badVersion: { en: 'the saved lesson progress has version {version}, not {expected}', zh: '保存的课程进度版本为 {version}，而不是 {expected}' },
  noSteps: { en: 'the saved lesson progress has no record of steps done', zh: '保存的课程进度中没有已完成步骤的记录' },
  badSteps: { en: "the saved lesson progress has a malformed list of steps for lesson '{id}'", zh: "保存的课程进度中，课程 '{id}' 的步骤列表格式有误" },
  replaced: { en: '{message}: it was replaced by empty progress.', zh: '{message}：已用空白进度替换。' },
});
