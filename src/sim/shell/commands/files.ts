import { longListing } from './lsLong.ts';
import { call, flags, hex, id, n, NULL, oct, ptr, s } from '../build.ts';
import type { ErrnoName } from '../../errno.ts';
import type { SyscallCall } from '../../syscalls/args.ts';
import { closeFd, complain, openRead, statFd, writeFd } from '../io.ts';
import type { Command, Reply } from '../program.ts';

/**
 * cat, ls, touch, rm, mkdir, echo: the syscalls GNU coreutils makes for them
 * once the dynamic loader and locale setup are done (the lab leaves those out).
 * @see coreutils src/cat.c, src/ls.c, src/touch.c, src/rm.c, src/mkdir.c
 */
export const cat: Command = function* (argv) {
  let status = 0;
  for (const path of argv.slice(1).length ? argv.slice(1) : ['-']) {
    if (path === '-') { status = 1; yield* writeFd(2, 'cat: reading standard input is not supported in the lab\n'); continue; }
    const open = yield* openRead(path);
    if (open.errno || open.retval === null) { status = yield* complain('cat', path, open.errno); continue; }
    const errno = yield* copyOut(open.retval);
    if (errno) status = yield* complain('cat', path, errno);
    yield* closeFd(open.retval);
  }
  return status;
};

/**
 * cat's loop as coreutils 9 makes it: fstat for the block size, a hint that
 * the read is sequential, a 128 KiB buffer, then read and write until read
 * returns 0, and the buffer freed.
 */
function* copyOut(fd: number): Generator<SyscallCall, ErrnoName | null, Reply> {
  yield* statFd(fd);
  yield call('fadvise64', n(fd), n(0), n(0), id('POSIX_FADV_SEQUENTIAL'));
  const buf = yield call('mmap', NULL, n(139264), flags('PROT_READ', 'PROT_WRITE'), flags('MAP_PRIVATE', 'MAP_ANONYMOUS'), n(-1), n(0));
  let errno: ErrnoName | null = null;
  for (let i = 0; i < 64; i++) {
    const r = yield call('read', n(fd), ptr('""'), n(131072));
    if (r.errno || r.retval === null) { errno = r.errno; break; }
    if (r.retval === 0) break;
    yield* writeFd(1, r.data ?? '');
  }
  if (buf.retval !== null && !buf.errno) yield call('munmap', hex(buf.retval), n(139264));
  return errno;
}

export const ls: Command = function* (argv) {
  const paths = argv.slice(1).filter((a) => !a.startsWith('-'));
  const long = argv.slice(1).some((a) => /^-[a-zA-Z]*l/.test(a));
  let status = 0;
  for (const path of paths.length ? paths : ['.']) {
    const open = yield call('openat', id('AT_FDCWD'), s(path), flags('O_RDONLY', 'O_NONBLOCK', 'O_CLOEXEC', 'O_DIRECTORY'));
    if (open.errno === 'ENOTDIR') { yield* writeFd(1, `${path}\n`); continue; }
    if (open.errno || open.retval === null) { status = yield* complain('ls', `cannot open directory '${path}'`, open.errno); continue; }
    yield* statFd(open.retval);
    const names: string[] = [];
    for (let i = 0; i < 16; i++) {
      const r = yield call('getdents64', n(open.retval), ptr('0x5581c2a3f2d0 /* entries */'), n(32768));
      if (r.errno || !r.retval) break;
      names.push(...(r.data ?? '').split('\n').filter((x) => x && x !== '.' && x !== '..'));
    }
    yield* closeFd(open.retval);
    if (paths.length > 1) yield* writeFd(1, `${path}:\n`);
    if (long) yield* longListing(path, names.sort());
    else if (names.length) yield* writeFd(1, `${names.sort().join('\n')}\n`);
  }
  return status;
};

export const touch: Command = function* (argv) {
  let status = 0;
  for (const path of argv.slice(1)) {
    const r = yield call('openat', id('AT_FDCWD'), s(path), flags('O_WRONLY', 'O_CREAT', 'O_NOCTTY', 'O_NONBLOCK'), oct(0o666));
    if (r.errno || r.retval === null) { status = yield* complain('touch', `cannot touch '${path}'`, r.errno); continue; }
    yield call('utimensat', n(r.retval), id('NULL'), id('NULL'), n(0));
    yield* closeFd(r.retval);
  }
  return status;
};

export const rm: Command = function* (argv) {
  let status = 0;
  for (const path of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const r = yield call('unlinkat', id('AT_FDCWD'), s(path), n(0));
    if (r.errno) status = yield* complain('rm', `cannot remove '${path}'`, r.errno);
  }
  return status;
};

export const mkdir: Command = function* (argv) {
  let status = 0;
  for (const path of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const r = yield call('mkdir', s(path), oct(0o777));
    if (r.errno) status = yield* complain('mkdir', `cannot create directory '${path}'`, r.errno);
  }
  return status;
};

export const echo: Command = function* (argv) {
  const noNewline = argv[1] === '-n';
  const words = argv.slice(noNewline ? 2 : 1);
  yield* writeFd(1, words.join(' ') + (noNewline ? '' : '\n'));
  return 0;
};
