import type { Language, Localized } from '../sim/text/language.ts';

/**
 * Chinese for the runtime models' own descriptions (src/sim/runtime/*: each
 * runtime's label and summary, each option's description), kept as data next
 * to the English they translate. The model holds only English; the UI shows
 * the Chinese only while the model's English is word for word the `en` here,
 * so a model that changes its text shows its new English rather than a stale
 * translation, and tests/ui/runtimeText.test.ts fails until this is updated.
 * It lives in the store because the lab commands (`runtime`, `runtimes`) print
 * these texts too; src/ui/runtimeText.ts re-exports it for the components.
 * Flags, syscall names, versions and product names stay as written.
 */
export const RUNTIME_TEXT: readonly Localized[] = [
  // Labels.
  { en: 'Host (no isolation)', zh: '宿主机（无隔离）' },
  { en: 'runc (Docker default)', zh: 'runc（Docker 默认）' },
  { en: 'Unikernel (rumprun on solo5-hvt, KVM)', zh: 'Unikernel（solo5-hvt 上的 rumprun，KVM）' },
  { en: 'Nabla (rumprun on solo5-spt)', zh: 'Nabla（solo5-spt 上的 rumprun）' },
  // The control-plane stacks' headings (src/sim/stack/layers.ts STACK_LABEL); `runc` alone is a name.
  { en: 'docker → dockerd → containerd → shim → runtime', zh: 'docker → dockerd → containerd → shim → 运行时' },
  { en: 'kubectl → API server → kubelet → CRI → runtime', zh: 'kubectl → API 服务器 → kubelet → CRI → 运行时' },
  { en: 'kubectl → API server → kubelet → CRI → CRI-O → runtime', zh: 'kubectl → API 服务器 → kubelet → CRI → CRI-O → 运行时' },
  { en: 'podman → conmon → runtime', zh: 'podman → conmon → 运行时' },
  // Summaries.
  { en: 'a root shell on the host: the initial namespaces, every capability, no seccomp filter', zh: '宿主机上的 root shell：初始命名空间，拥有全部能力，没有 seccomp 过滤器' },
  { en: "a default docker run container: its own namespaces (not user), Docker's 14 capabilities, Docker's seccomp profile, masked paths, a cgroup", zh: '默认的 docker run 容器：独立的命名空间（user 除外）、Docker 的 14 项能力、Docker 的 seccomp 配置文件、被屏蔽的路径、一个 cgroup' },
  { en: "the app's syscalls are caught by the platform and answered by the Sentry, a Linux-compatible kernel in user space; only the Sentry's own filtered syscalls reach the host", zh: '应用的系统调用被平台（platform）截获，由 Sentry 应答——一个运行在用户态、与 Linux 兼容的内核；只有 Sentry 自己经过过滤的系统调用才会到达宿主机' },
  { en: 'the container runs in a lightweight VM (QEMU, Cloud Hypervisor or Firecracker) with its own guest kernel; its syscalls never reach the host kernel, only its shared files, packets and terminal output do, through the VMM, virtiofsd and the shim', zh: '容器运行在一个轻量级虚拟机（QEMU、Cloud Hypervisor 或 Firecracker）中，有自己的客户机内核；它的系统调用从不到达宿主机内核，只有共享文件、网络包和终端输出经由 VMM、virtiofsd 和 shim 到达' },
  { en: 'a Nabla container: the program linked with a NetBSD rump kernel as its library OS, in a Solo5 spt tender process limited by seccomp to 7 host syscalls', zh: 'Nabla 容器：程序与作为库操作系统的 NetBSD rump 内核链接在一起，运行在 Solo5 spt tender 进程中，该进程被 seccomp 限制为只能使用 7 个宿主机系统调用' },
  { en: "the same rumprun unikernel as a KVM guest under Solo5's hvt tender: library-OS calls inside the guest, hypercalls as VM exits the tender serves", zh: '同一个 rumprun unikernel 作为 KVM 客户机运行在 Solo5 的 hvt tender 下：库操作系统调用留在客户机内，超级调用（hypercall）以 VM exit 的形式由 tender 处理' },
  { en: "the workload runs on its own Linux kernel in a KVM microVM; only virtio I/O leaves the VM, served by Firecracker's jailed, seccomp-filtered threads (50 host syscalls at most)", zh: '工作负载在 KVM 微虚拟机中运行在自己的 Linux 内核上；只有 virtio I/O 离开虚拟机，由 Firecracker 经 jailer 隔离、受 seccomp 过滤的线程处理（最多 50 个宿主机系统调用）' },
  { en: "a Mini-OS unikernel or a Tinyx VM on Xen: calls stay in the guest; I/O goes over split-driver rings and event-channel hypercalls to backends in Dom0's kernel, with no user-space VMM", zh: 'Xen 上的 Mini-OS unikernel 或 Tinyx 虚拟机：调用留在客户机内；I/O 经分离驱动的环形缓冲区和事件通道超级调用到达 Dom0 内核中的后端，没有用户态 VMM' },
  // Option descriptions.
  { en: "runsc --platform: how the app's syscalls are caught — systrap (seccomp traps, the default since 2023), ptrace (PTRACE_SYSEMU) or KVM (the Sentry as a guest kernel).", zh: 'runsc --platform：应用的系统调用如何被截获——systrap（seccomp 陷阱，自 2023 年起为默认）、ptrace（PTRACE_SYSEMU）或 KVM（Sentry 作为客户机内核）。' },
  { en: "runsc --directfs: the Sentry opens the container's files itself on fds the Gofer donated (default), or asks the Gofer for each over LISAFS.", zh: 'runsc --directfs：Sentry 在 Gofer 交给它的 fd 上自行打开容器的文件（默认），或者每次都通过 LISAFS 请求 Gofer。' },
  { en: "runsc --network: netstack, TCP/IP inside the Sentry (default), or the host's network stack through host sockets.", zh: 'runsc --network：netstack，即 Sentry 内部的 TCP/IP（默认），或者通过宿主机套接字使用宿主机的网络栈。' },
  { en: "runsc --oci-seccomp: also enforce the container's OCI seccomp profile inside the sandbox (off by default: runsc ignores it).", zh: 'runsc --oci-seccomp：在沙箱内也执行容器的 OCI seccomp 配置文件（默认关闭：runsc 忽略它）。' },
  { en: "Which VMM runs the VM (the shim's configuration-<hypervisor>.toml): QEMU (Kata's default), Cloud Hypervisor, or Firecracker (no shared filesystem: the rootfs is a devmapper block device).", zh: '由哪个 VMM 运行虚拟机（shim 的 configuration-<hypervisor>.toml）：QEMU（Kata 的默认）、Cloud Hypervisor 或 Firecracker（没有共享文件系统：rootfs 是一个 devmapper 块设备）。' },
  { en: "shared_fs: how the host's rootfs and bind mounts reach the guest — virtio-fs with virtiofsd (default), or the legacy virtio-9p served by QEMU itself (QEMU only; Firecracker has neither).", zh: 'shared_fs：宿主机的 rootfs 和绑定挂载如何到达客户机——virtio-fs 加 virtiofsd（默认），或由 QEMU 自己提供的旧式 virtio-9p（仅 QEMU；Firecracker 两者都没有）。' },
  { en: 'virtio_fs_cache (virtiofsd --cache): how long the guest trusts names, attributes and file pages — auto (1 s, pages while open), always (never expire, pages kept across opens), metadata (names only), never.', zh: 'virtio_fs_cache（virtiofsd --cache）：客户机信任文件名、属性和文件页的时长——auto（1 秒，文件打开期间保留页）、always（永不过期，跨多次打开保留页）、metadata（只缓存名字）、never。' },
  { en: 'virtio_fs_cache_size > 0: a QEMU DAX window maps host file pages into the guest so reads skip FUSE after FUSE_SETUPMAPPING. Off by default; upstream QEMU and virtiofsd 1.13 do not implement it (the lab shows the design), and Kata gives Cloud Hypervisor no window.', zh: 'virtio_fs_cache_size > 0：QEMU 的 DAX 窗口把宿主机文件页映射进客户机，FUSE_SETUPMAPPING 之后读取不再经过 FUSE。默认关闭；上游 QEMU 和 virtiofsd 1.13 没有实现它（实验室展示的是设计），Kata 也不给 Cloud Hypervisor 提供窗口。' },
  { en: "disable_guest_seccomp = false: kata-agent applies the container's OCI seccomp profile (Docker's default) inside the guest. Off by default: the VM is the boundary.", zh: 'disable_guest_seccomp = false：kata-agent 在客户机内应用容器的 OCI seccomp 配置文件（Docker 的默认配置）。默认关闭：虚拟机本身就是边界。' },
  { en: "The spt tender the unikernel runs in: nabla-run, what runnc builds from Solo5 v0.4.1-54 (2019; 7 syscalls, ppoll), or today's solo5-spt (9 syscalls: epoll_pwait and timerfd_settime instead of ppoll, plus arch_prctl(ARCH_SET_FS)).", zh: 'unikernel 所在的 spt tender：nabla-run，即 runnc 由 Solo5 v0.4.1-54 构建的版本（2019 年；7 个系统调用，ppoll），或如今的 solo5-spt（9 个系统调用：用 epoll_pwait 和 timerfd_settime 代替 ppoll，外加 arch_prctl(ARCH_SET_FS)）。' },
  { en: 'The Solo5 release of the hvt tender: v0.12.1 installs a seccomp filter on itself (18 syscalls, no argument checks, kill on anything else; since v0.11.0); v0.10.1 and earlier run the tender with no filter on Linux.', zh: 'hvt tender 的 Solo5 版本：v0.12.1 给自己安装 seccomp 过滤器（18 个系统调用，不检查参数，其余一律杀死；自 v0.11.0 起）；v0.10.1 及更早版本在 Linux 上运行 tender 时没有过滤器。' },
  { en: 'Start Firecracker through the jailer (chroot, mount/pid/net namespaces, cgroup, unprivileged uid), as production does; off: Firecracker runs as started, with only its own seccomp filters.', zh: '像生产环境那样通过 jailer 启动 Firecracker（chroot、mount/pid/net 命名空间、cgroup、非特权 uid）；off：Firecracker 按启动时的样子运行，只有它自己的 seccomp 过滤器。' },
  { en: "The drive's io_engine: Sync (default) serves a request with lseek and read/fsync on the backing file; Async submits it to io_uring.", zh: '磁盘的 io_engine：Sync（默认）对后端文件用 lseek 和 read/fsync 处理请求；Async 把请求提交给 io_uring。' },
  { en: "A seccomp filter inside the guest: runc in the microVM applies Docker's default profile when the container's spec has it; off: none (a plain microVM, or ctr run without --seccomp).", zh: '客户机内的 seccomp 过滤器：当容器的 spec 包含 Docker 默认配置文件时，微虚拟机中的 runc 应用它；off：没有（普通微虚拟机，或不带 --seccomp 的 ctr run）。' },
  { en: 'The guest: a Mini-OS unikernel (one address space; calls are function calls into Mini-OS) or a Tinyx VM (a trimmed Linux kernel; syscalls land in it).', zh: '客户机：Mini-OS unikernel（单一地址空间；调用即对 Mini-OS 的函数调用）或 Tinyx 虚拟机（精简的 Linux 内核；系统调用落在其中）。' },
];

const ZH = new Map(RUNTIME_TEXT.map((t) => [t.en, t.zh]));

/** A model text in `language`: its Chinese when this table has one for exactly this English, else the English. */
export function runtimeText(en: string, language: Language): string {
  return language === 'zh' ? (ZH.get(en) ?? en) : en;
}
