import { call, flags, id, n, ptr, s } from '../build.ts';
import { closeFd, writeFd } from '../io.ts';
import { errnoMessage } from '../../errno.ts';
import type { Command, Program } from '../program.ts';

/**
 * sysctl [-w] NAME[=VALUE] (procps-ng 4.0.2, Debian bookworm). strace shows,
 * for a read: newfstatat of /proc/sys/NAME (dots become slashes), openat
 * O_RDONLY, read until 0; for -w: newfstatat, openat O_WRONLY|O_TRUNC, write
 * of VALUE and a newline, close; then `NAME = VALUE` on stdout (sysctl.c
 * ReadSetting, WriteSetting). A runc container has /proc/sys mounted
 * read-only (runc's readonlyPaths), so every -w there fails with EROFS.
 */
const toPath = (name: string) => `/proc/sys/${name.replace(/\./g, '/')}`;

function* fail(text: string): Program {
  yield* writeFd(2, `sysctl: ${text}\n`);
  return 1;
}

function* readKey(name: string): Program {
  const path = toPath(name);
  const st = yield call('newfstatat', id('AT_FDCWD'), s(path), ptr('{st_mode=S_IFREG|0644, ...}'), n(0));
  if (st.errno) return yield* fail(`cannot stat ${path}: ${errnoMessage(st.errno)}`);
  const open = yield call('openat', id('AT_FDCWD'), s(path), id('O_RDONLY'));
  if (open.errno || open.retval === null) return yield* fail(`permission denied on key '${name}'`);
  let text = '';
  for (let i = 0; i < 16; i++) {
    const r = yield call('read', n(open.retval), ptr('""'), n(8192));
    if (r.errno || !r.retval) break;
    text += r.data ?? '';
  }
  yield* closeFd(open.retval);
  yield* writeFd(1, `${name} = ${text.replace(/\n$/, '')}\n`);
  return 0;
}

function* writeKey(name: string, value: string): Program {
  const path = toPath(name);
  const st = yield call('newfstatat', id('AT_FDCWD'), s(path), ptr('{st_mode=S_IFREG|0644, ...}'), n(0));
  if (st.errno) return yield* fail(`cannot stat ${path}: ${errnoMessage(st.errno)}`);
  const open = yield call('openat', id('AT_FDCWD'), s(path), flags('O_WRONLY', 'O_TRUNC'));
  if (open.errno || open.retval === null) {
    const denied = open.errno === 'EACCES' || open.errno === 'EPERM';
    return yield* fail(denied ? `permission denied on key "${name}"` : `setting key "${name}": ${open.errno ? errnoMessage(open.errno) : 'failed'}`);
  }
  const w = yield call('write', n(open.retval), s(`${value}\n`), n(value.length + 1));
  yield* closeFd(open.retval);
  if (w.errno) return yield* fail(`setting key "${name}": ${errnoMessage(w.errno)}`);
  yield* writeFd(1, `${name} = ${value}\n`);
  return 0;
}

export const sysctl: Command = function* (argv) {
  const write = argv.includes('-w');
  const keys = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!keys.length) return yield* fail('usage: sysctl [-w] NAME[=VALUE] (sysctl -a is not modelled)');
  let status = 0;
  for (const key of keys) {
    const eq = key.indexOf('=');
    if (write && eq <= 0) { status = yield* fail(`"${key}" must be of the form name=value`); continue; }
    const name = (write ? key.slice(0, eq) : key).replace(/\//g, '.');
    const r = write ? yield* writeKey(name, key.slice(eq + 1)) : yield* readKey(name);
    if (r) status = r;
  }
  return status;
};
