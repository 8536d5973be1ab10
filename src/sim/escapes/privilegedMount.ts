import type { EscapeScenario } from './types.ts';
import { FIRECRACKER_DEVICES, LIGHTVM_DEVICES, SOLO5_DEVICES } from './noEngine.ts';

/**
 * `docker run --privileged`: every capability, no seccomp profile, every
 * host device node. Root in such a container mounts the host's disk and
 * reads or writes the host's files.
 * @see https://docs.docker.com/reference/cli/docker/container/run/#privileged
 * @see https://gvisor.dev/docs/tutorials/docker-in-gvisor/ (runsc --privileged: full capabilities inside the sandbox)
 * @see https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/privileged.md (privileged_without_host_devices)
 */
export const PRIVILEGED_MOUNT: EscapeScenario = {
  id: 'privileged-mount',
  viaHelpers: false,
  title: { en: 'Mount the host disk from a --privileged container', zh: '在 --privileged 容器中挂载宿主机磁盘' },
  summary: {
    en: 'With --privileged, Docker gives the container all capabilities, no seccomp profile and the host\'s device nodes: root in it mounts /dev/sda1 and has the host\'s filesystem.',
    zh: '使用 --privileged 时，Docker 给容器全部能力、不加 seccomp 配置，并提供宿主机的设备节点：容器里的 root 挂载 /dev/sda1 即可拿到宿主机的文件系统。',
  },
  class: 'privileged-mount',
  citation: { cve: null, url: 'https://docs.docker.com/reference/cli/docker/container/run/#privileged', source: 'Docker documentation: docker container run --privileged' },
  dockerFlags: ['--privileged'],
  attack: ['mount -t ext4 /dev/sda1 /mnt'],
  goal: 'mount',
  reaches: { en: "the host's root disk, mounted by the host kernel inside the container", zh: '宿主机的根磁盘，由宿主机内核挂载到容器内' },
  simplifies: {
    en: "The lab stops at the mount: it does not go on to write the host's crontab or SSH keys. AppArmor and SELinux are not modelled (--privileged turns Docker's AppArmor profile off anyway). Kata with --privileged hot-plugs the host's devices into the guest unless privileged_without_host_devices is set, as Kata's documentation advises; the lab's Kata guest is given none. Under runsc, --privileged means all capabilities inside the sandbox (gVisor's Docker-in-gVisor guide uses it so); the mount is the Sentry's own.",
    zh: '实验只演示到挂载这一步，不继续改写宿主机的 crontab 或 SSH 密钥。未模拟 AppArmor 和 SELinux（--privileged 本来也会关闭 Docker 的 AppArmor 配置）。Kata 在 --privileged 下会把宿主机设备热插入客户机，除非按 Kata 文档的建议设置 privileged_without_host_devices；实验中的 Kata 客户机不会得到这些设备。在 runsc 下，--privileged 意味着沙箱内拥有全部能力（gVisor 的 Docker-in-gVisor 指南正是这样使用的）；挂载发生在 Sentry 自己的 VFS 中。',
  },
  caveats: {
    kata: {
      en: "Real Kata hot-plugs the host's /dev block devices into the guest of a privileged container unless privileged_without_host_devices is set: the guest could then mount the host's disk. The lab's guest gets none, so this cell shows the hardened setting.",
      zh: '真实的 Kata 在特权容器中默认会把宿主机 /dev 下的块设备热插入客户机，除非设置了 privileged_without_host_devices：客户机随后就能挂载宿主机的磁盘。实验中的客户机不会得到这些设备，因此该单元格反映的是加固后的设置。',
    },
  },
  unstageable: { nabla: SOLO5_DEVICES, 'unikernel-hvt': SOLO5_DEVICES, firecracker: FIRECRACKER_DEVICES, lightvm: LIGHTVM_DEVICES },
};
