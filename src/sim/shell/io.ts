import { errnoMessage, type ErrnoName } from '../errno.ts';
import { call, flags, id, n, ptr, s } from './build.ts';
import type { Program, Reply } from './program.ts';

/** The pieces of I/O every command is made of, as the syscalls coreutils makes for them. */

export function* writeFd(fd: number, text: string): Generator<import('../syscalls/args.ts').SyscallCall, Reply, Reply> {
  return yield call('write', n(fd), s(text), n(text.length));
}

/** `prog: what: strerror` on stderr, as coreutils' error() prints it. */
export function* complain(prog: string, what: string, errno: ErrnoName | null): Program {
  const why = errno ? errnoMessage(errno) : 'failed';
  yield* writeFd(2, `${prog}: ${what}: ${why}\n`);
  return 1;
}

/** openat(AT_FDCWD, path, O_RDONLY[|extra]) → the fd, or the reply that failed. */
export function* openRead(path: string, ...extra: string[]): Generator<import('../syscalls/args.ts').SyscallCall, Reply, Reply> {
  return yield call('openat', id('AT_FDCWD'), s(path), flags('O_RDONLY', ...extra));
}

/** Reads a whole file the way cat does: fstat, then read until 0 (or an error). */
export function* readAll(fd: number): Generator<import('../syscalls/args.ts').SyscallCall, { text: string; errno: ErrnoName | null }, Reply> {
  yield* statFd(fd);
  let text = '';
  for (let i = 0; i < 64; i++) {
    const r = yield call('read', n(fd), ptr('""'), n(131072));
    if (r.errno || r.retval === null) return { text, errno: r.errno };
    if (r.retval === 0) break;
    text += r.data ?? '';
  }
  return { text, errno: null };
}

export function* closeFd(fd: number): Generator<import('../syscalls/args.ts').SyscallCall, void, Reply> {
  yield call('close', n(fd));
}

/** fstat(fd) as glibc 2.33+ makes it: newfstatat(fd, "", buf, AT_EMPTY_PATH). */
export function* statFd(fd: number): Generator<import('../syscalls/args.ts').SyscallCall, Reply, Reply> {
  return yield call('newfstatat', n(fd), s(''), ptr('{...}'), id('AT_EMPTY_PATH'));
}
