import type { ErrnoName } from '../errno.ts';
import type { OpenFile } from '../kernel/process.ts';
import { lowestFreeFd } from '../kernel/process.ts';
import type { World } from '../kernel/world.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { argNumber, argString } from '../syscalls/argValue.ts';
import { miniOsEntry } from './miniOs.ts';

/**
 * Mini-OS answering one call of the unikernel's application: the value it
 * returns, what it changes in its file table (kept as the process's fds in
 * the lab's world), and the I/O that leaves the domain. The answers follow
 * lib/sys.c of the noxs branch; where the lab cannot know (input, a peer),
 * the note says what the lab chose.
 * @see https://github.com/sysml/mini-os/blob/4f67232d5d2ef4a1c2f40c3193c7097e1140a6cb/lib/sys.c
 */
export type UnikernelIo = 'console' | 'net-tx' | 'mmu';

export interface MiniOsAnswer {
  retval: number;
  errno: ErrnoName | null;
  note: string;
  world: World;
  io: UnikernelIo | null;
  /** Set when the unikernel halted (the domain shut down). */
  terminated: string | null;
}

const FIXED: Readonly<Record<string, [number, string]>> = {
  getpid: [1, 'getpid() is `return 1`: the unikernel is the only process'],
  getppid: [1, 'getppid() is `return 1`'],
  setsid: [1, 'setsid() is `return 1`'],
  getuid: [0, 'getuid() is `return 0`: there are no users'], geteuid: [0, 'geteuid() is `return 0`'],
  getgid: [0, 'getgid() is `return 0`'], getegid: [0, 'getegid() is `return 0`'],
  getcwd: [2, 'getcwd() always answers "/"'],
  nanosleep: [0, 'nanosleep() blocks this Mini-OS thread until the time passes'],
  clock_gettime: [0, 'clock_gettime() reads the time Xen keeps in the shared info page: no hypercall'],
  gettimeofday: [0, 'gettimeofday() reads the shared info page: no hypercall'],
  munmap: [0, 'munmap() unmaps the pages'],
  select: [0, 'select() polls its files; nothing is ready, so it returns 0 (the lab does not model readiness)'],
  poll: [0, 'poll() polls its files; nothing is ready, so it returns 0 (the lab does not model readiness)'],
};

const EIO_PATHS: Readonly<Record<string, string>> = {
  stat: 'stat() has no filesystem to look in: -1 EIO', mkdir: 'mkdir() has no filesystem: -1 EIO',
  unlink: 'unlink() calls remove(): no filesystem, -1 EIO', rmdir: 'rmdir() has no filesystem: -1 EIO',
};

const ok = (world: World, retval: number, note: string, io: UnikernelIo | null = null): MiniOsAnswer => ({ retval, errno: null, note, world, io, terminated: null });
const err = (world: World, errno: ErrnoName, note: string): MiniOsAnswer => ({ retval: -1, errno, note, world, io: null, terminated: null });

export function answerMiniOs(world: World, pid: number, call: SyscallCall): MiniOsAnswer {
  const entry = miniOsEntry(call.name);
  if (!entry) return err(world, 'ENOSYS', `Mini-OS provides no ${call.name}(): a unikernel calling it would not link; the lab answers ENOSYS`);
  if (entry.type === 'enosys') return err(world, 'ENOSYS', `${entry.fn}() is one of Mini-OS's unsupported functions: it sets errno to ENOSYS and returns -1`);
  if (entry.type === 'crash') return crash(world, entry.fn);
  const fixed = FIXED[entry.fn];
  if (fixed) return ok(world, fixed[0], fixed[1]);
  const eio = EIO_PATHS[entry.fn];
  if (eio) return err(world, 'EIO', eio);
  return answerFiles(world, pid, call, entry.fn);
}

function crash(world: World, fn: string): MiniOsAnswer {
  const terminated = `Mini-OS: "Unsupported function ${fn} called in Mini-OS kernel"; do_exit() asks Xen to shut the domain down (SCHEDOP_shutdown, SHUTDOWN_crash): the unikernel is gone`;
  return { retval: -1, errno: null, note: `${fn}() is one of Mini-OS's crash stubs: it halts the unikernel`, world, io: null, terminated };
}

const fdArg = (call: SyscallCall, i = 0): number | undefined => (call.args[i] ? argNumber(call.args[i]!) : undefined);

function withFd(world: World, pid: number, file: OpenFile): { world: World; fd: number } {
  const proc = world.procs[pid];
  if (!proc) return { world, fd: -1 };
  const fd = lowestFreeFd(proc.fds);
  return { world: { ...world, procs: { ...world.procs, [pid]: { ...proc, fds: { ...proc.fds, [fd]: file } } } }, fd };
}

