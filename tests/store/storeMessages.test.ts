import { describe, expect, it } from 'vitest';
import type { Localized } from '../../src/sim/text/language.ts';
import { RUNTIME_IDS, findRuntime } from '../../src/sim/runtime/registry.ts';
import type { BootOptions } from '../../src/sim/runtime/types.ts';
import { inspect, type InspectorView } from '../../src/store/inspector.ts';
import { seccompLabel } from '../../src/store/inspectorMessages.ts';
import { runLabLine, type LabApi, type LabView } from '../../src/store/labCommands.ts';
import type { TranscriptLine } from '../../src/store/views.ts';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore } from '../../src/store/labStore.ts';
import { attachPersistence, STORAGE_KEY } from '../../src/store/persistence.ts';

/**
 * The texts the store composes itself, in Chinese (issue 6, point 6): the lab
 * commands' answers and the inspector's notes. English is what the other
 * store tests check word for word; here every sentence the lab wrote in
 * Chinese mode is Chinese, while the model's words (syscall names, errno,
 * the command syntax) stay as written.
 */
const CJK = /[\u4e00-\u9fff]/;

function zhApi(over: Partial<LabView> = {}) {
  const printed: TranscriptLine[] = [];
  const state: LabView = {
    runtimes: [], runtimeId: 'runc', entries: [], options: {}, playback: { entryId: null, speed: 1 }, language: 'zh',
    print: (lines) => printed.push(...lines),
    configure: (runtime, options) => { state.runtimeId = runtime; state.options = { ...state.options, [runtime]: options }; },
    reset: () => {}, clearTranscript: () => {}, play: () => {}, pause: () => {}, stepForward: () => {}, stepBack: () => {}, setSpeed: () => {},
    ...over,
  };
  const api: LabApi = { getState: () => state };
  return { api, printed, run: (text: string) => { printed.length = 0; runLabLine(api, text); return printed.filter((l) => l.kind !== 'input'); } };
}

describe('lab commands in Chinese', () => {
  it.each([
    ['help', ['输入 strace 语法的系统调用', '实验室命令', '值得一试', '本列表；help NAME', 'runc（当前）', 'Tab 补全']],
    ['help gvisor', ['gvisor: gVisor (runsc)', 'Sentry 应答', 'runsc --platform：', '输入 runtime gvisor 切换到它']],
    ['help explain', ['explain SYSCALL — 它做什么', '  例如 explain keyctl']],
    ['help docker', ['都运行在实验室的宿主机上', '  例如 docker run']],
    ['explain openat', ['openat：系统调用 257（file：文件描述符上的 I/O）', ' 返回一个新的文件描述符', 'Linux 在 ', '各运行时如何对待单独的 openat', '由 ', '依据：没有 seccomp 过滤器']],
    ['explain getpidd', ["未知的系统调用 'getpidd'；是不是想输入 getpid"]],
    ['runtimes', ['运行时（runtime NAME 切换）', 'runc（Docker 默认）']],
    ['runtime gvisr', ["未知的运行时 'gvisr'（是不是想输入 gvisor？）；可用的运行时："]],
    ['runtime gvisor --platform', ['--platform 需要一个值：systrap']],
    ['runtime gvisor platform', ["'platform' 不是设置"]],
    ['verdicts runc', ['单独来看的', '（取决于参数）', '依据：Docker 的默认 seccomp 配置文件', '以 EPERM 拒绝']],
    ['surface gvisor', ['工作负载能触及的', '经由这些宿主机进程']],
    ['speed 9', ["speed 接受 0.25 到 4 之间的数，而不是 '9'"]],
    ['step', ['还没有可回放的内容']],
    ['history', ['本次会话还没有运行过任何内容']],
    ['compare runc', ['compare 需要先写运行时']],
    ['compare runc gvisor -- getpid()', ['getpid() 在 2 个运行时下运行，每个都重新启动', 'runc（host 内核）：getpid() = 1', ' 跳 · 模型估算 ', '宿主机系统调用：']],
    ['images', ['攻击者进入 distroless 容器后']],
  ])('%s', (input, wanted) => {
    const text = zhApi().run(input).map((l) => l.text).join('\n');
    for (const w of wanted) expect(text).toContain(w);
  });

  it('help aligns the examples in terminal cells: a CJK character is two', () => {
    const rows = zhApi().run('help').filter((l) => l.text.startsWith('  runc（当前）'));
    expect(rows).toHaveLength(1);
    // `  runc（当前）` is 2 + 4 + 8 = 14 cells; the example starts at cell 17.
    expect(rows[0]?.text).toBe('  runc（当前）   sethostname("lab", 3)');
  });

  it('every lab command has a Chinese description in help', () => {
    const commandRows = zhApi().run('help');
    const start = commandRows.findIndex((l) => l.text === '实验室命令');
    const end = commandRows.findIndex((l) => l.text.startsWith('值得一试'));
    const rows = commandRows.slice(start + 1, end);
    expect(rows.length).toBeGreaterThan(15);
    for (const r of rows) expect(r.text).toMatch(CJK);
  });
});

