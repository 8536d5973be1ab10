import { defineMessages } from './i18n/messages.ts';

/**
 * The UI strings of the page's smaller parts: the runtime picker, the compare
 * section, the "Try a call" form, its output and the runtime table. Runtime
 * names, summaries, layer names and option descriptions come from the model
 * (src/sim/runtime) and are shown as it writes them, in English; strace lines
 * and refusals are the model's output.
 */
export const labPartsMessages = defineMessages({
  // RuntimePicker
  loading: { en: 'Loading the model…', zh: '正在加载模型…' },
  runtime: { en: 'Runtime', zh: '运行时' },
  // CompareSection
  compareHeading: { en: 'Compare:', zh: '对比：' },
  comparisonOf: { en: 'Comparison of {input}', zh: '{input} 的对比' },
  close: { en: 'Close', zh: '关闭' },
  // TryIt
  tryHeading: { en: 'Try a call', zh: '试一次调用' },
  tryLabel: { en: 'Syscall or command', zh: '系统调用或命令' },
  run: { en: 'Run', zh: '运行' },
  // RunOutput
  callsUnder: { en: '{n} calls under', zh: '{n} 次调用，运行时' },
  callUnder: { en: '1 call under', zh: '1 次调用，运行时' },
  exitStatus: { en: ', exit status {status}', zh: '，退出状态 {status}' },
  hostSyscall: { en: 'host syscall: {call}', zh: '宿主机系统调用：{call}' },
  // RuntimeTable
  runtimes: { en: 'Runtimes', zh: '运行时一览' },
  whatItIs: { en: 'What it is', zh: '简介' },
  layers: { en: 'Layers, top to bottom', zh: '层次（自上而下）' },
});