function answerFiles(world: World, pid: number, call: SyscallCall, fn: string): MiniOsAnswer {
  const file = (() => { const fd = fdArg(call); return fd === undefined ? undefined : world.procs[pid]?.fds[fd]; })();
  switch (fn) {
    case 'open': return openFile(world, pid, call);
    case 'socket': { const r = withFd(world, pid, { path: 'socket:[lwip]', kind: 'socket', flags: 2, offset: 0, cloexec: false }); return ok(r.world, r.fd, `lwIP creates a socket; Mini-OS gives it fd ${r.fd}`); }
    case 'pipe': return ok(withFd(withFd(world, pid, pipeEnd).world, pid, pipeEnd).world, 0, 'pipe() takes two fds of type FTYPE_PIPE');
    case 'mmap': return mmap(world, call);
    case 'close': return file ? ok(closeFd(world, pid, fdArg(call) ?? -1), 0, 'close() frees the fd') : err(world, 'EBADF', 'close(): no such fd');
    case 'dup2': return file ? ok(world, 0, 'dup2() copies the file entry and returns 0 (not the new fd, as POSIX would have it)') : err(world, 'EBADF', 'dup2(): no such fd');
    case '_exit': return { ...ok(world, 0, '_exit() runs the destructors, closes every file and calls kernel_shutdown()'), terminated: 'the unikernel exits: Mini-OS shuts the domain down (SCHEDOP_shutdown)' };
    default: return onFile(world, call, fn, file);
  }
}

const pipeEnd: OpenFile = { path: 'pipe:[minios]', kind: 'pipe', flags: 2, offset: 0, cloexec: false };

function closeFd(world: World, pid: number, fd: number): World {
  const proc = world.procs[pid];
  if (!proc) return world;
  const { [fd]: _closed, ...fds } = proc.fds;
  return { ...world, procs: { ...world.procs, [pid]: { ...proc, fds } } };
}

function openFile(world: World, pid: number, call: SyscallCall): MiniOsAnswer {
  const pathArg = call.args.find((a) => a.type === 'string');
  const path = pathArg ? (argString(pathArg) ?? '') : '';
  if (path.startsWith('/var/log/')) {
    const r = withFd(world, pid, { path, kind: 'chardev', flags: 2, offset: 0, cloexec: false });
    return ok(r.world, r.fd, `open() of a path under /var/log/ gives a console fd (${r.fd}): writes go to the console`);
  }
  return err(world, 'EIO', `open("${path}"): Mini-OS has no filesystem; only /var/log/*, /dev/mem, /dev/ptmx and /var/lib/xen paths open, anything else is -1 EIO`);
}

function mmap(world: World, call: SyscallCall): MiniOsAnswer {
  const fd = fdArg(call, 4);
  if (fd !== undefined && fd !== -1 && fd !== 0xffffffff) return { ...err(world, 'EINVAL', 'mmap() of a file descriptor other than /dev/mem hits ASSERT/BUG()'), terminated: 'Mini-OS BUG(): mmap() of an unsupported fd halts the unikernel' };
  return ok(world, 0x100000000, 'mmap() of anonymous memory maps zeroed pages (map_zero), updating the page tables through Xen', 'mmu');
}

function onFile(world: World, call: SyscallCall, fn: string, file: OpenFile | undefined): MiniOsAnswer {
  const kind = file?.kind;
  const length = fdArg(call, 2) ?? 0;
  if (fn === 'fsync' || fn === 'ftruncate') return err(world, 'EBADF', `${fn}() always fails with EBADF: there are no files to sync`);
  if (!file) return err(world, 'EBADF', `${fn}(): fd is not open in Mini-OS's file table`);
  if (fn === 'write' && kind === 'chardev') return ok(world, length, `write() to a console fd copies ${length} bytes onto the console ring (console_print)`, 'console');
  if (fn === 'write' && kind === 'socket') return ok(world, length, `write() on a socket is lwip_write(): lwIP queues ${length} bytes`, 'net-tx');
  if (fn === 'write' && kind === 'pipe') return ok(world, 0, 'write() on a pipe only marks it readable and returns 0');
  if (fn === 'read') return ok(world, 0, kind === 'chardev' ? "read() of the console waits for input; the lab's terminal has none queued, so it returns 0" : 'read(): nothing to read (the lab does not model data arriving), 0');
  if (fn === 'lseek') return err(world, 'ESPIPE', 'lseek() on a console, socket or pipe: ESPIPE');
  if (fn === 'fstat') return ok(world, 0, 'fstat() fills in a mode for the console or socket');
  if (fn === 'fcntl') return ok(world, 0, 'fcntl() handles F_SETFL (O_NONBLOCK) on sockets; the lab returns 0');
  if (kind !== 'socket') return err(world, 'EBADF', `${fn}(): not a socket (Mini-OS's LWIP_STUB checks the fd type)`);
  if (fn === 'sendto') return ok(world, length, `sendto() is lwip_sendto(): lwIP builds the datagram and hands it to netfront`, 'net-tx');
  if (fn === 'connect') return ok(world, 0, 'connect() is lwip_connect() (for TCP lwIP sends a SYN through netfront; the lab does not track the socket type and shows no packet)');
  return ok(world, 0, `${fn}() is lwIP's ${fn}`);
}
