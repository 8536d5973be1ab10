import type { EscapeScenario } from './types.ts';

/**
 * CVE-2022-0492: cgroup v1's release_agent file was writable by root in a
 * user namespace it had just made; the kernel runs that program as root on
 * the host when the cgroup empties. The container needs unshare() to make
 * that user namespace, which Docker's default seccomp profile refuses;
 * AppArmor and SELinux also block the cgroup mount.
 * @see https://unit42.paloaltonetworks.com/cve-2022-0492-cgroups/
 */
export const RELEASE_AGENT: EscapeScenario = {
  id: 'cgroup-release-agent',
  viaHelpers: false,
  title: { en: 'cgroup v1 release_agent (CVE-2022-0492)', zh: 'cgroup v1 的 release_agent 逃逸（CVE-2022-0492）' },
  summary: {
    en: 'Make a user and mount namespace with unshare, mount a cgroup v1 hierarchy, write a program\'s path into release_agent: the host kernel runs it as root when the cgroup empties.',
    zh: '用 unshare 创建用户与挂载命名空间，挂载 cgroup v1 层级，把程序路径写入 release_agent：cgroup 清空时宿主机内核以 root 身份运行它。',
  },
  class: 'cgroup-release-agent',
  citation: { cve: 'CVE-2022-0492', url: 'https://unit42.paloaltonetworks.com/cve-2022-0492-cgroups/', source: 'Unit 42 (Yuval Avrahami); found by Yiqi Sun and Kevin Wang' },
  // Unit 42: AppArmor or SELinux alone protects; the lab turns AppArmor off and keeps Docker's seccomp profile.
  dockerFlags: ['--security-opt', 'apparmor=unconfined'],
  attack: ['unshare(CLONE_NEWUSER|CLONE_NEWNS|CLONE_NEWCGROUP)', 'mkdir /tmp/cgrp', 'mount("cgroup", "/tmp/cgrp", "cgroup", 0, "rdma")'],
  goal: 'mount',
  reaches: { en: "the host kernel's cgroup v1 mount, whose release_agent the host runs as root", zh: '宿主机内核中的 cgroup v1 挂载，其 release_agent 会由宿主机以 root 身份运行' },
  caveats: {
    host: {
      en: 'On a real host with cgroup v1 the mount succeeds and release_agent is the host\'s own: through. The lab has no cgroup v1, so the mount fails here.',
      zh: '在支持 cgroup v1 的真实宿主机上挂载会成功，release_agent 就是宿主机自己的：穿透。实验没有 cgroup v1，所以这里挂载失败。',
    },
    gvisor: {
      en: 'The real Sentry has its own cgroupfs: the mount would succeed inside the sandbox, whose release_agent is not the host\'s (contained). The lab has no cgroup v1, so the mount fails here.',
      zh: '真实的 Sentry 有自己的 cgroupfs：挂载会在沙箱内成功，但它的 release_agent 不是宿主机的（被隔离）。实验没有 cgroup v1，所以这里挂载失败。',
    },
    kata: {
      en: 'A real guest kernel with cgroup v1 would mount it inside the VM; its release_agent runs in the guest (contained). The lab has no cgroup v1, so the mount fails here.',
      zh: '支持 cgroup v1 的真实客户机内核会在虚拟机内完成挂载，其 release_agent 在客户机中运行（被隔离）。实验没有 cgroup v1，所以这里挂载失败。',
    },
    firecracker: {
      en: 'A real guest kernel with cgroup v1 would mount it inside the microVM; its release_agent runs in the guest (contained). The lab has no cgroup v1, so the mount fails here.',
      zh: '支持 cgroup v1 的真实客户机内核会在微虚拟机内完成挂载，其 release_agent 在客户机中运行（被隔离）。实验没有 cgroup v1，所以这里挂载失败。',
    },
  },
  simplifies: {
    en: 'The lab models cgroup v2 only: a cgroup v1 mount fails with ENODEV wherever it is reached (the hop says so), and the release_agent write and the kernel\'s call of the agent are not simulated. What the lab shows is whether the attacker gets past unshare to the mount. AppArmor is not modelled.',
    zh: '实验只模拟 cgroup v2：无论在哪一层到达，cgroup v1 挂载都会以 ENODEV 失败（该跳的说明会写明），也不模拟写 release_agent 以及内核调用它。实验展示的是攻击者能否越过 unshare 走到挂载这一步。未模拟 AppArmor。',
  },
};
