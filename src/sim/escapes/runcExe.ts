import type { EscapeScenario } from './types.ts';
import { LIGHTVM_DEVICES, NO_RUNC } from './noEngine.ts';

/**
 * CVE-2019-5736: runc (through 1.0-rc6) entered the container to `exec`;
 * a container binary replaced with `#!/proc/self/exe` made runc execute
 * itself, and the container opened the host's runc binary through
 * /proc/<runc pid>/exe and overwrote it once runc had exited. runc 1.0-rc7
 * re-executes itself from a sealed memfd copy, so the link no longer leads
 * to the binary on the host.
 * @see https://github.com/advisories/GHSA-gxmr-w5mj-v8hh
 * @see https://unit42.paloaltonetworks.com/breaking-docker-via-runc-explaining-cve-2019-5736/
 */
export const RUNC_EXE: EscapeScenario = {
  id: 'runc-proc-self-exe',
  viaHelpers: false,
  title: { en: 'Overwrite runc through /proc/self/exe (CVE-2019-5736)', zh: '通过 /proc/self/exe 覆写 runc（CVE-2019-5736）' },
  summary: {
    en: 'When runc execs into the container, /proc/self/exe of that process is the host\'s runc binary; the container opens it for writing and replaces runc with its own payload.',
    zh: 'runc exec 进入容器时，该进程的 /proc/self/exe 就是宿主机上的 runc 二进制；容器以写方式打开它，用自己的载荷替换 runc。',
  },
  class: 'runtime-binary-overwrite',
  citation: { cve: 'CVE-2019-5736', url: 'https://github.com/advisories/GHSA-gxmr-w5mj-v8hh', source: 'runc security advisory; write-up by Unit 42 (Yuval Avrahami)' },
  dockerFlags: [],
  attack: ['openat(AT_FDCWD, "/proc/self/exe", O_WRONLY)'],
  goal: 'openat',
  reaches: { en: "the host kernel's /proc/self/exe magic link, which on runc ≤ 1.0-rc6 led to the runc binary on the host", zh: '宿主机内核的 /proc/self/exe 魔法链接；在 runc ≤ 1.0-rc6 上它指向宿主机上的 runc 二进制' },
  simplifies: {
    en: "The lab does not model runc exec entering the container, the race with runc's exit (ETXTBSY until then), nor runc's memfd fix (1.0-rc7 and later): its /proc/self/exe is the container's own shell. 'Through' here means the open is answered by the host kernel's procfs, the path the exploit used; on a patched runc that path leads to a sealed copy.",
    zh: '实验不模拟 runc exec 进入容器、与 runc 退出的竞争（在此之前会得到 ETXTBSY），也不模拟 runc 的 memfd 修复（1.0-rc7 及以后）：实验中的 /proc/self/exe 是容器自己的 shell。这里的“穿透”表示该 open 由宿主机内核的 procfs 应答，也就是漏洞利用所走的路径；在已修补的 runc 上，这条路径指向一个已封存的副本。',
  },
  caveats: {
    runc: {
      en: 'The path is reached, but a patched runc (1.0-rc7 and later) is not the file behind it: runc re-executes itself from a sealed copy, so the write cannot change the binary on the host. On runc ≤ 1.0-rc6 this cell is the escape.',
      zh: '这条路径可以到达，但已修补的 runc（1.0-rc7 及以后）并不是它背后的文件：runc 会从一个已封存的副本重新执行自身，因此写入无法改变宿主机上的二进制。在 runc ≤ 1.0-rc6 上，这个单元格就是逃逸。',
    },
  },
  unstageable: { nabla: NO_RUNC, 'unikernel-hvt': NO_RUNC, firecracker: NO_RUNC, lightvm: LIGHTVM_DEVICES },
};
