import { describe, expect, it } from 'vitest';
import { parseSpec, type SpecParseFailure } from '../../src/sim/oci/specParse.ts';
import { runcSpec } from '../../src/sim/oci/runcSpec.ts';
import { specToJson } from '../../src/sim/oci/specJson.ts';
import { specFailureIn, specMessageIn } from '../../src/store/specProblems.ts';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore } from '../../src/store/labStore.ts';

/**
 * config.json's reader in Chinese (issue 6 point 6): its refusals come as
 * data (src/sim/oci/specProblem.ts) and are worded in the store. The English
 * is word for word the reader's message; JSON paths, field names, values and
 * runc's quoted words stay as written.
 */
const HAN = /[\u4e00-\u9fff]/;

/** Parsed JSON, edited freely to make it wrong (typing each edit would hide the cases). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** runc spec's config.json with `change` applied to its parsed JSON. */
function edited(change: (spec: Loose) => void): string {
  const spec = JSON.parse(specToJson(runcSpec())) as Loose;
  change(spec);
  return JSON.stringify(spec, null, 2);
}

function refused(text: string): SpecParseFailure {
  const r = parseSpec(text);
  if (r.ok) throw new Error('accepted');
  return r;
}

const CASES: readonly [what: string, text: string, zh: string][] = [
  ['JSON syntax', '{"ociVersion": }', 'JSON 语法错误，第 1 行第 16 列：此处应为一个值，却是 \'}\''],
  ['not an object', '[1]', 'config.json：config.json 应是一个 JSON 对象，这里却是数组（第 1 行第 1 列）'],
  ['missing process', edited((s) => { delete s.process; }), 'process：缺少；没有它，runc 会拒绝这份配置（"process property must not be empty"）'],
  ['an object expected', edited((s) => { s.root = 'rootfs'; }), 'root：应为对象，却是字符串'],
  ['true or false', edited((s) => { s.process.terminal = 'yes'; }), 'process.terminal：应为 true 或 false，却是字符串'],
  ['a string expected', edited((s) => { s.process.args = ['sh', 1]; }), 'process.args[1]：应为字符串，却是数字'],
  ['a fraction', edited((s) => { s.process.user.uid = 1.5; }), 'process.user.uid：必须是不带小数或指数的整数（uint32），却是 1.5'],
  ['out of range', edited((s) => { s.process.oomScoreAdj = 5000; }), 'process.oomScoreAdj：必须在 -1000 到 1000 之间（oom_score_adj 值），却是 5000'],
  ['not absolute', edited((s) => { s.process.cwd = 'home'; }), 'process.cwd："home" 不是绝对路径；工作目录必须以 / 开头'],
  ['unknown namespace', edited((s) => { s.linux.namespaces[1].type = 'netns'; }), 'linux.namespaces[1].type："netns" 不是命名空间类型；规范中的类型有 pid'],
  ['empty args', edited((s) => { s.process.args = []; }), 'process.args：为空；runc 会拒绝（"args must not be empty"）'],
  ['empty root', edited((s) => { s.root.path = ''; }), 'root.path：为空；它指明容器的根文件系统'],
  ['duplicated namespace', edited((s) => { s.linux.namespaces.push({ type: 'pid' }); }), '"pid" 出现了两次（第一次在 linux.namespaces[0]）'],
  ['unknown rlimit', edited((s) => { s.process.rlimits[0].type = 'RLIMIT_FOO'; }), 'process.rlimits[0].type："RLIMIT_FOO" 不是 runc 认识的资源限制'],
  ['soft above hard', edited((s) => { s.process.rlimits[0] = { type: 'RLIMIT_NOFILE', hard: 10, soft: 20 }; }), '软限制 20 高于硬限制 10；setrlimit(2) 会以 EINVAL 拒绝'],
  ['bad access', edited((s) => { s.linux.resources.devices[0].access = 'rwx'; }), '"rwx" 不是有效的访问权限'],
  ['hostname without uts', edited((s) => { s.linux.namespaces = s.linux.namespaces.filter((n: { type: string }) => n.type !== 'uts'); }), 'hostname：已设置，但 linux.namespaces 中没有 uts 命名空间'],
  ['empty mapping', edited((s) => { s.linux.namespaces.push({ type: 'user' }); s.linux.uidMappings = [{ containerID: 0, hostID: 1000, size: 0 }]; }), 'linux.uidMappings[0].size：为 0；一个映射至少要包含一个 id'],
  ['seccomp action', edited((s) => { s.linux.seccomp = { defaultAction: 'SCMP_ACT_NOPE' }; }), 'linux.seccomp.defaultAction："SCMP_ACT_NOPE" 不是 seccomp 动作；已知的有 '],
];

describe('a config.json the reader refuses', () => {
  it.each(CASES)('%s: English as the reader wrote it, Chinese of its own', (_what, text, zh) => {
    const f = refused(text);
    expect(f.reason).not.toBeNull();
    expect(specFailureIn(f, 'en')).toBe(f.message);
    const chinese = specFailureIn(f, 'zh');
    expect(chinese).toMatch(HAN);
    expect(chinese).toContain(zh);
    if (f.line !== undefined && f.reason?.type !== 'syntax') expect(chinese).toContain(`（第 ${f.line} 行第 ${f.column} 列）`);
  });
});

describe('specMessageIn: the message a run was refused with, worded again from its text', () => {
  const text = edited((s) => { s.process.cwd = 'home'; });
  const message = refused(text).message;

  it.each([
    { language: 'en' as const, shown: message },
    { language: 'zh' as const, shown: specFailureIn(refused(text), 'zh') },
  ])('$language', ({ language, shown }) => {
    expect(specMessageIn(text, message, language)).toBe(shown);
  });

  it("keeps a message the reader did not write (runc's own, after the reader)", () => {
    const other = 'runc run failed: invalid rootfs: stat /root/mycontainer/x: no such file or directory';
    expect(specMessageIn(text, other, 'zh')).toBe(other);
    expect(specMessageIn(specToJson(runcSpec()), other, 'zh')).toBe(other);
  });
});

describe('a refused Spec-pane run in the terminal', () => {
  const bad = '{"ociVersion": "1.3.0", "root": {"path": "rootfs"}, "process": {"cwd": "/", "args": ["sh"], "user": {"uid": 0, "gid": 0}}, "linux": {"namespaces": [{"type": "netns"}]}}';
  it.each([
    ['en', /linux\.namespaces\[0\]\.type: "netns" is not a namespace type/],
    ['zh', /linux\.namespaces\[0\]\.type："netns" 不是命名空间类型/],
  ] as const)("in %s the transcript words the reader's refusal; the pane still places it", (language, shown) => {
    const store = createLabStore(createEngine());
    store.getState().setLanguage(language);
    store.getState().applySpec(bad);
    const errors = store.getState().transcript.filter((l) => l.kind === 'error').map((l) => l.text).join('\n');
    expect(errors).toMatch(shown);
    expect(HAN.test(errors)).toBe(language === 'zh');
    expect(store.getState().specProblem).toMatchObject({ path: 'linux.namespaces[0].type', line: 1 });
    // The pane gets both languages, whatever the page's language was when it ran.
    expect(store.getState().specProblem?.worded?.zh).toMatch(/"netns" 不是命名空间类型/);
  });
});
