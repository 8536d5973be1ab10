import { defineMessages } from '../i18n/messages.ts';

/** The diagram's strings (layer labels and hop notes are the model's and stay as they are). */
export const diagramMessages = defineMessages({
  pathThrough: { en: 'Path through {runtime}', zh: '经过 {runtime} 的路径' },
  path: { en: 'Path', zh: '路径' },
  hostKernelBand: { en: 'host kernel', zh: '宿主机内核' },
  loading: { en: 'Loading the lab’s model…', zh: '正在加载实验室的模型…' },
  noRuntime: { en: 'No runtime named “{id}”.', zh: '没有名为“{id}”的运行时。' },
  noRuntimeLabel: { en: 'no runtime', zh: '没有运行时' },
  modelledTime: { en: 'modelled time', zh: '模拟耗时' },
  hostCalls: { en: 'host syscalls', zh: '宿主机系统调用' },
  didNotRun: { en: '“{input}” did not run: {message}', zh: '“{input}”没有运行：{message}' },
  noCall: { en: '“{input}” made no system call.', zh: '“{input}”没有发出任何系统调用。' },
  idle: { en: 'Run a syscall or a command to watch its path through these layers.', zh: '运行一个系统调用或命令，观察它穿过这些层的路径。' },
});
