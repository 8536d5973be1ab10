import { hostDeviceEntries } from '../devices.ts';
import { binaries, binary, dir, file, link, sock, type TreeEntry } from '../treeSpec.ts';
import { debianBase } from './debianBase.ts';
import { LAB_USER, SHADOW_GID } from './debianAccounts.ts';

/**
 * The lab's host: a Debian 12 server running Docker (docker-ce, containerd.io)
 * on the lab's 7.0 kernel. Three trees: the ext4 root on /dev/sda1, the devtmpfs on
 * /dev and the tmpfs on /run.
 */

/** `uname -r` of the host kernel; /boot and /lib/modules are named after it. */
/**
 * The lab's one kernel. Its syscall table is the reference's: Linux 6.11's
 * plus the ten calls up to Linux 7.0 (syscalls_x86_64.csv), so it reports 7.0.
 */
export const HOST_KERNEL_RELEASE = '7.0.0-1-amd64';
/** The same, as a (major, minor) pair for seccomp's minKernel. */
export const HOST_KERNEL_VERSION: readonly [number, number] = [7, 0];
export const HOST_HOSTNAME = 'lab-host';
/** Group ids the host adds (the docker group is created by the docker-ce package as a system group). */
export const DOCKER_GID = 999;

/**
 * A yescrypt-shaped hash that is deliberately not a hash of anything: the
 * salt and hash fields spell out that they are fake.
 */
export const FAKE_ROOT_HASH = '$y$j9T$FAKE.lab.salt$FAKE.hash.not.a.real.password.hash.lab.only.0';
const FAKE_LAB_HASH = '$y$j9T$FAKE.lab.salt$FAKE.hash.for.the.lab.user.not.a.real.hash.01';

const DOCKER_BINARIES: Record<string, number> = {
  dockerd: 104857600, docker: 35651584, containerd: 41943040, 'containerd-shim-runc-v2': 12582912, runc: 15728640, ctr: 20971520,
};

const HOST_TOOLS: Record<string, number> = { ps: 141848, kill: 31112, top: 137232, ip: 786008, ss: 165632, ping: 89712, capsh: 31800, strace: 2066768 };

function kernelFiles(): TreeEntry[] {
  const r = HOST_KERNEL_RELEASE;
  const mod = `/usr/lib/modules/${r}`;
  return [
    binary(`/boot/vmlinuz-${r}`, 8462272, 0o644), binary(`/boot/initrd.img-${r}`, 35651584, 0o644),
    file(`/boot/config-${r}`, 'CONFIG_OVERLAY_FS=m\nCONFIG_USER_NS=y\nCONFIG_CGROUPS=y\nCONFIG_SECCOMP_FILTER=y\nCONFIG_PROC_KCORE=y\n'),
    binary(`/boot/System.map-${r}`, 8388608, 0o644),
    binary(`${mod}/kernel/fs/overlayfs/overlay.ko`, 311296, 0o644),
    binary(`${mod}/kernel/net/bridge/bridge.ko`, 524288, 0o644),
    binary(`${mod}/kernel/net/netfilter/nf_conntrack.ko`, 319488, 0o644),
    binary(`${mod}/kernel/drivers/net/veth.ko`, 65536, 0o644),
    file(`${mod}/modules.dep`, 'kernel/fs/overlayfs/overlay.ko:\nkernel/net/bridge/bridge.ko: kernel/net/802/stp.ko kernel/net/llc/llc.ko\nkernel/drivers/net/veth.ko:\n'),
  ];
}

function hostEtc(): TreeEntry[] {
  return [
    file('/etc/hostname', `${HOST_HOSTNAME}\n`),
    file('/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${HOST_HOSTNAME}\n::1\tlocalhost ip6-localhost ip6-loopback\n`),
    file('/etc/resolv.conf', 'nameserver 10.0.2.3\nsearch lab.internal\n'),
    file('/etc/fstab', 'UUID=0f1e2d3c-lab0-4b5a-9c8d-000000000001 / ext4 errors=remount-ro 0 1\n'),
    dir('/etc/docker'), file('/etc/docker/daemon.json', '{}\n'),
    // Docker's state: only root may enter (dockerd creates it 0710 root:root).
    dir('/var/lib/docker', 0o710), dir('/var/lib/docker/containers', 0o710), dir('/var/lib/docker/overlay2', 0o710),
    dir('/var/lib/docker/overlay2/l', 0o700), dir('/var/lib/docker/image', 0o700), dir('/var/lib/docker/volumes', 0o701),
    dir('/var/lib/containerd', 0o711),
  ];
}

/** The host's ext4 root (/dev/sda1). */
export function hostRootEntries(): TreeEntry[] {
  const base = debianBase({
    rootPassword: FAKE_ROOT_HASH,
    lab: { shell: '/bin/bash', password: FAKE_LAB_HASH },
    extraGroups: [['docker', DOCKER_GID, LAB_USER.name]],
  });
  return [
    ...base, ...hostEtc(), ...kernelFiles(),
    ...binaries('/usr/bin', DOCKER_BINARIES), ...binaries('/usr/bin', HOST_TOOLS),
    dir(LAB_USER.home, 0o700, { uid: LAB_USER.uid, gid: LAB_USER.gid }),
    file('/etc/shadow-', '', 0o640, { gid: SHADOW_GID }),
  ];
}

/** The host's /dev (devtmpfs "udev"): device nodes, mount points and the fd links udev makes. */
export function hostDevEntries(): TreeEntry[] {
  return [
    ...hostDeviceEntries(), dir('/pts'), dir('/shm', 0o1777), dir('/mqueue', 0o1777),
    link('/fd', '/proc/self/fd'), link('/stdin', '/proc/self/fd/0'), link('/stdout', '/proc/self/fd/1'),
    link('/stderr', '/proc/self/fd/2'), link('/core', '/proc/kcore'),
  ];
}

/** The host's /run tmpfs: the Docker and containerd sockets. */
export function hostRunEntries(): TreeEntry[] {
  return [
    // Members of group docker may talk to dockerd, which is root-equivalent (docs.docker.com "Docker daemon attack surface").
    sock('/docker.sock', 0o660, { gid: DOCKER_GID }),
    file('/docker.pid', '812\n'), dir('/docker', 0o700), dir('/docker/netns'),
    dir('/containerd', 0o711), sock('/containerd/containerd.sock', 0o660),
    dir('/lock', 0o1777), dir('/user/1000', 0o700, { uid: LAB_USER.uid, gid: LAB_USER.gid }),
  ];
}
