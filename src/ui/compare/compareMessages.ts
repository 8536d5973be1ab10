import { defineMessages } from '../i18n/messages.ts';

/**
 * The comparison's UI strings. strace lines, errno names, layer names, hop
 * verdicts and notes, the serving kernel's id and the published figures'
 * descriptions are the model's output and stay as it writes them.
 */
export const compareMessages = defineMessages({
  empty: { en: 'Nothing to compare: name 2 to 4 runtimes.', zh: '没有可比较的内容：请列出 2 到 4 个运行时。' },
  comparisonOf: { en: 'Comparison of {input}', zh: '{input} 的对比' },
  compare: { en: 'Compare', zh: '对比' },
  allCalls: { en: 'All {n} calls', zh: '全部 {n} 次调用' },
  pathOf: { en: 'Path of', zh: '路径：' },
  hopsCount: { en: '({n} hops)', zh: '（{n} 跳）' },
  hopsOf: { en: 'Hops of {name}', zh: '{name} 经过的各跳' },
  hostSyscall: { en: ' (host syscall: {call})', zh: '（宿主机系统调用：{call}）' },
  // The figures table.
  result: { en: 'Result', zh: '结果' },
  hops: { en: 'Hops', zh: '跳数' },
  servingKernel: { en: 'Serving kernel', zh: '服务内核' },
  hostSyscalls: { en: 'Host syscalls', zh: '宿主机系统调用' },
  modelledCost: { en: 'Modelled cost', zh: '模型开销' },
  ratio: { en: 'Ratio', zh: '比值' },
  published: { en: 'Published', zh: '已发表数据' },
  startup: { en: 'Start-up', zh: '启动时间' },
  warm: { en: '{cost} run again (warm)', zh: '再次运行（热）{cost}' },
  none: { en: 'none', zh: '无' },
  noneApplies: { en: 'none applies', zh: '无适用数据' },
  hostCallBy: { en: '{name} by {by}', zh: '{by} 的 {name}' },
  nonePublished: { en: 'none published', zh: '无已发表数据' },
  baseline: { en: 'baseline', zh: '基准' },
  modelled: { en: 'modelled {ratio}×', zh: '模型 {ratio}×' },
  modelledWarm: { en: 'modelled {ratio}× warm', zh: '模型 {ratio}×（热）' },
  notReproduced: { en: ' — not reproduced: {caveat}', zh: ' — 未复现：{caveat}' },
  refused: { en: 'refused: {message}', zh: '被拒绝：{message}' },
  calls: { en: '{n} calls', zh: '{n} 次调用' },
  failed: { en: ', {n} failed', zh: '，{n} 次失败' },
  exitStatus: { en: ', exit status {status}', zh: '，退出状态 {status}' },
});

export type CompareKey = keyof typeof compareMessages;
