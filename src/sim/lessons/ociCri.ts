import type { Lesson } from './types.ts';

/**
 * OCI: a bundle is a directory with config.json and a rootfs; `runc spec`
 * writes a default config.json; `runc run ID` creates and starts it.
 * CRI: the kubelet's gRPC API (RunPodSandbox, CreateContainer,
 * StartContainer) that containerd and CRI-O implement; the pod's sandbox (the
 * pause container) holds the namespaces its containers join.
 * @see https://github.com/opencontainers/runtime-spec/blob/main/bundle.md
 * @see https://github.com/opencontainers/runc#creating-an-oci-bundle
 * @see https://kubernetes.io/docs/concepts/architecture/cri/
 * @see https://github.com/kubernetes/cri-api/blob/master/pkg/apis/runtime/v1/api.proto
 */
export const ociCriLesson: Lesson = {
  id: 'oci-cri',
  title: { en: 'OCI and CRI: the two contracts', zh: 'OCI 与 CRI：两份契约' },
  summary: {
    en: 'Make an OCI bundle and run it with runc by hand, then let Kubernetes do it through the CRI.',
    zh: '亲手制作一个 OCI bundle 并用 runc 运行，再让 Kubernetes 通过 CRI 来做同样的事。',
  },
  runtime: 'host',
  topics: ['oci-cri'],
  steps: [
    {
      text: {
        en: 'The OCI runtime spec is the contract below containerd: a bundle directory holding config.json (namespaces, mounts, capabilities, seccomp, cgroup limits) and a rootfs. runc spec writes a default config.json. The lab\'s host has a bundle ready at /root/mycontainer with alpine\'s files.',
        zh: 'OCI 运行时规范是 containerd 之下的契约：一个 bundle 目录，里面有 config.json（命名空间、挂载、能力、seccomp、cgroup 限制）和一个 rootfs。runc spec 会写出一份默认的 config.json。实验室的宿主机已在 /root/mycontainer 准备好一个装有 alpine 文件的 bundle。',
      },
      commands: ['runc spec -b mycontainer', 'cat /root/mycontainer/config.json'],
      goal: { type: 'lineRan', starts: 'runc spec', ok: true },
      goalText: { en: 'runc spec wrote a config.json', zh: 'runc spec 写出了 config.json' },
      hints: [{ en: '-b names the bundle directory.', zh: '-b 指定 bundle 目录。' }],
      solution: ['runc spec -b mycontainer'],
    },
    {
      text: {
        en: 'runc run creates the container from the bundle (runc create: namespaces, cgroup, pivot_root, the init waiting on exec.fifo) and starts it (runc start). No daemon is involved: this is what the shim asks runc to do for Docker.',
        zh: 'runc run 从 bundle 创建容器（runc create：命名空间、cgroup、pivot_root，init 进程在 exec.fifo 上等待）并启动它（runc start）。这里不涉及任何守护进程：这正是 shim 替 Docker 让 runc 做的事。',
      },
      commands: ['runc run -b mycontainer demo'],
      goal: { type: 'lineRan', starts: 'runc run', ok: true },
      goalText: { en: 'runc ran a container from the bundle', zh: 'runc 从 bundle 运行了一个容器' },
      hints: [{ en: 'The last word is the container\'s id.', zh: '最后一个词是容器的 id。' }],
      solution: ['runc run -b mycontainer demo'],
    },
    {
      text: {
        en: 'Kubernetes speaks the CRI to containerd or CRI-O: RunPodSandbox makes the pod\'s sandbox (the pause container that holds its network, IPC and UTS namespaces), then CreateContainer and StartContainer make your container, which joins them with setns.',
        zh: 'Kubernetes 通过 CRI 与 containerd 或 CRI-O 交谈：RunPodSandbox 创建 Pod 的沙箱（持有其网络、IPC 和 UTS 命名空间的 pause 容器），然后 CreateContainer 和 StartContainer 创建你的容器，它用 setns 加入这些命名空间。',
      },
      commands: ['kubectl run web --image=debian'],
      goal: { type: 'pathThrough', layers: ['kubelet', 'cri-api', 'containerd'] },
      goalText: { en: 'A Pod starts through the kubelet and the CRI', zh: '一个 Pod 经由 kubelet 和 CRI 启动' },
      hints: [{ en: 'kubectl lines go to the lab\'s one-node cluster, from any prompt.', zh: '在任何提示符下，kubectl 命令都会发往实验室的单节点集群。' }],
      solution: ['kubectl run web --image=debian'],
    },
  ],
};
