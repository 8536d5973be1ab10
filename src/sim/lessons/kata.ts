import type { Lesson } from './types.ts';

/**
 * Kata Containers: each pod is a lightweight VM with its own guest kernel;
 * kata-agent runs the containers inside it; the container's rootfs reaches
 * the guest over virtio-fs, served on the host by virtiofsd (a FUSE server
 * in user space, with its own seccomp filter).
 * @see https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/README.md
 * @see https://virtio-fs.gitlab.io/
 * @see https://gitlab.com/virtio-fs/virtiofsd
 */
export const kataLesson: Lesson = {
  id: 'kata',
  title: { en: 'Kata Containers: a guest kernel and virtio-fs', zh: 'Kata Containers：客户机内核与 virtio-fs' },
  summary: {
    en: 'The container runs on its own Linux kernel in a VM; its files come from the host over virtio-fs.',
    zh: '容器运行在虚拟机中自己的 Linux 内核上；它的文件经由 virtio-fs 从宿主机而来。',
  },
  runtime: 'kata',
  topics: ['kata'],
  steps: [
    {
      text: {
        en: 'Kata starts a lightweight VM per pod (QEMU by default, or Cloud Hypervisor or Firecracker) and runs the container on the VM\'s own Linux kernel. uname answers from that guest kernel: its release is not the host\'s. A kernel bug the container triggers is a bug in the guest, not in the host.',
        zh: 'Kata 为每个 Pod 启动一台轻量虚拟机（默认 QEMU，也可以是 Cloud Hypervisor 或 Firecracker），容器运行在这台虚拟机自己的 Linux 内核上。uname 由客户机内核应答：它的版本号不是宿主机的。容器触发的内核漏洞是客户机内核的漏洞，而不是宿主机的。',
      },
      commands: ['uname -r'],
      goal: { type: 'callServed', syscall: 'uname', servedBy: 'guest' },
      goalText: { en: 'uname is answered by the guest kernel', zh: 'uname 由客户机内核应答' },
      hints: [{ en: 'Compare with uname -r on the host runtime.', zh: '可以与 host 运行时上的 uname -r 对比。' }],
      solution: ['uname -r'],
    },
    {
      text: {
        en: 'The container\'s files stay on the host. The guest\'s virtio-fs driver sends FUSE requests over a virtqueue; the VM exits, and virtiofsd, a user-space process on the host confined by its own seccomp filter, makes the host syscalls (openat2, preadv2…). Read a file and find virtiofsd\'s host calls in the hops.',
        zh: '容器的文件留在宿主机上。客户机的 virtio-fs 驱动通过 virtqueue 发送 FUSE 请求；虚拟机退出，宿主机上受自身 seccomp 过滤器约束的用户态进程 virtiofsd 发出宿主机系统调用（openat2、preadv2……）。读取一个文件，在跳点中找到 virtiofsd 的宿主机调用。',
      },
      commands: ['cat /etc/hostname'],
      goal: { type: 'hostCall', by: 'virtiofsd' },
      goalText: { en: 'virtiofsd makes a host syscall for the guest\'s file read', zh: 'virtiofsd 为客户机的文件读取发出宿主机系统调用' },
      hints: [{ en: 'Any file read goes through virtio-fs with the default --shared-fs.', zh: '在默认的 --shared-fs 下，任何文件读取都会经过 virtio-fs。' }],
      solution: ['cat /etc/hostname'],
    },
  ],
};
