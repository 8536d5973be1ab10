import type { EscapeScenario } from './types.ts';

/**
 * CVE-2022-0847 (Dirty Pipe): splice() from a file into a pipe left
 * PIPE_BUF_FLAG_CAN_MERGE set on the page-cache page, so a later write to
 * the pipe changed a read-only file's cached page (Linux 5.8 to 5.16.10).
 * No capability is needed: Docker's default profile allows splice.
 * @see https://dirtypipe.cm4all.com/
 */
export const DIRTY_PIPE: EscapeScenario = {
  id: 'dirty-pipe',
  viaHelpers: true,
  title: { en: 'Dirty Pipe: splice into a pipe (CVE-2022-0847)', zh: 'Dirty Pipe：splice 进管道（CVE-2022-0847）' },
  summary: {
    en: 'Open a read-only file, splice one byte of it into a pipe, write to the pipe: a vulnerable host kernel writes into the file\'s page cache, which every container sharing the image layer (and the host) sees.',
    zh: '打开一个只读文件，把其中一个字节 splice 进管道，再向管道写入：有漏洞的宿主机内核会写进该文件的页缓存，共享该镜像层的所有容器（以及宿主机）都会看到。',
  },
  class: 'kernel-bug',
  citation: { cve: 'CVE-2022-0847', url: 'https://dirtypipe.cm4all.com/', source: 'Max Kellermann (CM4all / IONOS)' },
  dockerFlags: [],
  attack: ['openat(AT_FDCWD, "/etc/passwd", O_RDONLY)', 'pipe2([4, 5], 0)', 'splice(3, NULL, 5, NULL, 1, 0)'],
  goal: 'splice',
  reaches: { en: "the host kernel's splice into a pipe (do_splice → copy_page_to_iter_pipe), the code with the bug", zh: '宿主机内核中把数据 splice 进管道的代码（do_splice → copy_page_to_iter_pipe），即有漏洞的代码' },
  simplifies: {
    en: 'The kernel bug itself is not simulated: the lab shows whether the host kernel\'s splice is reached, not the page-cache overwrite. Whether the host kernel is a vulnerable version (5.8 to 5.16.10) is outside the model.',
    zh: '不模拟内核漏洞本身：实验展示的是能否到达宿主机内核的 splice，而不是页缓存被改写。宿主机内核是否为有漏洞的版本（5.8 至 5.16.10）不在模型范围内。',
  },
};
