import type { Lesson } from './types.ts';

/**
 * Docker's default seccomp profile: an allow-list (defaultAction
 * SCMP_ACT_ERRNO), some entries only with a capability (reboot with
 * CAP_SYS_BOOT), keyctl and the io_uring calls not on it.
 * @see https://docs.docker.com/engine/security/seccomp/
 * @see https://github.com/moby/profiles/blob/main/seccomp/default.json
 * @see https://github.com/moby/moby/pull/46762 (io_uring removed from the default profile)
 * A profile of one's own: `--security-opt seccomp=FILE`, read by the CLI on
 * the client; SCMP_ACT_ERRNO without errnoRet fails the call with EPERM (runc).
 * @see https://github.com/opencontainers/runc/blob/main/libcontainer/seccomp/seccomp_linux.go (actErrno: EPERM)
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md#seccomp
 */
export const seccompDefaultLesson: Lesson = {
  id: 'seccomp-default',
  title: { en: 'seccomp: Docker\'s default profile', zh: 'seccomp：Docker 的默认配置' },
  summary: {
    en: 'Watch Docker\'s profile refuse reboot, then find a syscall it blocks that gVisor implements.',
    zh: '观察 Docker 的配置拒绝 reboot，再找出一个它拦截而 gVisor 实现了的系统调用。',
  },
  runtime: 'runc',
  topics: ['seccomp-default', 'gvisor'],
  steps: [
    {
      text: {
        en: 'seccomp runs a BPF filter at syscall entry, before the kernel does any work. Docker\'s default profile is an allow-list of about 300 syscalls; anything else fails with EPERM. Some entries need a capability: reboot is allowed only with CAP_SYS_BOOT, which a default container lacks.',
        zh: 'seccomp 在系统调用入口运行一个 BPF 过滤器，发生在内核做任何工作之前。Docker 的默认配置是一个约 300 个系统调用的允许列表；其余调用都以 EPERM 失败。有些条目还需要某项能力：reboot 只有在拥有 CAP_SYS_BOOT 时才被允许，而默认容器没有它。',
      },
      commands: ['reboot', 'explain reboot'],
      goal: { type: 'callDenied', syscall: 'reboot', layer: 'seccomp', errno: 'EPERM' },
      goalText: { en: 'reboot is refused with EPERM at the seccomp gate', zh: 'reboot 在 seccomp 关卡被以 EPERM 拒绝' },
      hints: [{ en: 'The runc runtime is a default docker run container: type reboot.', zh: 'runc 运行时就是一个默认的 docker run 容器：输入 reboot。' }],
      solution: ['reboot'],
    },
    {
      text: {
        en: 'A syscall the profile leaves out may still be safe to offer if another kernel answers it. keyctl is not on Docker\'s list (the kernel keyring is not namespaced), but gVisor\'s Sentry implements it in user space. Compare the two on one call.',
        zh: '配置中没有列出的系统调用，如果由另一个内核来应答，也许仍可以安全地提供。keyctl 不在 Docker 的列表上（内核密钥环没有命名空间隔离），但 gVisor 的 Sentry 在用户态实现了它。在同一个调用上比较这两者。',
      },
      commands: ['compare runc gvisor -- keyctl(KEYCTL_GET_KEYRING_ID, -1, 0)'],
      goal: { type: 'compareSplit', deniedOn: 'runc', allowedOn: 'gvisor', layer: 'seccomp' },
      goalText: { en: 'Find a syscall Docker\'s profile blocks but gVisor implements', zh: '找出一个被 Docker 配置拦截、但 gVisor 实现了的系统调用' },
      hints: [
        { en: 'compare runc gvisor -- CALL runs one call under both, each freshly booted.', zh: 'compare runc gvisor -- CALL 在两者下各自全新启动后运行同一个调用。' },
        { en: 'Try keyctl, or io_uring_setup(8, NULL).', zh: '试试 keyctl，或 io_uring_setup(8, NULL)。' },
      ],
      solution: ['compare runc gvisor -- keyctl(KEYCTL_GET_KEYRING_ID, -1, 0)'],
    },
  ],
};

/** The profile the lesson writes: allow everything, but fail mkdir and mkdirat with EPERM. */
const PROFILE = '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}';

export const seccompOwnLesson: Lesson = {
  id: 'seccomp-profile',
  title: { en: 'seccomp: a profile of your own', zh: 'seccomp：编写你自己的配置' },
  summary: {
    en: 'Write a seccomp profile on the host and start a container with it.',
    zh: '在宿主机上编写一个 seccomp 配置，并用它启动容器。',
  },
  runtime: 'host',
  topics: ['seccomp-own'],
  steps: [
    {
      text: {
        en: 'A profile is JSON: a defaultAction and rules naming syscalls and an action. This one allows everything but mkdir and mkdirat, which fail with SCMP_ACT_ERRNO (EPERM when no errnoRet is given). You are on the host\'s root shell: write it to /root/no-mkdir.json.',
        zh: '配置是一段 JSON：一个 defaultAction，加上列出系统调用及其动作的规则。这个配置允许一切，唯独 mkdir 和 mkdirat 以 SCMP_ACT_ERRNO 失败（未给出 errnoRet 时为 EPERM）。你现在在宿主机的 root shell 上：把它写入 /root/no-mkdir.json。',
      },
      commands: [`echo '${PROFILE}' > /root/no-mkdir.json`, 'cat /root/no-mkdir.json'],
      goal: { type: 'lineRan', starts: 'echo', ok: true },
      goalText: { en: 'The profile is written to a file on the host', zh: '配置已写入宿主机上的文件' },
      hints: [{ en: 'Single quotes keep the JSON\'s double quotes for echo.', zh: '单引号让 echo 保留 JSON 里的双引号。' }],
      solution: [`echo '${PROFILE}' > /root/no-mkdir.json`],
    },
    {
      text: {
        en: 'docker run --security-opt seccomp=FILE: the docker CLI reads the file on the client and sends it to dockerd, which puts it in the OCI spec; runc loads it into the kernel just before exec. mkdir in that container now fails at the seccomp gate, while every other call passes.',
        zh: 'docker run --security-opt seccomp=FILE：docker CLI 在客户端读取该文件并发给 dockerd，dockerd 把它写入 OCI 规范；runc 在 exec 之前把它加载进内核。现在在那个容器里 mkdir 会在 seccomp 关卡失败，其他调用都照常通过。',
      },
      commands: ['docker run --security-opt seccomp=/root/no-mkdir.json debian mkdir /tmp/x'],
      goal: { type: 'callDenied', syscall: 'mkdir', layer: 'seccomp', errno: 'EPERM' },
      goalText: { en: 'Your profile makes mkdir fail with EPERM', zh: '你的配置让 mkdir 以 EPERM 失败' },
      hints: [{ en: 'The path after seccomp= is the file you wrote.', zh: 'seccomp= 后面的路径就是你写的文件。' }],
      solution: ['docker run --security-opt seccomp=/root/no-mkdir.json debian mkdir /tmp/x'],
    },
  ],
};
