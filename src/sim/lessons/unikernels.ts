import type { Lesson } from './types.ts';

/**
 * Nabla: the program is linked with a rump kernel (NetBSD drivers as a
 * library OS) and runs in a Solo5 spt tender, a host process whose seccomp
 * filter allows only a handful of host syscalls (7 for nabla-run).
 * @see https://nabla-containers.github.io/
 * @see https://github.com/Solo5/solo5/blob/master/docs/architecture.md
 * @see https://github.com/rumpkernel/rumprun
 * Reference: /work/shared/reference/nabla_runnc_seccomp.txt
 */
export const unikernelsLesson: Lesson = {
  id: 'unikernels',
  title: { en: 'Nabla and unikernels: a handful of host syscalls', zh: 'Nabla 与 unikernel：屈指可数的宿主机系统调用' },
  summary: {
    en: 'The kernel is a library linked into the program; only a few hypercalls reach the host.',
    zh: '内核是链接进程序的一个库；只有少数几个超级调用能到达宿主机。',
  },
  runtime: 'nabla',
  topics: ['unikernels'],
  steps: [
    {
      text: {
        en: 'A unikernel links the program with its kernel: here rumprun, NetBSD\'s drivers as a library OS. A syscall is a function call into that library. When it needs the outside world it makes a Solo5 hypercall, and the tender (nabla-run) turns it into one of its few allowed host syscalls. write to stdout becomes a host write by the tender.',
        zh: 'unikernel 把程序和它的内核链接在一起：这里是 rumprun，即把 NetBSD 的驱动当作库操作系统。系统调用就是对这个库的函数调用。需要访问外部世界时，它发出一个 Solo5 超级调用，由 tender（nabla-run）把它变成少数几个允许的宿主机系统调用之一。写到 stdout 会变成 tender 的一次宿主机 write。',
      },
      commands: ['write(1, "hi\\n", 3)'],
      goal: { type: 'hostCall', by: 'nabla-run', syscall: 'write' },
      goalText: { en: 'The tender makes the host write for the unikernel', zh: 'tender 替 unikernel 发出宿主机 write' },
      hints: [{ en: 'Type the call as strace prints it: write(1, "hi\\n", 3).', zh: '按 strace 的格式输入调用：write(1, "hi\\n", 3)。' }],
      solution: ['write(1, "hi\\n", 3)'],
    },
    {
      text: {
        en: 'A unikernel is a single process in a single address space: there is nothing to fork into. rumprun\'s libc stubs fork and returns an error without ever leaving the library.',
        zh: 'unikernel 是单地址空间中的单个进程：没有可以 fork 出来的东西。rumprun 的 libc 把 fork 实现为桩函数，直接返回错误，根本不离开这个库。',
      },
      commands: ['fork()'],
      goal: { type: 'callDenied', syscall: 'fork', runtime: 'nabla' },
      goalText: { en: 'fork is refused inside the library OS', zh: 'fork 在库操作系统内部被拒绝' },
      hints: [{ en: 'Type fork().', zh: '输入 fork()。' }],
      solution: ['fork()'],
    },
    {
      text: {
        en: 'The attack surface is what the tender\'s seccomp filter lets through: a handful of host syscalls, most with argument rules (writes only to its own fds, reads only of its disk). Compare it with runc\'s 300 or so.',
        zh: '攻击面就是 tender 的 seccomp 过滤器放行的部分：屈指可数的宿主机系统调用，其中大多数带有参数规则（只写自己的 fd，只读自己的磁盘）。与 runc 的约 300 个相比较。',
      },
      commands: ['surface nabla', 'surface runc'],
      goal: { type: 'labCommand', name: 'surface', args: ['nabla'] },
      goalText: { en: 'See how many host syscalls Nabla can reach', zh: '查看 Nabla 能触及多少个宿主机系统调用' },
      hints: [{ en: 'surface RUNTIME lists the host syscalls reachable from the workload.', zh: 'surface RUNTIME 列出工作负载可触及的宿主机系统调用。' }],
      solution: ['surface nabla'],
    },
  ],
};
