import { call, flags, id, n, ptr, s } from '../build.ts';
import { closeFd, complain, openRead, writeFd } from '../io.ts';
import type { Command, Reply } from '../program.ts';
import type { SyscallCall } from '../../syscalls/args.ts';

/**
 * ps (procps-ng 4.0.2, Debian bookworm) as `ps -e` prints it: PID TTY TIME CMD
 * for every process in /proc. strace of `ps -e` shows openat("/proc",
 * O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY), getdents64, then for each
 * numeric entry newfstatat("/proc/N"), openat+read of /proc/N/stat and
 * /proc/N/status, then /proc/N/cmdline (libproc2 readproc.c).
 * The lab's procfs has no /proc/N/stat, so the lab reads status only: its
 * Name, Pid and PPid lines carry what stat's comm, pid and ppid fields do.
 * Which pids appear is the procfs model's answer: in a container, /proc is
 * mounted for the container's pid namespace and lists only its processes.
 * TTY is `?` and TIME 00:00:00 for every process: the lab keeps no
 * controlling terminal (stat's tty_nr) nor CPU time per process.
 */
export const ps: Command = function* () {
  const dir = yield call('openat', id('AT_FDCWD'), s('/proc'), flags('O_RDONLY', 'O_NONBLOCK', 'O_CLOEXEC', 'O_DIRECTORY'));
  if (dir.errno || dir.retval === null) return yield* complain('ps', '/proc', dir.errno);
  const pids = yield* listPids(dir.retval);
  yield* closeFd(dir.retval);
  if (!pids.length) {
    // procps: "Unable to read /proc" when it finds no process — /proc is not mounted (Nabla, a bare chroot).
    yield* writeFd(2, 'Error, do this: mount -t proc proc /proc\n');
    return 1;
  }
  let out = '    PID TTY          TIME CMD\n';
  for (const pid of pids) {
    const name = yield* processName(pid);
    if (name !== null) out += `${String(pid).padStart(7)} ?        00:00:00 ${name}\n`;
  }
  yield* writeFd(1, out);
  return 0;
};

function* listPids(fd: number): Generator<SyscallCall, number[], Reply> {
  const pids: number[] = [];
  for (let i = 0; i < 16; i++) {
    const r = yield call('getdents64', n(fd), ptr('0x55d0c2b1e040 /* entries */'), n(32768));
    if (r.errno || !r.retval) break;
    for (const name of (r.data ?? '').split('\n')) if (/^\d+$/.test(name)) pids.push(Number(name));
  }
  return pids.sort((a, b) => a - b);
}

/** One process's name from /proc/N/status; null when it went away (ps skips it, as readproc does). */
function* processName(pid: number): Generator<SyscallCall, string | null, Reply> {
  const st = yield call('newfstatat', id('AT_FDCWD'), s(`/proc/${pid}`), ptr('{st_mode=S_IFDIR|0555, ...}'), n(0));
  if (st.errno) return null;
  const status = yield* readSmall(`/proc/${pid}/status`, 1024);
  if (status === null) return null;
  yield* readSmall(`/proc/${pid}/cmdline`, 131072);
  return /^Name:\t(.*)$/m.exec(status)?.[1] ?? '?';
}

function* readSmall(path: string, size: number): Generator<SyscallCall, string | null, Reply> {
  const open = yield* openRead(path);
  if (open.errno || open.retval === null) return null;
  const r = yield call('read', n(open.retval), ptr('""'), n(size));
  yield* closeFd(open.retval);
  return r.errno ? null : (r.data ?? '');
}
