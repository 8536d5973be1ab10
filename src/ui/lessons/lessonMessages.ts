import { defineMessages } from '../i18n/messages.ts';

/** The lesson panel's strings. */
export const lessonMessages = defineMessages({
  region: { en: 'Lessons', zh: '课程' },
  open: { en: 'Lessons ▾', zh: '课程 ▾' },
  collapse: { en: 'Hide lessons ▴', zh: '收起课程 ▴' },
  pick: { en: 'Choose a lesson', zh: '选择一门课程' },
  loading: { en: 'Loading the lessons…', zh: '正在加载课程…' },
  progress: { en: '{done} of {count} steps done', zh: '已完成 {done}/{count} 步' },
  step: { en: 'Step {n} of {count}', zh: '第 {n} 步，共 {count} 步' },
  run: { en: 'Run in the terminal: {line}', zh: '在终端中运行：{line}' },
  goal: { en: 'Goal', zh: '目标' },
  met: { en: 'Goal met', zh: '目标已达成' },
  notMet: { en: 'Not met yet', zh: '尚未达成' },
  doneBefore: { en: 'done on an earlier visit', zh: '之前已完成' },
  hint: { en: 'Hint', zh: '提示' },
  noMoreHints: { en: 'No more hints', zh: '没有更多提示' },
  back: { en: '◂ Back', zh: '◂ 上一步' },
  next: { en: 'Next ▸', zh: '下一步 ▸' },
  finish: { en: 'Finish ▸', zh: '完成 ▸' },
  sandbox: { en: 'Free sandbox', zh: '自由沙箱' },
  allLessons: { en: 'All lessons', zh: '全部课程' },
  finished: { en: 'Lesson finished: {done} of {count} goals met. Pick another lesson, or keep exploring in the free sandbox.', zh: '课程结束：已达成 {done}/{count} 个目标。选择另一门课程，或在自由沙箱中继续探索。' },
  startsOn: { en: 'runs on {runtime}', zh: '运行于 {runtime}' },
});
