import { formatFlags } from '../../syscalls/constants/formatFlags.ts';
import { mkdir as vfsMkdir, rmdir as vfsRmdir, unlink as vfsUnlink } from '../../vfs/dirOps.ts';
import { openFile, type OpenFlags } from '../../vfs/open.ts';
import type { Resolved } from '../../vfs/resolve.ts';
import { deviceRefusal } from '../deviceCgroup.ts';
import { COST } from '../costs.ts';
import { lowestFreeFd, type OpenFile } from '../process.ts';
import { applyPending, withVfs } from '../vfsBridge.ts';
import { isPathArg, nowSeconds, pathArg, type PathArg } from './pathArgs.ts';
import { nsOpenCheck, nsOpenExecute } from './nsOpen.ts';
import type { CallContext, CheckResult, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, withProc } from './util.ts';
import { describeTarget, statHandlers } from './stat.ts';

/**
 * open/openat, mkdir, unlink/unlinkat, rmdir: the VFS check is the path walk
 * with its permission and mount checks (a failure stops there with the VFS's
 * errno); the work then changes the filesystem or the fd table.
 * @see open(2), path_resolution(7), fs/namei.c
 */
const O = { WRONLY: 0x1, RDWR: 0x2, CREAT: 0x40, EXCL: 0x80, TRUNC: 0x200, APPEND: 0x400, DIRECTORY: 0x10000, NOFOLLOW: 0x20000, CLOEXEC: 0x80000 };

export function openFlagsOf(flags: number, mode: number | undefined): OpenFlags {
  const acc = flags & 3;
  return {
    access: acc === O.WRONLY ? 'w' : acc === O.RDWR ? 'rw' : 'r',
    creat: (flags & O.CREAT) !== 0, excl: (flags & O.EXCL) !== 0, trunc: (flags & O.TRUNC) !== 0,
    directory: (flags & O.DIRECTORY) !== 0, nofollow: (flags & O.NOFOLLOW) !== 0, mode,
  };
}

/** Argument positions of each open-like call: [dirfd or null, path, flags, mode]. */
const OPEN_ARGS: Record<string, [number | null, number, number, number]> = { openat: [0, 1, 2, 3], open: [null, 0, 1, 2], creat: [null, 0, -1, 1] };

function openArgs(c: CallContext) {
  const [dirIdx, pathIdx, flagsIdx, modeIdx] = OPEN_ARGS[c.call.name] ?? [0, 1, 2, 3];
  const flags = flagsIdx < 0 ? O.CREAT | O.WRONLY | O.TRUNC : (num(c, flagsIdx) ?? 0);
  return { at: pathArg(c, pathIdx, dirIdx), flags, mode: num(c, modeIdx) };
}

function vfsFail(errno: 'EBADF' | 'EFAULT'): CheckResult {
  return deny(errno, errno === 'EBADF' ? 'The directory fd is not open' : 'The path argument could not be read', `vfs: ${errno === 'EBADF' ? 'bad directory fd' : 'unreadable path'}`);
}

const openHandler: SyscallHandler = {
  checks: {
    vfs: (c) => {
      const { at, flags, mode } = openArgs(c);
      if (!isPathArg(at)) return vfsFail(at.error);
      // /proc/PID/ns/* are magic links: open() yields a namespace fd rather than following their text.
      const nsLink = nsOpenCheck(c, at, flags);
      if (nsLink) return nsLink;
      const r = openFile(at.env, at.ctx, at.path, openFlagsOf(flags, mode), nowSeconds(c));
      if (!r.ok) return deny(r.errno, `Path walk of "${at.path}": ${r.reason}`, `vfs: ${r.reason}`);
      const refused = deviceCheck(c, r.value.file, flags);
      if (refused) return deny('EPERM', `Path walk of "${at.path}" reaches a device node, but ${refused}`, `vfs: ${refused}`);
      return pass(`Path walk of "${at.path}" reaches ${describeTarget(at.env, r.value.file)}; the ${openFlagsOf(flags, mode).access === 'r' ? 'read' : 'write'} permission check passes`);
    },
  },
  execute: (c) => {
    const { at, flags, mode } = openArgs(c);
    if (!isPathArg(at)) return failed(c, at.error, 'Bad path argument', 'vfs: bad path argument');
    const nsFd = nsOpenExecute(c, at, flags);
    if (nsFd) return nsFd;
    const r = openFile(at.env, at.ctx, at.path, openFlagsOf(flags, mode), nowSeconds(c));
    if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
    const p = caller(c);
    const fd = lowestFreeFd(p.fds);
    const kind = r.value.file.node.kind;
    const file: OpenFile = { path: r.value.file.path, kind: kind === 'dir' ? 'dir' : kind === 'chardev' ? 'chardev' : 'file', flags, offset: 0, cloexec: (flags & O.CLOEXEC) !== 0 };
    const world = withProc(withVfs(c.world, r.value.store), { ...p, fds: { ...p.fds, [fd]: file } });
    const made = r.value.created ? 'creates it and ' : '';
    return done(c, fd, `do_sys_openat2 ${made}installs the open file at fd ${fd}, the lowest free one (${formatFlags(flags, 'open')})`, { world: applyPending(world, at.ctx), cost: { ns: COST.openClose.ns / 2, source: COST.openClose.source } });
  },
};

