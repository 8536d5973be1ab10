import type { Lesson } from './types.ts';

/**
 * Linux has eight namespace types (mnt, pid, net, uts, ipc, user, cgroup,
 * time); runc makes all but user by default for a Docker container.
 * @see https://man7.org/linux/man-pages/man7/namespaces.7.html
 * @see https://man7.org/linux/man-pages/man7/uts_namespaces.7.html
 * @see https://man7.org/linux/man-pages/man7/pid_namespaces.7.html (the first process is PID 1)
 * @see https://docs.docker.com/engine/network/drivers/bridge/ (eth0 on the docker0 bridge)
 */
export const namespacesLesson: Lesson = {
  id: 'namespaces',
  title: { en: 'Namespaces: what a container can see', zh: '命名空间：容器能看到什么' },
  summary: {
    en: 'A hostname the host does not see, a process list that starts at 1, a network of its own.',
    zh: '宿主机看不到的主机名、从 1 开始的进程列表、独立的网络。',
  },
  runtime: 'runc',
  topics: ['namespaces'],
  steps: [
    {
      text: {
        en: 'Linux has eight namespace types: mnt, pid, net, uts, ipc, user, cgroup and time. runc puts a Docker container in new ones of each except user (the lab\'s trace shows unshare(CLONE_NEWNS|CLONE_NEWUTS|…)). The UTS namespace holds the hostname: give the container one with --hostname, then type hostname inside.',
        zh: 'Linux 有八种命名空间：mnt、pid、net、uts、ipc、user、cgroup 和 time。runc 为 Docker 容器创建除 user 之外的每一种新命名空间（实验室的跟踪里可以看到 unshare(CLONE_NEWNS|CLONE_NEWUTS|…)）。UTS 命名空间保存主机名：用 --hostname 给容器起一个名字，然后在容器里输入 hostname。',
      },
      commands: ['docker run -it --hostname box debian sh', 'hostname'],
      goal: { type: 'hostnameHidden' },
      goalText: { en: 'A container has a hostname the host does not see', zh: '某个容器拥有宿主机看不到的主机名' },
      hints: [
        { en: 'Docker\'s default hostname is the container\'s short id; --hostname NAME sets your own.', zh: 'Docker 默认的主机名是容器的短 id；用 --hostname NAME 设置你自己的。' },
      ],
      solution: ['docker run -it --hostname box debian sh', 'hostname'],
    },
    {
      text: {
        en: 'In a new PID namespace the first process is PID 1, and a /proc mounted for that namespace lists only its processes. Run ps -e inside the container: the host\'s processes are not there.',
        zh: '在新的 PID 命名空间里，第一个进程的 PID 是 1；为该命名空间挂载的 /proc 只列出其中的进程。在容器里运行 ps -e：宿主机的进程不在其中。',
      },
      commands: ['ps -e'],
      goal: { type: 'all', goals: [{ type: 'lineRan', starts: 'ps', ok: true }, { type: 'output', text: '      1 ?' }] },
      goalText: { en: 'ps lists the container\'s processes, numbered from 1', zh: 'ps 列出容器里的进程，编号从 1 开始' },
      hints: [
        { en: 'If the prompt shows runc$, you left the container: run the first step\'s docker run again.', zh: '如果提示符是 runc$，说明你已离开容器：再运行一次第一步的 docker run。' },
      ],
      solution: ['ps -e'],
    },
    {
      text: {
        en: 'A new network namespace starts with only a loopback interface; Docker adds one end of a veth pair as eth0 and puts the other on the docker0 bridge. ip link asks the kernel over netlink for this namespace\'s interfaces.',
        zh: '新的网络命名空间一开始只有回环接口；Docker 把一对 veth 的一端作为 eth0 放进来，另一端接在 docker0 网桥上。ip link 通过 netlink 向内核查询本命名空间的网络接口。',
      },
      commands: ['ip link'],
      goal: { type: 'output', text: 'eth0' },
      goalText: { en: 'ip link shows the container\'s own lo and eth0', zh: 'ip link 显示容器自己的 lo 和 eth0' },
      hints: [{ en: 'Run ip link inside the container.', zh: '在容器里运行 ip link。' }],
      solution: ['ip link'],
    },
  ],
};
