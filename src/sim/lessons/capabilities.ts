import type { Lesson } from './types.ts';

/**
 * Root in a container holds Docker's 14 default capabilities, not all 41;
 * sethostname(2) needs CAP_SYS_ADMIN over the caller's UTS namespace.
 * Docker's seccomp profile also gates sethostname on CAP_SYS_ADMIN, so the
 * lesson turns seccomp off to see the capability check alone.
 * @see https://man7.org/linux/man-pages/man7/capabilities.7.html
 * @see https://man7.org/linux/man-pages/man2/sethostname.2.html (EPERM)
 * @see https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
 * @see https://lwn.net/Articles/486306/ ("CAP_SYS_ADMIN: the new root")
 */
export const capabilitiesLesson: Lesson = {
  id: 'capabilities',
  title: { en: 'Capabilities: root, but not all of root', zh: '能力（capabilities）：是 root，但不是完整的 root' },
  summary: {
    en: 'See the capability check refuse sethostname, then grant CAP_SYS_ADMIN and watch it pass.',
    zh: '观察能力检查拒绝 sethostname，然后授予 CAP_SYS_ADMIN，看它通过。',
  },
  runtime: 'runc',
  topics: ['capabilities'],
  steps: [
    {
      text: {
        en: 'Linux splits root\'s power into capabilities. Docker gives a container 14 of them (CHOWN, NET_RAW, SETUID…) and not CAP_SYS_ADMIN. Two gates check sethostname here: Docker\'s seccomp profile and the kernel\'s capability check. Start a container without seccomp to see the capability gate deny on its own.',
        zh: 'Linux 把 root 的权力拆分为一项项能力。Docker 给容器其中 14 项（CHOWN、NET_RAW、SETUID……），但没有 CAP_SYS_ADMIN。在这里有两道关检查 sethostname：Docker 的 seccomp 配置和内核的能力检查。启动一个不带 seccomp 的容器，单独观察能力这一关的拒绝。',
      },
      commands: ['docker run -it --security-opt seccomp=unconfined debian sh', 'hostname lab'],
      goal: { type: 'callDenied', syscall: 'sethostname', layer: 'capabilities', errno: 'EPERM' },
      goalText: { en: 'sethostname is refused with EPERM at the capabilities gate', zh: 'sethostname 在能力关卡被以 EPERM 拒绝' },
      hints: [
        { en: 'seccomp=unconfined removes the filter; hostname NAME calls sethostname.', zh: 'seccomp=unconfined 去掉过滤器；hostname NAME 会调用 sethostname。' },
      ],
      solution: ['docker run -it --security-opt seccomp=unconfined debian sh', 'hostname lab'],
    },
    {
      text: {
        en: '--cap-add SYS_ADMIN adds the capability (and Docker\'s profile then allows the calls it guards). sethostname now succeeds, and it changes only the container\'s UTS namespace. CAP_SYS_ADMIN also allows mount, which is why it is called "the new root": grant it with care.',
        zh: '--cap-add SYS_ADMIN 加上这项能力（Docker 的配置也随之放行它所守护的调用）。现在 sethostname 成功了，而且只改变容器自己的 UTS 命名空间。CAP_SYS_ADMIN 还允许 mount，因此它被称为“新的 root”：授予时要谨慎。',
      },
      commands: ['exit', 'docker run -it --cap-add SYS_ADMIN debian sh', 'hostname lab'],
      goal: { type: 'callServed', syscall: 'sethostname' },
      goalText: { en: 'sethostname succeeds in a container with CAP_SYS_ADMIN', zh: '在拥有 CAP_SYS_ADMIN 的容器中 sethostname 成功' },
      hints: [{ en: 'Leave with exit, then start a container with --cap-add SYS_ADMIN.', zh: '先用 exit 离开，再用 --cap-add SYS_ADMIN 启动一个容器。' }],
      solution: ['exit', 'docker run -it --cap-add SYS_ADMIN debian sh', 'hostname lab'],
    },
  ],
};
