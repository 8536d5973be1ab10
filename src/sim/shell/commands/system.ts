import { errnoMessage } from '../../errno.ts';
import { call, flags, id, n, NULL, ptr, s } from '../build.ts';
import { complain, openRead, writeFd } from '../io.ts';
import type { Command, Program } from '../program.ts';

/**
 * Commands that reach for privileges: unshare, mount, umount, reboot, insmod,
 * kill — each as the one syscall that decides it.
 * @see unshare(1), mount(8), reboot(2), insmod(8), kill(1)
 */
const UNSHARE_OPTS: Record<string, string> = {
  '-m': 'CLONE_NEWNS', '--mount': 'CLONE_NEWNS', '-u': 'CLONE_NEWUTS', '--uts': 'CLONE_NEWUTS',
  '-i': 'CLONE_NEWIPC', '--ipc': 'CLONE_NEWIPC', '-n': 'CLONE_NEWNET', '--net': 'CLONE_NEWNET',
  '-p': 'CLONE_NEWPID', '--pid': 'CLONE_NEWPID', '-U': 'CLONE_NEWUSER', '--user': 'CLONE_NEWUSER',
  '-C': 'CLONE_NEWCGROUP', '--cgroup': 'CLONE_NEWCGROUP', '-T': 'CLONE_NEWTIME', '--time': 'CLONE_NEWTIME',
};

/** unshare(1) without a command: the lab's shell itself moves into the new namespaces (as `unshare -u sh` starts a shell in them). */
export const unshare: Command = function* (argv) {
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    const expanded = /^-[a-zA-Z]{2,}$/.test(a) ? [...a.slice(1)].map((ch) => `-${ch}`) : [a];
    for (const opt of expanded) {
      const flag = UNSHARE_OPTS[opt];
      if (!flag) {
        yield* writeFd(2, `unshare: unrecognized option '${opt}' (the lab knows -m -u -i -n -p -U -C -T)\n`);
        return 1;
      }
      if (!names.includes(flag)) names.push(flag);
    }
  }
  if (!names.length) {
    yield* writeFd(2, 'unshare: name at least one namespace, e.g. unshare -u\n');
    return 1;
  }
  const r = yield call('unshare', flags(...names));
  return r.errno ? yield* complain('unshare', 'unshare failed', r.errno) : 0;
};

export const mount: Command = function* (argv) {
  const rest = argv.slice(1);
  if (!rest.length) return yield* catMounts();
  const tIdx = rest.indexOf('-t');
  const type = tIdx >= 0 ? (rest[tIdx + 1] ?? '') : null;
  const positional = rest.filter((_, i) => i !== tIdx && i !== tIdx + 1 && !rest[i]?.startsWith('-'));
  const [source, target] = positional;
  if (!source || !target) {
    yield* writeFd(2, 'mount: usage: mount [-t TYPE] SOURCE TARGET\n');
    return 1;
  }
  const fstype = type ?? (source.startsWith('/dev/sd') ? 'ext4' : 'none');
  const bind = rest.includes('--bind') || rest.includes('-B');
  const r = yield call('mount', s(source), s(target), bind ? NULL : s(fstype), bind ? id('MS_BIND') : n(0), NULL);
  if (r.errno === 'EPERM') {
    yield* writeFd(2, `mount: ${target}: permission denied.\n`);
    return 32;
  }
  return r.errno ? yield* complain('mount', target, r.errno) : 0;
};

function* catMounts(): Program {
  const open = yield* openRead('/proc/self/mounts', 'O_CLOEXEC');
  if (open.errno || open.retval === null) return yield* complain('mount', '/proc/self/mounts', open.errno);
  const r = yield call('read', n(open.retval), ptr('""'), n(4096));
  yield call('close', n(open.retval));
  if (r.data) yield* writeFd(1, r.data);
  return 0;
}

export const umount: Command = function* (argv) {
  const target = argv.slice(1).find((a) => !a.startsWith('-'));
  if (!target) {
    yield* writeFd(2, 'umount: usage: umount TARGET\n');
    return 1;
  }
  const r = yield call('umount2', s(target), n(0));
  return r.errno ? yield* complain('umount', target, r.errno) : 0;
};

export const reboot: Command = function* () {
  const r = yield call('reboot', id('LINUX_REBOOT_MAGIC1'), id('LINUX_REBOOT_MAGIC2'), id('LINUX_REBOOT_CMD_RESTART'), NULL);
  return r.errno ? yield* complain('reboot', 'reboot failed', r.errno) : 0;
};

export const insmod: Command = function* (argv) {
  const path = argv[1];
  if (!path) {
    yield* writeFd(2, 'insmod: ERROR: missing filename.\n');
    return 1;
  }
  const open = yield* openRead(path, 'O_CLOEXEC');
  if (open.errno || open.retval === null) return yield* complain('insmod: ERROR: could not load module', path, open.errno);
  const r = yield call('finit_module', n(open.retval), s(''), n(0));
  yield call('close', n(open.retval));
  return r.errno ? yield* complain('insmod: ERROR: could not insert module', path, r.errno) : 0;
};

const SIGNAL_OPTS: Record<string, string> = { '-9': 'SIGKILL', '-KILL': 'SIGKILL', '-15': 'SIGTERM', '-TERM': 'SIGTERM', '-0': '0', '-HUP': 'SIGHUP', '-1': 'SIGHUP', '-INT': 'SIGINT', '-2': 'SIGINT' };

export const kill: Command = function* (argv) {
  const sigArg = argv.slice(1).find((a) => a.startsWith('-'));
  const sig = sigArg ? SIGNAL_OPTS[sigArg] : 'SIGTERM';
  const pids = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!sig || !pids.length) {
    yield* writeFd(2, 'kill: usage: kill [-9|-15|-0] PID...\n');
    return 1;
  }
  let status = 0;
  for (const p of pids) {
    const pid = Number(p);
    if (!Number.isInteger(pid)) { yield* writeFd(2, `kill: ${p}: arguments must be process or job IDs\n`); status = 1; continue; }
    const r = yield call('kill', n(pid), sig === '0' ? n(0) : id(sig));
    if (r.errno) {
      yield* writeFd(2, `kill: (${pid}) - ${errnoMessage(r.errno)}\n`);
      status = 1;
    }
  }
  return status;
};

