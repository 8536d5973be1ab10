import { defineMessages } from '../i18n/messages.ts';

/** The escape lab's first strings: what the page shows before the panel is loaded. */
export const escapeLabMessages = defineMessages({
  heading: { en: 'Escape lab', zh: '逃逸实验室' },
  lead: { en: 'Real container escapes, each run under every runtime.', zh: '真实的容器逃逸，在每个运行时中逐一运行。' },
  run: { en: 'Run the escape lab', zh: '运行逃逸实验' },
  running: { en: 'Running every attack under every runtime…', zh: '正在每个运行时中运行每个攻击……' },
});
