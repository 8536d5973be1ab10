import type { Lesson } from './types.ts';

/**
 * The Docker stack, CLI to runc: docker (the CLI) → dockerd's REST API →
 * containerd → containerd-shim-runc-v2 → runc, which makes the container and
 * exits; the shim stays as its parent.
 * @see https://docs.docker.com/get-started/docker-overview/#docker-architecture
 * @see https://github.com/containerd/containerd/blob/main/core/runtime/v2/README.md (shim v2)
 * @see https://github.com/opencontainers/runc#using-runc
 */
export const dockerStackLesson: Lesson = {
  id: 'docker-stack',
  title: { en: 'The Docker stack, from the CLI to runc', zh: 'Docker 技术栈：从 CLI 到 runc' },
  summary: {
    en: 'Follow one docker run through dockerd, containerd, the shim and runc, then swap the runtime at the bottom.',
    zh: '跟随一次 docker run 穿过 dockerd、containerd、shim 和 runc，再把最底层的运行时换掉。',
  },
  runtime: 'runc',
  topics: ['docker-stack'],
  steps: [
    {
      text: {
        en: 'The docker command is only a client: it sends HTTP requests to dockerd (POST /containers/create, then /start). dockerd asks containerd, containerd starts a shim, and the shim runs runc, which creates the namespaces and cgroup, then execs your program. Run the line and watch the path in the diagram.',
        zh: 'docker 命令只是一个客户端：它向 dockerd 发送 HTTP 请求（先 POST /containers/create，再 /start）。dockerd 请求 containerd，containerd 启动一个 shim，shim 再运行 runc；runc 创建命名空间和 cgroup，然后 exec 你的程序。运行这一行，在图中观察它的路径。',
      },
      commands: ['docker run --rm debian echo hello'],
      goal: { type: 'all', goals: [{ type: 'pathThrough', layers: ['docker-cli', 'dockerd', 'containerd', 'shim', 'oci-runtime'] }, { type: 'output', text: 'hello' }] },
      goalText: { en: 'A docker run passes through dockerd, containerd, the shim and runc, and prints hello', zh: '一次 docker run 经过 dockerd、containerd、shim 和 runc，并打印 hello' },
      hints: [
        { en: 'Click the command above, or type docker run --rm debian echo hello.', zh: '点击上面的命令，或输入 docker run --rm debian echo hello。' },
      ],
      solution: ['docker run --rm debian echo hello'],
    },
    {
      text: {
        en: 'Only the last program changes when you pick another runtime: --runtime=runsc makes containerd start containerd-shim-runsc-v1, and the container\'s calls are answered by gVisor\'s Sentry instead of the host kernel. The lab\'s daemon.json registers runsc and kata-runtime, as an admin would.',
        zh: '换一个运行时，只有最后一个程序会变：--runtime=runsc 让 containerd 启动 containerd-shim-runsc-v1，容器的系统调用由 gVisor 的 Sentry 而不是宿主机内核来应答。实验室的 daemon.json 像管理员那样注册了 runsc 和 kata-runtime。',
      },
      commands: ['docker run --rm --runtime=runsc debian echo hello'],
      goal: { type: 'all', goals: [{ type: 'pathThrough', layers: ['dockerd', 'containerd'] }, { type: 'callServed', servedBy: 'sentry' }] },
      goalText: { en: 'The same docker run, with the container\'s calls served by the Sentry', zh: '同样的 docker run，但容器的系统调用由 Sentry 应答' },
      hints: [
        { en: 'Add --runtime=runsc before the image name.', zh: '在镜像名之前加上 --runtime=runsc。' },
      ],
      solution: ['docker run --rm --runtime=runsc debian echo hello'],
    },
  ],
};
