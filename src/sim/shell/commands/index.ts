import type { Command } from '../program.ts';
import { cat, echo, ls, mkdir, rm, touch } from './files.ts';
import { hostname, id, uname, whoami } from './identity.ts';
import { cpuburn, forkbomb, memhog } from './resources.ts';
import { makeChroot } from './chroot.ts';
import { dd } from './dd.ts';
import { ip } from './ip.ts';
import { makeNsenter } from './nsenter.ts';
import { ping } from './ping.ts';
import { ps } from './ps.ts';
import { sysctl } from './sysctl.ts';
import { insmod, kill, mount, reboot, umount, unshare } from './system.ts';

/** Every command the lab's shell knows, with the one line `help` prints for it. */
export const COMMANDS: Record<string, { run: Command; help: string }> = {
  cat: { run: cat, help: 'cat FILE… — openat, fstat, read, write, close' },
  ls: { run: ls, help: 'ls [-l] [DIR…] — openat(O_DIRECTORY), getdents64; -l adds an lstat and, for a symlink, readlink per entry' },
  echo: { run: echo, help: 'echo TEXT [> FILE] — write (the shell opens FILE with O_CREAT|O_TRUNC)' },
  touch: { run: touch, help: 'touch FILE — openat(O_CREAT), utimensat' },
  rm: { run: rm, help: 'rm FILE — unlinkat' },
  mkdir: { run: mkdir, help: 'mkdir DIR — mkdir' },
  id: { run: id, help: 'id — getuid, getgid, then /etc/passwd and /etc/group' },
  whoami: { run: whoami, help: 'whoami — geteuid and /etc/passwd' },
  hostname: { run: hostname, help: 'hostname [NAME] — uname, or sethostname' },
  uname: { run: uname, help: 'uname [-a|-n|-r] — uname' },
  unshare: { run: unshare, help: 'unshare -m|-u|-i|-n|-p|-U|-C|-T — unshare; the shell moves into the new namespaces' },
  mount: { run: mount, help: 'mount [-t TYPE] SRC DIR — mount; with no arguments lists /proc/self/mounts' },
  umount: { run: umount, help: 'umount DIR — umount2' },
  reboot: { run: reboot, help: 'reboot — reboot(LINUX_REBOOT_CMD_RESTART)' },
  insmod: { run: insmod, help: 'insmod FILE.ko — openat, finit_module' },
  kill: { run: kill, help: 'kill [-9] PID — kill' },
  memhog: { run: memhog, help: 'memhog SIZE — mmap(MAP_POPULATE): charges SIZE to the memory cgroup' },
  forkbomb: { run: forkbomb, help: 'forkbomb [N] — clone up to N times: meets pids.max' },
  cpuburn: { run: cpuburn, help: 'cpuburn SECONDS — a busy loop with no syscalls: meets cpu.max' },
  ps: { run: ps, help: 'ps [-e] — getdents64 on /proc, then /proc/PID/status and cmdline: the pid namespace /proc was mounted for' },
  ip: { run: ip, help: 'ip link | ip addr — socket(AF_NETLINK), bind, sendto RTM_GETLINK/RTM_GETADDR dump, recvmsg: the network namespace\'s interfaces' },
  ping: { run: ping, help: 'ping [-c N] ADDRESS — socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) (else SOCK_RAW: CAP_NET_RAW), sendto, recvmsg; no outside network' },
  nsenter: { run: makeNsenter((name) => COMMANDS[name]?.run), help: 'nsenter -t PID -m -u -i -n -p [CMD] — openat /proc/PID/ns/*, setns each, then CMD' },
  chroot: { run: makeChroot((name) => COMMANDS[name]?.run), help: 'chroot DIR [CMD] — chroot (CAP_SYS_CHROOT), chdir("/"), then CMD; the shell stays in DIR' },
  sysctl: { run: sysctl, help: 'sysctl [-w] NAME[=VALUE] — newfstatat, openat, read or write of /proc/sys/NAME' },
  dd: { run: dd, help: 'dd if=SRC [of=DST] [bs=SIZE] [count=N] — openat both, read/write bs at a time' },
};
