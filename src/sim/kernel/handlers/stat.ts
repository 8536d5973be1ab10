import type { VfsEnv } from '../../vfs/env.ts';
import { formatMode, formatStat, statOf, type Stat } from '../../vfs/stat.ts';
import { uidSeenIn } from '../pidView.ts';
import { resolve, type Resolved } from '../../vfs/resolve.ts';
import { mountOfLoc } from '../../vfs/writeGuards.ts';
import { TERMINAL_PATH } from '../boot.ts';
import { isPathArg, pathArg, procView } from './pathArgs.ts';
import type { CallContext, ExecResult, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, str } from './util.ts';

/**
 * stat, lstat, newfstatat: the path walk, then the inode's fields as strace
 * prints them.
 * @see stat(2)
 */

/** `a file, mode 0644 root:root, on overlay (mount 27, read-only)`: what a path walk reached, for hop notes. */
export function describeTarget(env: VfsEnv, f: Resolved): string {
  const fs = env.store.filesystems[f.fsId];
  const m = mountOfLoc(env, f);
  const n = f.node;
  const ro = m.flags.ro || fs?.readOnly ? ', read-only' : '';
  return `a ${n.kind} (${formatMode(n.kind, n.mode)}, ${n.uid}:${n.gid}) on ${fs?.type ?? '?'} mounted at ${m.mountpoint}${ro}`;
}

const AT_SYMLINK_NOFOLLOW = 0x100;

/**
 * st_uid and st_gid as the caller's user namespace sees them (from_kuid_munged):
 * a rootless container's root sees its files as root's, and the host's as nobody.
 * @see fs/stat.c cp_new_stat
 */
function seenBy(c: CallContext, st: Stat): Stat {
  const ns = caller(c).ns.user;
  if (ns === c.world.initNs.user) return st;
  return { ...st, st_uid: uidSeenIn(c.world, ns, st.st_uid, 'uid'), st_gid: uidSeenIn(c.world, ns, st.st_gid, 'gid') };
}

function statHandler(pathIdx: number, dirIdx: number | null, follow: (c: CallContext) => boolean): SyscallHandler {
  const walk = (c: CallContext) => {
    const at = pathArg(c, pathIdx, dirIdx);
    if (!isPathArg(at)) return { at: null, r: null, err: at.error };
    return { at, r: resolve(at.env, at.ctx, at.path, { follow: follow(c) }), err: null };
  };
  return {
    checks: {
      vfs: (c) => {
        const { at, r, err } = walk(c);
        if (!at || !r) return deny(err ?? 'EFAULT', 'The path argument could not be read', 'vfs: bad path argument');
        return r.ok ? pass(`Path walk of "${at.path}" reaches ${describeTarget(at.env, r.value)}`) : deny(r.errno, `Path walk of "${at.path}": ${r.reason}`, `vfs: ${r.reason}`);
      },
    },
    execute: (c) => {
      const { at, r } = walk(c);
      if (!at || !r || !r.ok) return failed(c, r && !r.ok ? r.errno : 'EFAULT', 'The path walk failed', 'vfs: path walk failed');
      const st = seenBy(c, statOf(at.env, r.value));
      const text = formatStat(st);
      // data: the whole struct, for programs that read more than strace shows (ls -l reads st_uid, st_mtime…).
      return done(c, 0, `Copies the inode's attributes out: ${text}`, { outArgs: { [pathIdx + 1]: text }, data: formatStat(st, true) });
    },
  };
}

const AT_EMPTY_PATH = 0x1000;
const byPath = statHandler(1, 0, (c) => ((num(c, 3) ?? 0) & AT_SYMLINK_NOFOLLOW) === 0);

/**
 * newfstatat(fd, "", buf, AT_EMPTY_PATH) stats the fd itself: glibc 2.33+
 * implements fstat() this way, so it is what strace shows for `cat`.
 */
const newfstatat: SyscallHandler = {
  checks: { vfs: (c) => (isEmptyPath(c) ? null : (byPath.checks?.vfs?.(c) ?? null)) },
  execute: (c) => (isEmptyPath(c) ? fstatFd(c, 0, 2) : byPath.execute(c)),
};

function isEmptyPath(c: CallContext): boolean {
  return str(c, 1) === '' && ((num(c, 3) ?? 0) & AT_EMPTY_PATH) !== 0;
}

/** fstat(2) of the file open at argument `fdIdx`, written into argument `bufIdx`. */
export function fstatFd(c: CallContext, fdIdx: number, bufIdx: number): ExecResult {
  const p = caller(c);
  const fd = num(c, fdIdx) ?? -1;
  const f = p.fds[fd];
  if (!f) return failed(c, 'EBADF', `fd ${fd} is not open in this process`, `kernel: fd ${fd} is not open`);
  if (f.path === TERMINAL_PATH) return done(c, 0, 'The terminal is a character device', { outArgs: { [bufIdx]: '{st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0), ...}' } });
  // An nsfs inode: a regular file, mode 0444, whose inode number is the namespace's id (fs/nsfs.c).
  if (f.kind === 'nsfd') return done(c, 0, `${f.path} is an nsfs inode whose number is the namespace id`, { outArgs: { [bufIdx]: '{st_mode=S_IFREG|0444, st_size=0, ...}' } });
  const v = procView(c, p);
  const r = resolve(v.env, v.ctx, f.path);
  if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
  const text = formatStat(seenBy(c, statOf(v.env, r.value)));
  return done(c, 0, `Copies the attributes of ${f.path} out`, { outArgs: { [bufIdx]: text } });
}

export const statHandlers: Record<string, SyscallHandler> = {
  stat: statHandler(0, null, () => true),
  lstat: statHandler(0, null, () => false),
  newfstatat,
  fstat: { execute: (c) => fstatFd(c, 0, 1) },
};
