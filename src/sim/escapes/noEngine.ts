import type { Localized } from '../text/language.ts';

/**
 * Why a runtime with no Docker in front of it cannot be given a host
 * resource the way `docker run` gives one: the reasons the escape lab's
 * cells cite, shared by several scenarios.
 */

/** Nabla (runnc) and solo5-hvt: a unikernel sees only the block and network devices its tender hands it. */
export const SOLO5_DEVICES: Localized = {
  en: 'Solo5 tenders give the unikernel only the block and network devices named on their command line (no host filesystem, socket or process is shared), and runnc has no --privileged, --pid=host or bind mount of a host socket',
  zh: 'Solo5 的 tender 只把命令行上指定的块设备和网络设备交给 unikernel（不共享宿主机的文件系统、套接字或进程），runnc 也没有 --privileged、--pid=host 或绑定挂载宿主机套接字的选项',
};

/** Firecracker: a microVM gets virtio-block, virtio-net and vsock devices only. */
export const FIRECRACKER_DEVICES: Localized = {
  en: 'a Firecracker microVM gets only virtio-block, virtio-net and vsock devices (no shared host filesystem, no host pid namespace), so there is no --privileged, --pid=host or host socket to hand it',
  zh: 'Firecracker 微虚拟机只有 virtio-block、virtio-net 和 vsock 设备（不共享宿主机文件系统，也没有宿主机 pid 命名空间），因此无从给它 --privileged、--pid=host 或宿主机套接字',
};

/** LightVM: Xen split drivers, nothing of Dom0's user space. */
export const LIGHTVM_DEVICES: Localized = {
  en: "a LightVM guest reaches Dom0 only through Xen's split-driver rings (block, network, console); Dom0's disks, processes and sockets are not the guest's to name",
  zh: 'LightVM 客户机只能通过 Xen 的分离驱动环（块设备、网络、控制台）与 Dom0 通信；Dom0 的磁盘、进程和套接字都不在客户机可命名的范围内',
};

/** Neither Firecracker nor a unikernel runs runc at all. */
export const NO_RUNC: Localized = {
  en: 'no runc runs on the host for this workload (nor runc exec into it), so there is no runc binary for the container to reach through /proc/self/exe',
  zh: '宿主机上没有为这个工作负载运行 runc（也不会 runc exec 进入它），因此容器无法通过 /proc/self/exe 触及 runc 的二进制文件',
};
