import type { Lesson } from './types.ts';

/**
 * Firecracker: a minimal VMM in Rust (virtio-net, virtio-block, vsock,
 * balloon, entropy, a serial console and an i8042 that only resets), each
 * thread under its own seccomp filter, booting a guest to init in ≤125 ms
 * (SPECIFICATION.md), up to 150 microVMs per second per host (NSDI'20).
 * LightVM: Xen with the chaos toolstack and noxs, booting a minimal
 * unikernel in 2.3 ms, thousands of guests on one host (SOSP'17).
 * Reference ids: fc-spec-boot, fc-nsdi-creation-rate, lightvm-boot
 * (/work/shared/reference/published_measurements.json).
 * @see https://github.com/firecracker-microvm/firecracker/blob/main/SPECIFICATION.md
 * @see https://github.com/firecracker-microvm/firecracker/blob/main/docs/design.md (emulated devices)
 * @see https://www.usenix.org/conference/nsdi20/presentation/agache
 * @see https://dl.acm.org/doi/10.1145/3132747.3132763 (My VM is Lighter (and Safer) than your Container)
 */
export const microvmsLesson: Lesson = {
  id: 'microvms',
  title: { en: 'Firecracker and LightVM: boot time and density', zh: 'Firecracker 与 LightVM：启动时间与密度' },
  summary: {
    en: 'Two ways to make VMs as cheap as containers: a minimal VMM, and a minimal guest on Xen.',
    zh: '让虚拟机像容器一样廉价的两条路：极简的 VMM，以及 Xen 上极简的客户机。',
  },
  runtime: 'firecracker',
  topics: ['microvms'],
  steps: [
    {
      text: {
        en: 'Firecracker emulates only a handful of devices: virtio-net, virtio-block, vsock, a balloon, an entropy source, a serial console and a keyboard controller that can only reset the VM. Its threads (API, VMM, each vCPU) run under their own seccomp filters, and production starts it through the jailer (chroot, namespaces, an unprivileged uid). Count what the guest can reach on the host.',
        zh: 'Firecracker 只模拟屈指可数的设备：virtio-net、virtio-block、vsock、内存气球、熵源、一个串口控制台，以及一个只能用来重启虚拟机的键盘控制器。它的各个线程（API、VMM、每个 vCPU）各自运行在自己的 seccomp 过滤器下，生产环境中还通过 jailer 启动它（chroot、命名空间、非特权 uid）。数一数客户机能触及宿主机的哪些调用。',
      },
      commands: ['surface firecracker'],
      goal: { type: 'labCommand', name: 'surface', args: ['firecracker'] },
      goalText: { en: 'See Firecracker\'s host syscalls, thread by thread', zh: '逐个线程查看 Firecracker 的宿主机系统调用' },
      hints: [{ en: 'Type surface firecracker.', zh: '输入 surface firecracker。' }],
      solution: ['surface firecracker'],
    },
    {
      text: {
        en: 'Boot time and density decide whether a VM per function is affordable. Firecracker\'s specification bounds boot to the guest\'s init at 125 ms, and its paper reports up to 150 microVMs created per second on one host. LightVM boots a minimal unikernel on Xen in 2.3 ms by replacing the XenStore (noxs) and the toolstack (chaos). Compare the two: the compare view lists the published start-up figures.',
        zh: '启动时间与密度决定了“每个函数一台虚拟机”是否负担得起。Firecracker 的规范把启动到客户机 init 的时间限定在 125 ms 以内，其论文报告单台宿主机每秒可创建多达 150 台 microVM。LightVM 通过替换 XenStore（noxs）和工具栈（chaos），在 Xen 上 2.3 ms 启动一个极简 unikernel。比较这两者：比较视图会列出已发表的启动数据。',
      },
      commands: ['compare firecracker lightvm -- getpid()'],
      goal: { type: 'labCommand', name: 'compare', args: ['firecracker', 'lightvm'] },
      goalText: { en: 'Compare Firecracker and LightVM on one call', zh: '在同一个调用上比较 Firecracker 与 LightVM' },
      hints: [{ en: 'compare RUNTIME RUNTIME -- CALL', zh: 'compare 运行时 运行时 -- 调用' }],
      solution: ['compare firecracker lightvm -- getpid()'],
    },
    {
      text: {
        en: 'The price of LightVM\'s speed is its guest: a Mini-OS unikernel is one address space with no processes. A call it does not implement, like fork, ends the whole domain.',
        zh: 'LightVM 速度的代价在于它的客户机：Mini-OS unikernel 只有一个地址空间，没有进程。它不支持的调用（例如 fork）会让整个 domain 结束。',
      },
      commands: ['runtime lightvm', 'fork()'],
      goal: { type: 'callDenied', syscall: 'fork', runtime: 'lightvm' },
      goalText: { en: 'fork fails in LightVM\'s Mini-OS guest', zh: 'fork 在 LightVM 的 Mini-OS 客户机中失败' },
      hints: [{ en: 'Switch with runtime lightvm, then type fork().', zh: '用 runtime lightvm 切换，然后输入 fork()。' }],
      solution: ['runtime lightvm', 'fork()'],
    },
  ],
};
