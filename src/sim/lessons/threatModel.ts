import type { Lesson } from './types.ts';

/**
 * Choosing a runtime: a shared-kernel container's weakest point is the host
 * kernel's syscall surface; a sandbox puts another kernel (the Sentry, a
 * guest) in front of it. io_uring: a rich source of kernel bugs, left out of
 * Docker's default profile since 2023 (moby#46762), disabled for ChromeOS and
 * Google's production (Google security blog, 2023-06).
 * @see https://gvisor.dev/docs/architecture_guide/security/
 * @see https://github.com/moby/moby/pull/46762
 * @see https://security.googleblog.com/2023/06/learnings-from-kctf-vrps-42-linux.html
 */
export const threatModelLesson: Lesson = {
  id: 'threat-model',
  title: { en: 'Choosing a runtime for a threat model', zh: '针对威胁模型选择运行时' },
  summary: {
    en: 'Measure each runtime\'s host surface, see who answers a risky call, and run untrusted code in a sandbox.',
    zh: '衡量每个运行时的宿主机攻击面，看谁来应答危险的调用，并在沙箱中运行不受信任的代码。',
  },
  runtime: 'runc',
  topics: ['threat-model'],
  steps: [
    {
      text: {
        en: 'Start from the attacker: code you did not write, running as root in the container. With runc, every call Docker\'s profile allows reaches the host kernel, so one kernel bug is a host compromise. gVisor puts its Sentry in front: the host sees only the Sentry\'s and the Gofer\'s own filtered calls. Compare the surfaces.',
        zh: '从攻击者出发：不是你写的代码，在容器里以 root 运行。使用 runc 时，Docker 配置允许的每个调用都会到达宿主机内核，一个内核漏洞就意味着宿主机被攻破。gVisor 在前面放了 Sentry：宿主机只会看到 Sentry 和 Gofer 自己经过过滤的调用。比较两者的攻击面。',
      },
      commands: ['surface runc', 'surface gvisor'],
      goal: { type: 'labCommand', name: 'surface', args: ['gvisor'] },
      goalText: { en: 'See the host syscalls gVisor\'s processes can make', zh: '查看 gVisor 的进程能发出的宿主机系统调用' },
      hints: [{ en: 'surface RUNTIME; compare the counts.', zh: 'surface 运行时；比较数量。' }],
      solution: ['surface gvisor'],
    },
    {
      text: {
        en: 'io_uring has been a rich source of kernel bugs, and Docker\'s default profile no longer allows it. A sandbox can offer it safely because its own kernel answers: the Sentry, or Kata\'s guest. Run it under runc, gVisor and Kata.',
        zh: 'io_uring 一直是内核漏洞的重灾区，Docker 的默认配置已不再允许它。沙箱可以安全地提供它，因为应答它的是沙箱自己的内核：Sentry，或 Kata 的客户机内核。在 runc、gVisor 和 Kata 下分别运行它。',
      },
      commands: ['compare runc gvisor kata -- io_uring_setup(8, NULL)'],
      goal: { type: 'compareSplit', deniedOn: 'runc', allowedOn: 'kata' },
      goalText: { en: 'io_uring_setup: refused by runc, answered inside Kata\'s VM', zh: 'io_uring_setup：被 runc 拒绝，在 Kata 的虚拟机内得到应答' },
      hints: [{ en: 'Use compare with three runtimes.', zh: '用 compare 同时比较三个运行时。' }],
      solution: ['compare runc gvisor kata -- io_uring_setup(8, NULL)'],
    },
    {
      text: {
        en: 'For untrusted, multi-tenant code choose a sandbox: gVisor (no VM needed, a smaller host surface, some syscall and I/O cost) or Kata/Firecracker (hardware virtualization, a full guest kernel, more memory per pod). For your own trusted services, runc with a tight profile, dropped capabilities and a distroless image is often enough. Run an untrusted job under the runtime you chose.',
        zh: '对于不受信任的多租户代码，选择沙箱：gVisor（无需虚拟机，宿主机攻击面更小，系统调用和 I/O 有一定开销）或 Kata/Firecracker（硬件虚拟化、完整的客户机内核、每个 Pod 占用更多内存）。对于你自己的可信服务，runc 加上严格的 seccomp 配置、去掉多余能力、配合 distroless 镜像通常就够了。用你选定的运行时运行一个不受信任的任务。',
      },
      commands: ['docker run --rm --runtime=runsc debian uname -r', 'docker run --rm --runtime=kata-runtime debian uname -r'],
      goal: { type: 'any', goals: [{ type: 'callServed', syscall: 'uname', servedBy: 'sentry' }, { type: 'callServed', syscall: 'uname', servedBy: 'guest' }] },
      goalText: { en: 'An untrusted job runs in a sandbox: its calls answered by the Sentry or a guest kernel', zh: '不受信任的任务在沙箱中运行：其调用由 Sentry 或客户机内核应答' },
      hints: [{ en: '--runtime=runsc or --runtime=kata-runtime.', zh: '使用 --runtime=runsc 或 --runtime=kata-runtime。' }],
      solution: ['docker run --rm --runtime=runsc debian uname -r'],
    },
  ],
};
