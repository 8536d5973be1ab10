import type { EscapeScenario } from './types.ts';

/**
 * io_uring: a large, young kernel interface behind many recent kernel
 * exploits (Google's kCTF VRP: 60% of submissions targeted it), so
 * containerd and moby removed io_uring_* from their default seccomp
 * profiles in 2023.
 * @see https://security.googleblog.com/2023/06/learnings-from-kctf-vrps-42-linux.html
 * @see https://github.com/moby/moby/pull/46762
 */
export const IO_URING: EscapeScenario = {
  id: 'io-uring',
  viaHelpers: true,
  title: { en: 'io_uring: a ring into the kernel', zh: 'io_uring：通往内核的环' },
  summary: {
    en: 'Set up an io_uring instance: every operation submitted through it runs in the kernel that made the ring, a surface that many kernel exploits have used.',
    zh: '创建一个 io_uring 实例：通过它提交的每个操作都在创建该环的内核中执行，许多内核漏洞利用都走过这个攻击面。',
  },
  class: 'io-uring',
  citation: { cve: null, url: 'https://security.googleblog.com/2023/06/learnings-from-kctf-vrps-42-linux.html', source: "Google Security Blog: learnings from kCTF VRP's 42 Linux kernel exploits; moby/moby#46762" },
  dockerFlags: [],
  attack: ['io_uring_setup(8, 0x7ffc0000)'],
  goal: 'io_uring_setup',
  reaches: { en: "the host kernel's io_uring (io_uring_setup, then every submitted operation)", zh: '宿主机内核的 io_uring（io_uring_setup，以及之后提交的每个操作）' },
  simplifies: {
    en: 'No ring is mapped and no operation is submitted: the lab shows which kernel answers io_uring_setup. Which io_uring bug a host has is outside the model. Firecracker\'s VMM thread may itself use the host\'s io_uring for block I/O (--io-engine async; its filter allows io_uring_setup): the host\'s io_uring is then reached by Firecracker\'s own code, not by the guest\'s calls.',
    zh: '不映射环，也不提交任何操作：实验展示的是由哪个内核应答 io_uring_setup。宿主机存在哪个 io_uring 漏洞不在模型范围内。Firecracker 的 VMM 线程自身可能使用宿主机的 io_uring 处理块 I/O（--io-engine async；其过滤器允许 io_uring_setup）：此时到达宿主机 io_uring 的是 Firecracker 自己的代码，而不是客户机发出的调用。',
  },
};
