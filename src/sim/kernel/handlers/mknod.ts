import { mknod as vfsMknod } from '../../vfs/attrOps.ts';
import { kindOfMode, type InodeKind } from '../../vfs/inode.ts';
import { deviceRefusal } from '../deviceCgroup.ts';
import { capableInit } from '../nsCapable.ts';
import { applyPending, withVfs } from '../vfsBridge.ts';
import { isPathArg, nowSeconds, pathArg } from './pathArgs.ts';
import type { CallContext, CheckResult, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass } from './util.ts';

/**
 * mknod and mknodat. A character or block device node needs CAP_MKNOD in the
 * initial user namespace (vfs_mknod: capable(CAP_MKNOD)), then the device
 * cgroup's `m` permission. Docker's container has both, so it can make
 * /dev/sda — and the device cgroup still refuses to open it.
 * @see mknod(2), fs/namei.c vfs_mknod(), runc AllowedDevices (c *:* m, b *:* m)
 */
function argsOf(c: CallContext) {
  const at = c.call.name === 'mknodat' ? 1 : 0;
  const mode = num(c, at + 1) ?? 0;
  const dev = num(c, at + 2) ?? 0;
  const kind: InodeKind = kindOfMode(mode) ?? 'file';
  // glibc's makedev: major in bits 8–19, minor in bits 0–7 and 20–31.
  const rdev = { major: (dev >>> 8) & 0xfff, minor: (dev & 0xff) | ((dev >>> 12) & 0xfff00) };
  return { path: pathArg(c, at, at === 1 ? 0 : null), mode, kind, rdev, isDev: kind === 'chardev' || kind === 'blockdev' };
}

function make(c: CallContext) {
  const a = argsOf(c);
  if (!isPathArg(a.path)) return { ok: false as const, errno: a.path.error, reason: 'bad path argument' };
  const r = vfsMknod(a.path.env, a.path.ctx, a.path.path, a.kind, a.mode & 0o7777, a.isDev ? a.rdev : undefined, nowSeconds(c));
  return r.ok ? { ok: true as const, store: r.value.store, ctx: a.path.ctx, path: a.path.path } : r;
}

const capCheck = (c: CallContext): CheckResult | null => {
  if (!argsOf(c).isDev) return null;
  return capableInit(c.world, caller(c), 'CAP_MKNOD')
    ? pass('A device node needs CAP_MKNOD in the initial user namespace; the caller holds it')
    : deny('EPERM', 'A device node needs CAP_MKNOD in the initial user namespace; the caller lacks it', 'capabilities: mknod of a device needs CAP_MKNOD');
};

const cgroupCheck = (c: CallContext): CheckResult | null => {
  const a = argsOf(c);
  if (a.kind !== 'chardev' && a.kind !== 'blockdev') return null;
  const refused = deviceRefusal(c.world, caller(c).cgroup, a.kind, a.rdev, 'm');
  return refused ? deny('EPERM', `The device controller: ${refused}`, `cgroups: ${refused}`) : pass(`The device controller lets this cgroup create ${a.kind === 'chardev' ? 'c' : 'b'} ${a.rdev.major}:${a.rdev.minor}`);
};

const handler: SyscallHandler = {
  checks: {
    capabilities: capCheck,
    cgroups: cgroupCheck,
    vfs: (c) => {
      const r = make(c);
      return r.ok ? pass(`"${r.path}" can be created: the parent is writable and its mount is read-write`) : deny(r.errno, r.reason, `vfs: ${r.reason}`);
    },
  },
  execute: (c) => {
    const r = make(c);
    if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
    const a = argsOf(c);
    const what = a.isDev ? `the ${a.kind === 'chardev' ? 'character' : 'block'} device node ${a.rdev.major}:${a.rdev.minor}` : `a ${a.kind}`;
    return done(c, 0, `Creates ${what} at "${r.path}"`, { world: applyPending(withVfs(c.world, r.store), r.ctx) });
  },
};

export const mknodHandlers: Record<string, SyscallHandler> = { mknod: handler, mknodat: handler };
