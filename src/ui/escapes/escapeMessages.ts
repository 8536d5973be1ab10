import { defineMessages } from '../i18n/messages.ts';

/** The escape lab's UI strings (issue 6): the panel's, loaded with it. */
export const escapeMessages = defineMessages({
  intro: {
    en: 'Real escape and host-attack classes, each run under every runtime from a fresh boot. Each cell is read from the run\'s trace: where a gate stopped the attack, where it ran only in the sandbox\'s own kernel, or where it reached the host.',
    zh: '真实的逃逸和宿主机攻击类别，每一个都在每个运行时中从全新启动开始运行。每个单元格都读自该次运行的调用链路：攻击在哪个关卡被拦下、只在沙箱自己的内核中运行，还是到达了宿主机。',
  },
  scenario: { en: 'Attack', zh: '攻击' },
  matrixLabel: { en: 'Escape matrix: attacks as rows, runtimes as columns', zh: '逃逸矩阵：行为攻击，列为运行时' },
  stopped: { en: 'stopped', zh: '已拦截' },
  contained: { en: 'contained', zh: '被隔离' },
  through: { en: 'through', zh: '穿透' },
  'not-applicable': { en: 'n/a', zh: '不适用' },
  legendStopped: { en: 'a gate refused a step (the layer is named)', zh: '某个关卡拒绝了其中一步（标出所在层）' },
  legendContained: { en: 'it succeeded, but only in the sandbox\'s own kernel: the host kernel never ran it', zh: '攻击成功了，但只发生在沙箱自己的内核中：宿主机内核从未执行它' },
  legendThrough: { en: 'the host kernel ran the attack\'s goal call: the host resource or the vulnerable code was reached', zh: '宿主机内核执行了攻击的目标调用：到达了宿主机资源或有漏洞的代码' },
  legendNa: { en: 'the runtime cannot be set up the way the attack needs (the cell says why)', zh: '该运行时无法按攻击所需的方式搭建（单元格中说明原因）' },
  legendCaveat: { en: 'the real system, as commonly configured, differs from what the model shows here (the detail says how)', zh: '真实系统在常见配置下与模型此处的结果不同（详情中有说明）' },
  cellLabel: { en: '{scenario} under {runtime}: {outcome}{gate}. Replay it', zh: '{scenario} 在 {runtime} 下：{outcome}{gate}。点击回放' },
  pick: { en: 'Pick a cell to replay its run in the diagram and read its source and simplifications.', zh: '点选一个单元格，在调用路径图中回放这次运行，并查看出处和简化说明。' },
  setup: { en: 'Setup', zh: '搭建方式' },
  attack: { en: 'Attack', zh: '攻击步骤' },
  verdict: { en: 'Verdict', zh: '结论' },
  reaches: { en: '"Through" means', zh: '“穿透”的含义' },
  source: { en: 'Source', zh: '出处' },
  simplifies: { en: 'What the lab simplifies', zh: '实验的简化之处' },
  caveat: { en: 'Caveat: the real system differs', zh: '注意：真实系统与此不同' },
  caveatMark: { en: ' (caveat: see the detail)', zh: '（有注意事项，见详情）' },
  noCve: { en: 'no CVE: a configuration', zh: '无 CVE：属于配置问题' },
  replaying: { en: 'Replaying in the diagram', zh: '正在调用路径图中回放' },
  noReplay: { en: 'No call to replay: the container did not start.', zh: '没有可回放的调用：容器未能启动。' },
});
