import type { Localized } from '../sim/text/language.ts';
import type { ServingKernel } from '../sim/runtime/types.ts';
import { cjkSpacing, defineMessages, fill, type Vars } from './localize.ts';

/**
 * What the inspector view (inspector.ts) says in sentences of its own: its
 * notes, a mount's note, the gauges' names, the serving kernel's name, a
 * seccomp filter's label. The view carries them as `Localized` and the page
 * shows the chosen language. Paths, file names (`memory.max`), flags and
 * values stay as the kernel prints them.
 */
export const inspectorText = defineMessages({
  couldNotRead: { en: '{what}: could not be read ({error})', zh: '{what}：无法读取（{error}）' },
  processGone: { en: "the terminal's process (pid {pid}) is not in the world: it may have exited", zh: '终端的进程（pid {pid}）不在这个世界中：它可能已经退出' },
  ownWorld: { en: "This is {kernel}'s view of its own world: the host kernel sees the sandbox's helper processes, not these.", zh: '这是{kernel}对它自己世界的视图：宿主机内核看到的是沙箱的辅助进程，而不是这些进程。' },
  builtFromHost: {
    en: "The lab builds {kernel}'s world from a booted host's, so the processes outside the container's pid namespace are the host's; a real sandbox kernel has only the sandbox's own.",
    zh: '实验室用一台已启动宿主机的世界来构建{kernel}的世界，所以容器 pid 命名空间之外的进程是宿主机的；真实的沙箱内核只有沙箱自己的进程。',
  },
  outside1: { en: "{n} process is outside this pid namespace: the workload cannot see it; only {kernel}'s initial pid namespace lists it.", zh: '{n} 个进程在此 pid 命名空间之外：工作负载看不到它；只有{kernel}的初始 pid 命名空间列出它。' },
  outsideN: { en: "{n} processes are outside this pid namespace: the workload cannot see them; only {kernel}'s initial pid namespace lists them.", zh: '{n} 个进程在此 pid 命名空间之外：工作负载看不到它们；只有{kernel}的初始 pid 命名空间列出它们。' },
  noFilesRoot: { en: '{path} has no {kind}.current/{kind}.max (the root cgroup never has them)', zh: '{path} 没有 {kind}.current/{kind}.max（根 cgroup 从来没有这两个文件）' },
  noFilesController: { en: '{path} has no {kind}.current/{kind}.max (the {kind} controller is not enabled for it)', zh: '{path} 没有 {kind}.current/{kind}.max（它没有启用 {kind} 控制器）' },
  noCpuMax: { en: '{path} has no cpu.max', zh: '{path} 没有 cpu.max' },
  gaugeText: { en: '{kind}.current {current} of {kind}.max {max}', zh: '{kind}.current {current}（{kind}.max 为 {max}）' },
  maxNoLimit: { en: 'max (no limit)', zh: 'max（无限制）' },
  memory: { en: 'Memory', zh: '内存' },
  tasks: { en: 'Tasks (pids)', zh: '任务数（pids）' },
  maskedNull: { en: 'masked: /dev/null is bound over it (reads are empty)', zh: '已屏蔽：/dev/null 被绑定挂载在它上面（读出为空）' },
  maskedTmpfs: { en: 'masked: an empty read-only tmpfs covers it', zh: '已屏蔽：一个空的只读 tmpfs 盖住了它' },
  readOnly: { en: 'read-only: bound onto itself and remounted ro', zh: '只读：绑定挂载到自身，再以 ro 重新挂载' },
  noFilter: { en: 'no filter', zh: '无过滤器' },
  aFilter: { en: 'a filter', zh: '一个过滤器' },
});

export type InspectorTextKey = keyof typeof inspectorText;

/** A sentence of the catalog in both languages, placeholders filled (a placeholder may itself be in both). */
export function localized(key: InspectorTextKey, vars: Readonly<Record<string, string | number | Localized>> = {}): Localized {
  const pick = (lang: keyof Localized): Vars => Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return { en: fill(inspectorText[key].en, pick('en')), zh: cjkSpacing(fill(inspectorText[key].zh, pick('zh'))) };
}

/** The kernel that serves the workload, as the inspector names it. */
export const KERNEL_NAME: Readonly<Record<ServingKernel, Localized>> = defineMessages({
  host: { en: 'the host kernel', zh: '宿主机内核' },
  sentry: { en: "gVisor's Sentry", zh: 'gVisor 的 Sentry' },
  guest: { en: 'the guest kernel', zh: '客户机内核' },
  libos: { en: 'the library OS', zh: '库操作系统' },
});

/** The seccomp filters' labels the models install on a workload (src/sim: dockerFilter, podmanSeccomp, gvisor/sandbox, kata/guest). */
const SECCOMP_LABELS = defineMessages({
  docker: { en: "Docker's default profile", zh: 'Docker 的默认配置文件' },
  podman: { en: "podman's default profile (containers-common seccomp.json)", zh: 'podman 的默认配置文件（containers-common seccomp.json）' },
  sentry: { en: "the container's OCI seccomp profile ({profile}), enforced by the Sentry", zh: '容器的 OCI seccomp 配置文件（{profile}），由 Sentry 执行' },
  kata: { en: "the container's OCI seccomp profile ({profile}), installed in the guest by kata-agent", zh: '容器的 OCI seccomp 配置文件（{profile}），由 kata-agent 安装在客户机内' },
  kataSpec: { en: "the container's OCI seccomp profile ({profile}), applied by kata-agent in the guest", zh: '容器的 OCI seccomp 配置文件（{profile}），由 kata-agent 在客户机内应用' },
  dockerShort: { en: "Docker's default", zh: 'Docker 的默认配置' },
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = Object.values(SECCOMP_LABELS).map((t) => ({ t, re: new RegExp(`^${escape(t.en).replace('\\{profile\\}', '(.+)')}$`) }));

/**
 * A filter's label (the model's English) in both languages: the Chinese when
 * the label is one of the models' own, word for word; otherwise the label as
 * it is in both (a filter the lab does not know keeps its name).
 */
export function seccompLabel(en: string): Localized {
  for (const { t, re } of PATTERNS) {
    const m = re.exec(en);
    if (!m) continue;
    const inner = m[1] === undefined ? null : seccompLabel(m[1]);
    return { en, zh: inner ? cjkSpacing(fill(t.zh, { profile: inner.zh })) : t.zh };
  }
  return { en, zh: en };
}
