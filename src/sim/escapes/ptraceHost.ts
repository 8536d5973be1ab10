import type { EscapeScenario } from './types.ts';
import { FIRECRACKER_DEVICES, LIGHTVM_DEVICES, SOLO5_DEVICES } from './noEngine.ts';

/**
 * With the host's pid namespace (--pid=host) and CAP_SYS_PTRACE, a
 * container attaches to a host process and writes into its memory
 * (ptrace POKETEXT or process_vm_writev): code injection into, say, pid 1.
 * Docker's default profile allows ptrace and process_vm_writev on kernels
 * ≥ 4.8 (where seccomp runs after ptrace); the capability and the pid
 * namespace are what keep host processes out of reach.
 * @see https://man7.org/linux/man-pages/man2/process_vm_writev.2.html (PTRACE_MODE_ATTACH_REALCREDS)
 * @see https://docs.docker.com/engine/containers/run/#pid-settings---pid
 */
export const PTRACE_HOST: EscapeScenario = {
  id: 'ptrace-host',
  viaHelpers: false,
  title: { en: 'ptrace and process_vm_writev into a host process', zh: '用 ptrace 和 process_vm_writev 注入宿主机进程' },
  summary: {
    en: 'Given --pid=host and CAP_SYS_PTRACE, the container sees the host\'s processes and may attach to pid 1 (systemd) and write into its memory.',
    zh: '给了 --pid=host 和 CAP_SYS_PTRACE 后，容器能看到宿主机的进程，可以附加到 1 号进程（systemd）并写入它的内存。',
  },
  class: 'process-injection',
  citation: { cve: null, url: 'https://man7.org/linux/man-pages/man2/process_vm_writev.2.html', source: 'Linux man-pages: process_vm_writev(2), ptrace(2); Docker documentation: --pid=host' },
  dockerFlags: ['--pid=host', '--cap-add', 'SYS_PTRACE'],
  attack: ['ptrace(PTRACE_ATTACH, 1, NULL, NULL)', 'process_vm_writev(1, [{iov_base=0x7ffc0000, iov_len=8}], 1, [{iov_base=0x400000, iov_len=8}], 1, 0)'],
  goal: 'process_vm_writev',
  reaches: { en: "the memory of the host's pid 1, written by the host kernel", zh: '宿主机 1 号进程的内存，由宿主机内核写入' },
  simplifies: {
    en: 'Memory contents are not modelled: the lab shows whether the host kernel lets the write happen, not what it changes. Yama\'s ptrace_scope and AppArmor\'s ptrace rules are not modelled.',
    zh: '不模拟内存内容：实验展示的是宿主机内核是否允许这次写入，而不是写入改变了什么。未模拟 Yama 的 ptrace_scope 和 AppArmor 的 ptrace 规则。',
  },
  unstageable: { nabla: SOLO5_DEVICES, 'unikernel-hvt': SOLO5_DEVICES, firecracker: FIRECRACKER_DEVICES, lightvm: LIGHTVM_DEVICES },
};