/** inode_permission() asks the device cgroup before a device node opens (devcgroup_inode_permission). */
function deviceCheck(c: CallContext, f: Resolved, flags: number): string | null {
  const n = f.node;
  if ((n.kind !== 'chardev' && n.kind !== 'blockdev') || !n.rdev) return null;
  const acc = openFlagsOf(flags, undefined).access;
  const p = caller(c);
  return (acc !== 'w' ? deviceRefusal(c.world, p.cgroup, n.kind, n.rdev, 'r') : null)
    ?? (acc !== 'r' ? deviceRefusal(c.world, p.cgroup, n.kind, n.rdev, 'w') : null);
}

type DirKind = 'mkdir' | 'unlink' | 'rmdir';

/** unlinkat(…, AT_REMOVEDIR) is rmdir. */
function kindOf(c: CallContext, kind: DirKind): DirKind {
  return kind === 'unlink' && c.call.name === 'unlinkat' && ((num(c, 2) ?? 0) & 0x200) !== 0 ? 'rmdir' : kind;
}

function runDirOp(c: CallContext, kind: DirKind, at: PathArg, mode: number) {
  const now = nowSeconds(c);
  if (kind === 'mkdir') {
    const r = vfsMkdir(at.env, at.ctx, at.path, mode, now);
    return r.ok ? { ok: true as const, store: r.value.store } : r;
  }
  const r = kind === 'unlink' ? vfsUnlink(at.env, at.ctx, at.path, now) : vfsRmdir(at.env, at.ctx, at.path, now);
  return r.ok ? { ok: true as const, store: r.value } : r;
}

const VERB: Record<DirKind, string> = { mkdir: 'Creates the directory', unlink: 'Removes the name', rmdir: 'Removes the empty directory' };

function dirOp(kind: DirKind, pathIdx: number, dirIdx: number | null): SyscallHandler {
  const mode = (c: CallContext) => num(c, pathIdx + 1) ?? 0o777;
  return {
    checks: {
      vfs: (c) => {
        const at = pathArg(c, pathIdx, dirIdx);
        if (!isPathArg(at)) return vfsFail(at.error);
        const r = runDirOp(c, kindOf(c, kind), at, mode(c));
        return r.ok ? pass(`Path walk of "${at.path}": the parent directory is writable and its mount is read-write`) : deny(r.errno, `Path walk of "${at.path}": ${r.reason}`, `vfs: ${r.reason}`);
      },
    },
    execute: (c) => {
      const at = pathArg(c, pathIdx, dirIdx);
      if (!isPathArg(at)) return failed(c, at.error, 'Bad path argument', 'vfs: bad path argument');
      const k = kindOf(c, kind);
      const res = runDirOp(c, k, at, mode(c));
      if (!res.ok) return failed(c, res.errno, res.reason, `vfs: ${res.reason}`);
      return done(c, 0, `${VERB[k]} "${at.path}"`, { world: applyPending(withVfs(c.world, res.store), at.ctx) });
    },
  };
}

export const fileHandlers: Record<string, SyscallHandler> = {
  openat: openHandler,
  open: openHandler,
  creat: openHandler,
  mkdir: dirOp('mkdir', 0, null),
  mkdirat: dirOp('mkdir', 1, 0),
  unlink: dirOp('unlink', 0, null),
  unlinkat: dirOp('unlink', 1, 0),
  rmdir: dirOp('rmdir', 0, null),
  ...statHandlers,
};

