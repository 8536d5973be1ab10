import { defineMessages } from '../i18n/messages.ts';

/**
 * The terminal pane's hint, in parts around its key names (<kbd>): the
 * transcript itself is the shell's and strace's output and stays as printed.
 */
export const terminalMessages = defineMessages({
  welcome: { en: 'Type help, a syscall like getpid(), or a command like cat /etc/passwd.', zh: '输入 help、一个系统调用（如 getpid()）或一条命令（如 cat /etc/passwd）。' },
  hintType: { en: 'Type', zh: '输入' },
  hintAfterHelp: { en: ', a syscall or a command.', zh: '、系统调用或命令。' },
  hintCompletes: { en: 'completes,', zh: '补全，' },
  hintRecall: { en: 'recall,', zh: '调出历史，' },
  hintLeaves: { en: 'leaves the terminal.', zh: '离开终端。' },
});
