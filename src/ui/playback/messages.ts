import type { Localized } from '../../sim/text/language.ts';
import { defineMessages } from '../i18n/messages.ts';

/** Playback's strings: the controls, the timeline and the narration (narration.ts reads them without React). */
export const playbackMessages = defineMessages({
  playback: { en: 'Playback', zh: '回放' },
  back: { en: 'Back', zh: '后退' },
  stepBack: { en: 'Step back', zh: '后退一步' },
  stepBackTitle: { en: 'Step back one hop ({key})', zh: '后退一步（{key}）' },
  play: { en: 'Play', zh: '播放' },
  pause: { en: 'Pause', zh: '暂停' },
  step: { en: 'Step', zh: '前进' },
  stepForward: { en: 'Step forward', zh: '前进一步' },
  stepForwardTitle: { en: 'Step forward one hop ({key})', zh: '前进一步（{key}）' },
  speed: { en: 'Speed', zh: '速度' },
  speedTitle: { en: 'Playback speed ({slower} slower, {faster} faster)', zh: '回放速度（{slower} 变慢，{faster} 变快）' },
  keyToggle: { en: 'K or Space', zh: 'K 或空格' },
  timeline: { en: 'Timeline', zh: '时间线' },
  empty: { en: 'Nothing run yet: every line you run appears here, with its calls and their hops.', zh: '还没有运行任何内容：你运行的每一行都会出现在这里，连同它的系统调用及每一步经过的层。' },
  notRun: { en: 'not run: {message}', zh: '未运行：{message}' },
  calls: { en: '{n} calls', zh: '{n} 个调用' },
  call1: { en: '1 call', zh: '1 个调用' },
  hops: { en: '{n} hops', zh: '{n} 步' },
  hop1: { en: '1 hop', zh: '1 步' },
  callsOf: { en: 'Calls of {input}', zh: '{input} 的调用' },
  hopsOf: { en: 'Hops of {line}', zh: '{line} 经过的层' },
  playFrom: { en: "Play from this line's first hop", zh: '从这一行的第一步开始播放' },
});

/** The narration's sentences, in both languages (model notes and strace lines stay as the tools print them). */
export const NARRATION: Record<string, Localized> = {
  nothing: { en: 'Nothing played yet: run a syscall or a command to watch its path.', zh: '还没有播放任何内容：运行一个系统调用或命令，观察它经过的路径。' },
  refused: { en: '“{input}” did not run: {message}', zh: '“{input}”没有运行：{message}' },
  noCalls: { en: '“{input}” made no system call.', zh: '“{input}”没有发出任何系统调用。' },
  prefix: { en: 'Call {n} of {total}, {name}. ', zh: '第 {n} 个调用（共 {total} 个），{name}。' },
  noHops: { en: '{line}: no hops recorded.', zh: '{line}：没有记录到经过的层。' },
  host: { en: ' (host syscall: {call})', zh: '（宿主机系统调用：{call}）' },
  result: { en: '. Result: {line}', zh: '。结果：{line}' },
  hop: { en: 'Hop {n} of {total}, {layer}, {verdict}: {note}', zh: '第 {n} 步（共 {total} 步），{layer}，{verdict}：{note}' },
};
