import type { Lesson } from './types.ts';

/**
 * cgroup v2's pids controller refuses a fork past pids.max with EAGAIN and
 * counts it in pids.events; memory.max makes the OOM killer kill in the
 * cgroup (memory.events oom_kill). docker run --pids-limit and -m write them.
 * @see https://docs.kernel.org/admin-guide/cgroup-v2.html#pid
 * @see https://docs.kernel.org/admin-guide/cgroup-v2.html#memory-interface-files
 * @see https://docs.docker.com/engine/containers/resource_constraints/
 */
export const cgroupsLesson: Lesson = {
  id: 'cgroups',
  title: { en: 'cgroups: a fork bomb and the OOM killer', zh: 'cgroups：fork 炸弹与 OOM killer' },
  summary: {
    en: 'Make a fork bomb stop at 20 processes, then let the OOM killer end a process that wants too much memory.',
    zh: '让 fork 炸弹停在 20 个进程，再让 OOM killer 结束一个索要过多内存的进程。',
  },
  runtime: 'runc',
  topics: ['cgroups'],
  steps: [
    {
      text: {
        en: 'Namespaces hide; cgroups limit. docker run --pids-limit 20 writes 20 to pids.max of the container\'s cgroup. Past it, the kernel refuses fork/clone with EAGAIN. The shell counts as one of the 20, so the bomb gets 19 children. (The lab\'s forkbomb forks in a line from one process rather than recursively; the limit is the same.)',
        zh: '命名空间负责隐藏，cgroups 负责限制。docker run --pids-limit 20 把 20 写入容器 cgroup 的 pids.max。超过它，内核就以 EAGAIN 拒绝 fork/clone。shell 本身算 20 个中的一个，所以炸弹只能得到 19 个子进程。（实验室的 forkbomb 由一个进程依次 fork，而不是递归地 fork；限制是一样的。）',
      },
      commands: ['docker run -it --pids-limit 20 debian sh', 'forkbomb 100'],
      goal: { type: 'pidsLimit', max: 20 },
      goalText: { en: 'A fork bomb stops at 20 processes (pids.max refused a fork)', zh: 'fork 炸弹停在 20 个进程（pids.max 拒绝了一次 fork）' },
      hints: [
        { en: 'Start the container with --pids-limit 20, then run forkbomb 100 inside it.', zh: '用 --pids-limit 20 启动容器，然后在里面运行 forkbomb 100。' },
        { en: 'The refused clone shows EAGAIN at the cgroups gate.', zh: '被拒绝的 clone 会在 cgroups 这一关显示 EAGAIN。' },
      ],
      solution: ['docker run -it --pids-limit 20 debian sh', 'forkbomb 100'],
    },
    {
      text: {
        en: 'Memory is different: a charge past memory.max is not refused with an errno. The kernel first tries to reclaim, then its OOM killer kills a process in the cgroup (memory.events oom_kill goes up). Here memhog touches 128 MiB in a container limited to 64 MiB: the container\'s only process dies, so the container stops and the terminal leaves it.',
        zh: '内存不同：超过 memory.max 的分配不会以 errno 拒绝。内核先尝试回收，然后 OOM killer 杀死该 cgroup 中的一个进程（memory.events 的 oom_kill 增加）。这里 memhog 在限制为 64 MiB 的容器里使用 128 MiB：容器唯一的进程被杀死，容器随之停止，终端也离开了它。',
      },
      commands: ['exit', 'docker run -it -m 64m debian sh', 'memhog 128M'],
      goal: { type: 'oomKill' },
      goalText: { en: 'The OOM killer killed a process in a container\'s cgroup', zh: 'OOM killer 杀死了某个容器 cgroup 中的进程' },
      hints: [
        { en: 'docker run -m 64m sets memory.max; memhog SIZE charges SIZE to it.', zh: 'docker run -m 64m 设置 memory.max；memhog SIZE 会向它计入 SIZE 的内存。' },
      ],
      solution: ['exit', 'docker run -it -m 64m debian sh', 'memhog 128M'],
    },
  ],
};
