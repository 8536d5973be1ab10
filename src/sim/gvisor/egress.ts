import type { World } from '../kernel/world.ts';
import { argNumber, argString } from '../syscalls/argValue.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { fileHome, type FileHome } from './fileHome.ts';

/**
 * What part of a call the Sentry cannot serve from its own memory, and so
 * must take to the host: a file on the container's rootfs or a bind mount
 * (through directfs or the Gofer), the terminal (a host fd runsc imported),
 * or a socket call (netstack, or host sockets with network=host).
 * Everything else — getpid, signals, memory, /proc, tmpfs, pipes — stays in
 * the Sentry.
 * @see https://gvisor.dev/blog/2023/06/27/directfs/
 * @see https://gvisor.dev/blog/2023/05/08/rootfs-overlay/
 */
export type Egress =
  | { type: 'none'; why: string }
  | { type: 'file'; kind: 'walk' | 'open' | 'data'; hostCalls: readonly string[]; path: string; home: Extract<FileHome, { type: 'host' }> }
  | { type: 'terminal'; hostCall: 'read' | 'write' }
  | { type: 'network' };

const OPEN = new Set(['open', 'openat', 'creat', 'execve', 'execveat']);
const LOOKUP = new Set(['stat', 'lstat', 'newfstatat', 'statx', 'access', 'faccessat', 'faccessat2', 'chdir', 'readlink', 'readlinkat', 'getxattr', 'lgetxattr', 'listxattr', 'llistxattr']);
/** Changes by path → the fd-relative host call directfs makes on a bind mount (the rootfs overlay keeps them in the Sentry). */
const CHANGE: Readonly<Record<string, string>> = {
  mkdir: 'mkdirat', mkdirat: 'mkdirat', unlink: 'unlinkat', unlinkat: 'unlinkat', rmdir: 'unlinkat',
  rename: 'renameat2', renameat: 'renameat2', renameat2: 'renameat2', link: 'linkat', linkat: 'linkat', symlink: 'symlinkat', symlinkat: 'symlinkat',
  chmod: 'fchmodat', fchmodat: 'fchmodat', chown: 'fchownat', lchown: 'fchownat', fchownat: 'fchownat', mknod: 'mknodat', mknodat: 'mknodat',
  utime: 'utimensat', utimes: 'utimensat', utimensat: 'utimensat', setxattr: 'fsetxattr', lsetxattr: 'fsetxattr', removexattr: 'fremovexattr', lremovexattr: 'fremovexattr', truncate: 'ftruncate',
};
/** Reads and writes on an open host file: one contiguous buffer is pread64/pwrite64, several are preadv2/pwritev2. */
const DATA: Readonly<Record<string, { host: string; writes: boolean }>> = {
  read: { host: 'pread64', writes: false }, pread64: { host: 'pread64', writes: false }, readv: { host: 'preadv2', writes: false }, preadv: { host: 'preadv2', writes: false }, preadv2: { host: 'preadv2', writes: false },
  write: { host: 'pwrite64', writes: true }, pwrite64: { host: 'pwrite64', writes: true }, writev: { host: 'pwritev2', writes: true }, pwritev: { host: 'pwritev2', writes: true }, pwritev2: { host: 'pwritev2', writes: true },
  getdents64: { host: 'getdents64', writes: false }, getdents: { host: 'getdents64', writes: false },
};
const TERMINAL_IO: Readonly<Record<string, 'read' | 'write'>> = { read: 'read', readv: 'read', write: 'write', writev: 'write', pwrite64: 'write' };
const SOCKET_CALLS = new Set(['socket', 'connect', 'bind', 'listen', 'accept', 'accept4', 'sendto', 'sendmsg', 'sendmmsg', 'recvfrom', 'recvmsg', 'recvmmsg', 'shutdown', 'setsockopt', 'getsockopt', 'getsockname', 'getpeername']);

const none = (why: string): Egress => ({ type: 'none', why });

/** The egress of `call` made by `pid`, judged on the world before the call (what the fd or path named then). */
export function egressOf(world: World, pid: number, call: SyscallCall): Egress {
  if (OPEN.has(call.name) || LOOKUP.has(call.name) || CHANGE[call.name]) return pathEgress(world, pid, call);
  const fd = call.args[0] ? argNumber(call.args[0]) : undefined;
  const file = fd === undefined ? undefined : world.procs[pid]?.fds[fd];
  if (SOCKET_CALLS.has(call.name) || (file?.kind === 'socket' && TERMINAL_IO[call.name])) return { type: 'network' };
  if (!file) return none(`the Sentry answers ${call.name} from its own state`);
  const home = fileHome(world, pid, file.path);
  const io = TERMINAL_IO[call.name];
  if (home?.type === 'terminal' && io) return { type: 'terminal', hostCall: io };
  const data = DATA[call.name];
  if (home?.type !== 'host' || !data || file.kind === 'pipe') return none(`${call.name} on fd ${fd} (${file.path}) is served from the Sentry's memory${call.name === 'fstat' ? ' (cached metadata)' : ''}`);
  if (data.writes && home.mountpoint === '/') return none(`${file.path} is in the rootfs overlay: the write goes to the Sentry's upper tmpfs (--overlay2=root:self), not the host file`);
  return { type: 'file', kind: 'data', hostCalls: [data.host], path: file.path, home };
}

function pathEgress(world: World, pid: number, call: SyscallCall): Egress {
  const pathArg = call.args.find((a) => a.type === 'string');
  const path = pathArg ? argString(pathArg) : undefined;
  if (path === undefined) return none('no path the lab can read');
  if (path === '') return none(`${call.name} on an open fd: the Sentry answers from the dentry's cached metadata`);
  const home = fileHome(world, pid, path);
  if (!home || home.type === 'terminal') return none(`${path} is the terminal, a Sentry device`);
  if (home.type === 'sentry') return none(`${path} is on the Sentry's own ${home.fsType} at ${home.mountpoint}: no host call`);
  const change = CHANGE[call.name];
  if (change && home.mountpoint === '/') return none(`${path} is in the rootfs overlay: the change is made in the Sentry's upper tmpfs (--overlay2=root:self)`);
  const cached = world.sentry?.dentries.includes(path) ?? false;
  // A walk miss costs an openat of the component plus a statx of it. A cached dentry costs nothing on the
  // rootfs (--file-access=exclusive); on other mounts (file-access=shared) it is revalidated: openat(O_PATH), statx, close.
  const walk = !cached ? ['openat', 'statx'] : home.mountpoint === '/' ? [] : ['openat', 'statx', 'close'];
  if (change) return { type: 'file', kind: 'walk', hostCalls: [...walk, change], path, home };
  if (OPEN.has(call.name)) return { type: 'file', kind: 'open', hostCalls: [...walk, 'openat'], path, home };
  if (call.name === 'readlink' || call.name === 'readlinkat') return { type: 'file', kind: 'walk', hostCalls: [...walk, 'readlinkat'], path, home };
  return walk.length ? { type: 'file', kind: 'walk', hostCalls: walk, path, home } : none(`${path} is in the Sentry's dentry cache: its metadata is answered without the host`);
}
