import { call, n, ptr, s } from '../build.ts';
import { closeFd, openRead, readAll, writeFd } from '../io.ts';
import type { Command, Program } from '../program.ts';

/**
 * id, whoami, hostname, uname: ids from the kernel, names from /etc/passwd
 * and /etc/group the way glibc's NSS "files" module reads them.
 * @see id(1), coreutils src/id.c, glibc nss/nss_files
 */
function* lookupNames(path: string): Generator<import('../../syscalls/args.ts').SyscallCall, Record<number, string>, import('../program.ts').Reply> {
  const open = yield* openRead(path, 'O_CLOEXEC');
  if (open.errno || open.retval === null) return {};
  const { text } = yield* readAll(open.retval);
  yield* closeFd(open.retval);
  const names: Record<number, string> = {};
  for (const line of text.split('\n')) {
    const [name, , idText] = line.split(':');
    const num = Number(idText);
    if (name && idText !== undefined && Number.isInteger(num) && names[num] === undefined) names[num] = name;
  }
  return names;
}

const named = (idNum: number | null, names: Record<number, string>) => (idNum === null ? '?' : names[idNum] ? `${idNum}(${names[idNum]})` : String(idNum));

export const id: Command = function* () {
  const uid = (yield call('getuid')).retval;
  const gid = (yield call('getgid')).retval;
  const users = yield* lookupNames('/etc/passwd');
  const groups = yield* lookupNames('/etc/group');
  yield* writeFd(1, `uid=${named(uid, users)} gid=${named(gid, groups)} groups=${named(gid, groups)}\n`);
  return 0;
};

export const whoami: Command = function* () {
  const euid = (yield call('geteuid')).retval;
  const users = yield* lookupNames('/etc/passwd');
  const name = euid === null ? undefined : users[euid];
  if (!name) {
    yield* writeFd(2, `whoami: cannot find name for user ID ${euid ?? '?'}\n`);
    return 1;
  }
  yield* writeFd(1, `${name}\n`);
  return 0;
};

function* nodename(field: 'sysname' | 'nodename' | 'release' | 'all'): Program {
  const r = yield call('uname', ptr('{...}'));
  const get = (key: string, fallback = '') => new RegExp(`${key}="([^"]*)"`).exec(r.data ?? '')?.[1] ?? fallback;
  const [sys, node, release, version, machine] = [get('sysname', 'Linux'), get('nodename'), get('release'), get('version'), get('machine', 'x86_64')];
  // coreutils prints its build's operating system last (-o): GNU/Linux on Linux.
  const os = sys === 'Linux' ? 'GNU/Linux' : sys;
  const text = { sysname: sys, nodename: node, release, all: `${sys} ${node} ${release} ${version} ${machine} ${os}` }[field];
  yield* writeFd(1, `${text}\n`);
  return 0;
}

export const hostname: Command = function* (argv) {
  const name = argv[1];
  if (name === undefined) return yield* nodename('nodename');
  const r = yield call('sethostname', s(name), n(name.length));
  if (r.errno === 'EPERM') {
    yield* writeFd(2, 'hostname: you must be root to change the host name\n');
    return 1;
  }
  return r.errno ? 1 : 0;
};

export const uname: Command = function* (argv) {
  const field = argv.includes('-a') ? 'all' : argv.includes('-n') ? 'nodename' : argv.includes('-r') ? 'release' : 'sysname';
  return yield* nodename(field);
};
