import type { EscapeScenario } from './types.ts';

/**
 * Loading a kernel module runs the attacker's code in the kernel that
 * serves the call. init_module and finit_module need CAP_SYS_MODULE, which
 * Docker does not grant by default, and Docker's default profile refuses
 * both without it.
 * @see https://docs.docker.com/engine/security/seccomp/ (init_module, finit_module: "Deny manipulation and functions on kernel modules")
 * @see https://man7.org/linux/man-pages/man2/init_module.2.html
 */
export const MODULE_LOAD: EscapeScenario = {
  id: 'module-load',
  viaHelpers: true,
  title: { en: 'Load a kernel module', zh: '加载内核模块' },
  summary: {
    en: 'A module is code in the kernel that serves the call: loaded into the host kernel, it owns every container on the host.',
    zh: '内核模块是运行在处理该调用的内核中的代码：一旦加载进宿主机内核，宿主机上的所有容器都归它掌控。',
  },
  class: 'module-load',
  citation: { cve: null, url: 'https://docs.docker.com/engine/security/seccomp/', source: "Docker documentation: seccomp security profiles (init_module, finit_module)" },
  dockerFlags: [],
  attack: ['init_module(0x7ffc0000, 4096, "")'],
  goal: 'init_module',
  reaches: { en: "the host kernel's module loader (load_module)", zh: '宿主机内核的模块加载器（load_module）' },
  simplifies: {
    en: 'No module file is built or verified: the lab stops at the permission checks (seccomp, CAP_SYS_MODULE, a kernel without module support). Module signing and lockdown are not modelled.',
    zh: '不构建也不校验模块文件：实验只演示到权限检查（seccomp、CAP_SYS_MODULE、不支持模块的内核）。未模拟模块签名和 lockdown。',
  },
};
