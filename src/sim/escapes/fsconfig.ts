import type { EscapeScenario } from './types.ts';

/**
 * CVE-2022-0185: an integer underflow in legacy_parse_param() let
 * fsconfig(FSCONFIG_SET_STRING) overflow a heap buffer. It needs
 * CAP_SYS_ADMIN, which root in a new user namespace has: a container with
 * no seccomp profile (Kubernetes' default before RuntimeDefault) gets there
 * with unshare(CLONE_NEWUSER|CLONE_NEWNS).
 * @see https://www.crowdstrike.com/blog/cve-2022-0185-kubernetes-container-escape-using-linux-kernel-exploit/
 * @see https://www.willsroot.io/2022/01/cve-2022-0185.html
 */
export const FSCONFIG: EscapeScenario = {
  id: 'fsconfig-0185',
  viaHelpers: true,
  title: { en: 'unshare + fsconfig heap overflow (CVE-2022-0185)', zh: 'unshare + fsconfig 堆溢出（CVE-2022-0185）' },
  summary: {
    en: 'In a container without a seccomp profile, make a user namespace to gain CAP_SYS_ADMIN there, open a filesystem context and feed fsconfig strings until legacy_parse_param overflows the host kernel\'s heap.',
    zh: '在没有 seccomp 配置的容器里创建用户命名空间以获得其中的 CAP_SYS_ADMIN，打开文件系统上下文，不断用 fsconfig 传入字符串，直到 legacy_parse_param 溢出宿主机内核的堆。',
  },
  class: 'kernel-bug',
  citation: { cve: 'CVE-2022-0185', url: 'https://www.willsroot.io/2022/01/cve-2022-0185.html', source: 'Willsroot (William Liu) and Crusaders of Rust; CrowdStrike on Kubernetes' },
  // Kubernetes ran pods Unconfined unless a seccomp profile was asked for: the setting CrowdStrike's write-up is about.
  dockerFlags: ['--security-opt', 'seccomp=unconfined'],
  attack: ['unshare(CLONE_NEWUSER|CLONE_NEWNS)', 'fsopen("ext4", 0)', 'fsconfig(3, FSCONFIG_SET_STRING, "source", "/dev/lab", 0)'],
  goal: 'fsconfig',
  reaches: { en: "the host kernel's fsconfig, whose legacy_parse_param had the overflow (Linux 5.1 to 5.16.1)", zh: '宿主机内核的 fsconfig，其中 legacy_parse_param 存在溢出（Linux 5.1 至 5.16.1）' },
  simplifies: {
    en: 'The heap overflow is not simulated: the lab shows whether fsconfig runs in the host kernel with CAP_SYS_ADMIN in a user namespace. ext4 took the legacy parser before Linux 5.17; the lab does not model which file systems do.',
    zh: '不模拟堆溢出：实验展示的是 fsconfig 能否在用户命名空间中带着 CAP_SYS_ADMIN 在宿主机内核里运行。Linux 5.17 之前 ext4 走的是旧式解析器；实验不模拟哪些文件系统走这条路径。',
  },
};
