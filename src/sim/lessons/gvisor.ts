import type { Lesson } from './types.ts';

/**
 * gVisor: the Sentry, a Linux-compatible kernel in user space, answers the
 * application's syscalls; the Gofer serves files; with directfs (default
 * since 2023) the Sentry opens files itself on fds the Gofer donated; the
 * platform (systrap, ptrace, KVM) is how the syscalls are caught.
 * @see https://gvisor.dev/docs/architecture_guide/intro/
 * @see https://gvisor.dev/blog/2023/06/27/directfs/
 * @see https://github.com/google/gvisor/commit/114a033bd038519fa6e867c230dc4ad4e057e675 (directfs: host openat only with O_NOFOLLOW)
 * @see https://gvisor.dev/docs/architecture_guide/platforms/
 */
export const gvisorLesson: Lesson = {
  id: 'gvisor',
  title: { en: 'gVisor: the Sentry, the Gofer and the platforms', zh: 'gVisor：Sentry、Gofer 与平台' },
  summary: {
    en: 'A kernel in user space answers the calls; files come through the Gofer or directfs; the platform catches the calls.',
    zh: '一个用户态内核应答系统调用；文件经由 Gofer 或 directfs 提供；平台负责截获系统调用。',
  },
  runtime: 'gvisor',
  topics: ['gvisor'],
  steps: [
    {
      text: {
        en: 'Under runsc the application\'s syscalls never reach the host kernel directly. The platform catches each one and hands it to the Sentry, a Linux-compatible kernel written in Go, which answers it itself. getpid() is answered entirely inside the Sentry: no host syscall at all.',
        zh: '在 runsc 下，应用的系统调用不会直接到达宿主机内核。平台截获每一个调用并交给 Sentry——一个用 Go 编写、与 Linux 兼容的内核——由它自己应答。getpid() 完全在 Sentry 内部得到应答：一次宿主机系统调用都没有。',
      },
      commands: ['getpid()'],
      goal: { type: 'callServed', syscall: 'getpid', servedBy: 'sentry' },
      goalText: { en: 'getpid() is answered by the Sentry', zh: 'getpid() 由 Sentry 应答' },
      hints: [{ en: 'Type getpid() in the terminal.', zh: '在终端中输入 getpid()。' }],
      solution: ['getpid()'],
    },
    {
      text: {
        en: 'Files live on the host, so opening one must leave the sandbox. The Gofer is a separate host process that opens them. With --directfs off the Sentry asks the Gofer for every open over LISAFS; with directfs on (the default) the Gofer donates a file descriptor for each mount once, and the Sentry opens files itself relative to it, its seccomp rules allowing openat only with O_NOFOLLOW. Turn directfs off and read a file: watch the Gofer\'s openat.',
        zh: '文件在宿主机上，所以打开文件必须离开沙箱。Gofer 是一个独立的宿主机进程，负责打开文件。使用 --directfs off 时，Sentry 的每次打开都要通过 LISAFS 请求 Gofer；开启 directfs（默认）时，Gofer 只需为每个挂载点交出一次 fd，之后 Sentry 相对于它自行打开文件，而它的 seccomp 规则只允许带 O_NOFOLLOW 的 openat。关闭 directfs 并读取一个文件：观察 Gofer 的 openat。',
      },
      commands: ['runtime gvisor --directfs off', 'cat /etc/hostname'],
      goal: { type: 'all', goals: [{ type: 'runtime', runtime: 'gvisor', options: { directfs: 'off' } }, { type: 'hostCall', by: 'runsc-gofer', syscall: 'openat' }] },
      goalText: { en: 'With directfs off, the Gofer opens the file on the host', zh: '关闭 directfs 后，由 Gofer 在宿主机上打开文件' },
      hints: [{ en: 'runtime gvisor --directfs off changes the setting; the hops marked with a host syscall show who made it.', zh: 'runtime gvisor --directfs off 修改设置；标有宿主机系统调用的跳点会显示由谁发出。' }],
      solution: ['runtime gvisor --directfs off', 'cat /etc/hostname'],
    },
    {
      text: {
        en: 'The platform decides how a syscall is caught: systrap (seccomp traps, the default), ptrace (PTRACE_SYSEMU, slow) or KVM (the Sentry runs as a guest kernel, the application\'s syscalls trap into it). The Sentry\'s answer is the same; the trip to it differs. Switch to KVM and run a call.',
        zh: '平台决定系统调用如何被截获：systrap（seccomp 陷阱，默认）、ptrace（PTRACE_SYSEMU，较慢）或 KVM（Sentry 作为客户机内核运行，应用的系统调用陷入其中）。Sentry 的应答相同，到达它的路径不同。切换到 KVM 并运行一个调用。',
      },
      commands: ['runtime gvisor --platform kvm', 'getpid()'],
      goal: { type: 'all', goals: [{ type: 'runtime', runtime: 'gvisor', options: { platform: 'kvm' } }, { type: 'callServed', servedBy: 'sentry', runtime: 'gvisor' }] },
      goalText: { en: 'A call answered by the Sentry on the KVM platform', zh: '在 KVM 平台上由 Sentry 应答的一个调用' },
      hints: [{ en: 'Change the platform first, then run any call.', zh: '先切换平台，再运行任意一个调用。' }],
      solution: ['runtime gvisor --platform kvm', 'getpid()'],
    },
  ],
};
