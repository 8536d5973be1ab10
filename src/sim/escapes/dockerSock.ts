import type { EscapeScenario } from './types.ts';
import { FIRECRACKER_DEVICES, LIGHTVM_DEVICES, SOLO5_DEVICES } from './noEngine.ts';

/**
 * A container given the daemon's socket (-v /var/run/docker.sock:…) can ask
 * dockerd, which runs as root, for a --privileged container with / mounted:
 * root on the host with no kernel bug at all.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html (Rule #1: do not expose the Docker daemon socket)
 * @see https://docs.docker.com/engine/security/#docker-daemon-attack-surface
 * @see https://gvisor.dev/docs/user_guide/filesystem/ (runsc connects to host Unix sockets only with --host-uds)
 */
export const DOCKER_SOCK: EscapeScenario = {
  id: 'docker-sock',
  viaHelpers: false,
  title: { en: 'A mounted docker.sock', zh: '挂载进容器的 docker.sock' },
  summary: {
    en: 'With the host\'s /var/run/docker.sock bind-mounted in, the container connects to dockerd and asks it, as root on the host, for whatever it likes.',
    zh: '宿主机的 /var/run/docker.sock 被绑定挂载进容器后，容器可以连接 dockerd，并让这个以 root 身份运行在宿主机上的守护进程做任何事。',
  },
  class: 'engine-socket',
  citation: { cve: null, url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html', source: 'OWASP Docker Security Cheat Sheet, rule #1; Docker documentation: daemon attack surface' },
  // The lab binds the host's /run (which holds docker.sock): its volumes bind directories; see simplifies.
  dockerFlags: ['-v', '/run:/host/run'],
  attack: ['newfstatat(AT_FDCWD, "/host/run/docker.sock", 0x7ffc0000, 0)', 'socket(AF_UNIX, SOCK_STREAM, 0)', 'connect(3, {sa_family=AF_UNIX, sun_path="/host/run/docker.sock"}, 110)'],
  hostAttack: ['newfstatat(AT_FDCWD, "/run/docker.sock", 0x7ffc0000, 0)', 'socket(AF_UNIX, SOCK_STREAM, 0)', 'connect(3, {sa_family=AF_UNIX, sun_path="/run/docker.sock"}, 110)'],
  goal: 'connect',
  reaches: { en: "dockerd's API socket on the host, reached by the host kernel's AF_UNIX connect", zh: '宿主机上 dockerd 的 API 套接字，经宿主机内核的 AF_UNIX connect 到达' },
  simplifies: {
    en: "The usual form, -v /var/run/docker.sock:/var/run/docker.sock, binds the socket file; the lab binds the host's /run directory that holds it, because its volume model binds directories only. The lab does not model the connection to the daemon: its connect does not check that a listener is there. The newfstatat step shows whether the socket is in the container's view at all; 'through' then means the host kernel made the AF_UNIX connect. gVisor's --host-uds and a Kata VM's virtio-fs share of a socket file are not modelled beyond what the trace shows.",
    zh: '常见写法 -v /var/run/docker.sock:/var/run/docker.sock 绑定的是套接字文件本身；实验绑定的是存放它的宿主机 /run 目录，因为实验的卷模型只绑定目录。实验不模拟与守护进程的连接：它的 connect 不检查是否有监听者。newfstatat 这一步展示套接字是否出现在容器的视图中；“穿透”则表示由宿主机内核完成了 AF_UNIX connect。除了调用链路中显示的内容外，未模拟 gVisor 的 --host-uds 以及 Kata 虚拟机通过 virtio-fs 共享的套接字文件。',
  },
  unstageable: { nabla: SOLO5_DEVICES, 'unikernel-hvt': SOLO5_DEVICES, firecracker: FIRECRACKER_DEVICES, lightvm: LIGHTVM_DEVICES },
};
