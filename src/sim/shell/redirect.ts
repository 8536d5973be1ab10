import { call, flags, id, n, oct, s } from './build.ts';
import type { Reply } from './program.ts';
import type { SyscallCall } from '../syscalls/args.ts';

export { TERMINAL_PATH as TERMINAL } from '../kernel/boot.ts';

/** Where bash keeps the saved stdout while a builtin's output is redirected (fcntl F_DUPFD, 10). */
const SAVED_FD = 10;

/**
 * `> FILE`: save fd 1, open FILE, dup2 it onto fd 1, close the spare — the
 * calls bash makes before running a builtin with its output redirected.
 * Returns false when the open fails.
 */
export function* redirectOut(path: string, append: boolean): Generator<SyscallCall, boolean, Reply> {
  yield call('fcntl', n(1), id('F_DUPFD'), n(SAVED_FD));
  const mode = append ? 'O_APPEND' : 'O_TRUNC';
  const open = yield call('openat', id('AT_FDCWD'), s(path), flags('O_WRONLY', 'O_CREAT', mode), oct(0o666));
  if (open.errno || open.retval === null) {
    yield call('close', n(SAVED_FD));
    return false;
  }
  yield call('dup2', n(open.retval), n(1));
  yield call('close', n(open.retval));
  return true;
}

/** Puts the terminal back on fd 1. */
export function* redirectIn(): Generator<SyscallCall, boolean, Reply> {
  yield call('dup2', n(SAVED_FD), n(1));
  yield call('close', n(SAVED_FD));
  return true;
}