/** Every Localized text of an inspector view. */
function localizedOf(v: InspectorView): Localized[] {
  return [
    v.kernelName, v.seccomp.label, ...v.notes,
    ...(v.processes.note ? [v.processes.note] : []),
    ...(v.cgroup ? [...v.cgroup.notes, ...v.cgroup.gauges.flatMap((g) => [g.label, g.text])] : []),
    ...v.mounts.rows.flatMap((m) => (m.note ? [m.note] : [])),
  ];
}

describe('inspector texts in Chinese', () => {
  const cases: [string, BootOptions][] = [
    ...RUNTIME_IDS.map((id): [string, BootOptions] => [id, {}]),
    ['runc', { resources: { memory: '64m', pidsLimit: '10' } }],
    ['gvisor', { options: { 'oci-seccomp': 'on' } }],
    ['kata', { options: { 'guest-seccomp': 'on' } }],
  ];
  it.each(cases)('%s %j: every note, label and name has its own Chinese', (id, opts) => {
    const texts = localizedOf(inspect(findRuntime(id)!.boot(opts)));
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.zh, t.en).toMatch(CJK);
      expect(t.zh).not.toBe(t.en);
    }
  });

  it('spaces Latin names inside Chinese sentences', () => {
    const v = inspect(findRuntime('gvisor')!.boot());
    expect(v.notes[0]?.zh).toBe('这是 gVisor 的 Sentry 对它自己世界的视图：宿主机内核看到的是沙箱的辅助进程，而不是这些进程。');
  });

  it.each([
    ["Docker's default profile", 'Docker 的默认配置文件'],
    ["the container's OCI seccomp profile (Docker's default), enforced by the Sentry", '容器的 OCI seccomp 配置文件（Docker 的默认配置），由 Sentry 执行'],
    ["the container's OCI seccomp profile (Docker's default profile), applied by kata-agent in the guest", '容器的 OCI seccomp 配置文件（Docker 的默认配置文件），由 kata-agent 在客户机内应用'],
    ['runsc-sandbox (Sentry)', 'runsc-sandbox (Sentry)'],
  ])('seccomp label %s', (en, zh) => {
    expect(seccompLabel(en)).toEqual({ en, zh });
  });
});

describe('a corrupt saved session, reported in Chinese', () => {
  it.each([
    ['{not json', '保存的会话不是有效的 JSON：已用一个新会话替换它。'],
    [JSON.stringify({ version: 1, runtimeId: 'runc', options: {}, lines: [{ runtime: 'runc', options: {}, input: 'getpid()' }, { input: 3 }], theme: 'light', fontScale: 1 }), '保存的会话中有一行格式错误（第 2 行）：已用一个新会话替换它。'],
  ])('%s', (text, message) => {
    const data = new Map([[STORAGE_KEY, text]]);
    const store = createLabStore(createEngine());
    store.getState().setLanguage('zh');
    attachPersistence(store, { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); } });
    expect(store.getState().transcript.at(-1)?.text).toBe(message);
  });
});
