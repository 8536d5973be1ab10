import type { Lesson } from './types.ts';

/**
 * Distroless images hold the application and its runtime dependencies only:
 * no shell, no package manager; the :nonroot tags run as uid 65532.
 * @see https://github.com/GoogleContainerTools/distroless
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/base/README.md
 */
export const distrolessLesson: Lesson = {
  id: 'distroless',
  title: { en: 'Distroless images: nothing to live off', zh: 'Distroless 镜像：无物可借' },
  summary: {
    en: 'Fewer programs in the image means fewer tools for an attacker who gets in.',
    zh: '镜像里的程序越少，闯入者可用的工具就越少。',
  },
  runtime: 'runc',
  topics: ['distroless'],
  steps: [
    {
      text: {
        en: 'Isolation limits what a compromised container can do to the host; the image decides what an attacker finds inside. Compare the lab\'s images: debian has a shell, apt and setuid programs; distroless has none of them, and its :nonroot variant runs as uid 65532.',
        zh: '隔离限制的是被攻破的容器能对宿主机做什么；镜像决定了攻击者在容器里能找到什么。比较实验室中的镜像：debian 有 shell、apt 和 setuid 程序；distroless 一样都没有，其 :nonroot 版本以 uid 65532 运行。',
      },
      commands: ['images'],
      goal: { type: 'labCommand', name: 'images' },
      goalText: { en: 'Compare the images side by side', zh: '并排比较这些镜像' },
      hints: [{ en: 'Type images.', zh: '输入 images。' }],
      solution: ['images'],
    },
    {
      text: {
        en: 'Try to get a shell in a distroless container: runc cannot exec sh because there is no sh in the image. An exploit that wants to run a shell, curl or a package manager has to bring its own.',
        zh: '试着在 distroless 容器里获得一个 shell：runc 无法 exec sh，因为镜像里根本没有 sh。想要运行 shell、curl 或包管理器的攻击代码只能自带。',
      },
      commands: ['docker run gcr.io/distroless/static-debian12 sh'],
      goal: { type: 'all', goals: [{ type: 'lineRan', starts: 'docker run', ok: false }, { type: 'output', text: 'executable file not found' }] },
      goalText: { en: 'A distroless container has no shell to start', zh: 'distroless 容器没有可以启动的 shell' },
      hints: [{ en: 'Ask docker run for sh in gcr.io/distroless/static-debian12.', zh: '让 docker run 在 gcr.io/distroless/static-debian12 中运行 sh。' }],
      solution: ['docker run gcr.io/distroless/static-debian12 sh'],
    },
  ],
};
