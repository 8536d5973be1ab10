import { fail, ok, type SimResult } from '../result.ts';
import { mknod, symlink } from './attrOps.ts';
import { bindMount } from './bindMount.ts';
import { CONTAINER_DEFAULT_DEVICES, DEVICE_NUMBERS } from './devices.ts';
import type { SpecMount } from './dockerDefaults.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import { patchInode } from './inodeEdit.ts';
import { mountFlagsOf } from './mountFlags.ts';
import { mountNew } from './mountNew.ts';
import { sysPivotRoot, sysUmount2, type MountTables } from './mountSyscalls.ts';
import { childPath } from './path.ts';
import { setPropagation } from './remount.ts';
import { resolve } from './resolve.ts';
import { mkdirAll, rootCtx, writeWholeFile } from './setupHelpers.ts';

/**
 * runc's prepareRootfs() in the container's new mount namespace, step by
 * step, each through the same VFS calls a process would make.
 * @see opencontainers/runc libcontainer/rootfs_linux.go prepareRoot, mountToRootfs,
 *      createDevices, setupPtmx, setupDevSymlinks, pivotRoot, mountConsole
 */

const with_ = (env: VfsEnv, t: MountTables): VfsEnv => ({ ...env, store: t.store, ns: t.ns });

/** Make / rslave (runc's default rootfsPropagation) and bind the rootfs onto itself so it is a mount of its own. */
export function prepareRoot(env: VfsEnv, rootfs: string): SimResult<VfsEnv> {
  const ctx = rootCtx();
  const root = resolve(env, ctx, '/');
  if (!root.ok) return root;
  const slave = setPropagation(env.store, env.ns, root.value, 'slave', true);
  if (!slave.ok) return slave;
  const e1 = with_(env, slave.value);
  const r = resolve(e1, ctx, rootfs);
  if (!r.ok) return r;
  const bound = bindMount(e1.store, e1.ns, r.value, r.value, { recursive: true });
  return bound.ok ? ok(with_(e1, bound.value)) : bound;
}

/** mountToRootfs() for each spec mount: create the mount point, then mount. */
export function mountSpecMounts(env: VfsEnv, rootfs: string, mounts: readonly SpecMount[], cgroupRoot: readonly string[], now: number): SimResult<VfsEnv> {
  const ctx = rootCtx();
  let cur = env;
  for (const m of mounts) {
    const dest = `${rootfs}${m.destination}`;
    const made = mkdirAll(cur, ctx, dest, 0o755, now);
    if (!made.ok) return fail(made.errno, `runc: creating ${m.destination}: ${made.reason}`);
    cur = { ...cur, store: made.value };
    const target = resolve(cur, ctx, dest);
    if (!target.ok) return target;
    const mounted = mountNew(cur.store, cur.ns, target.value, {
      type: m.type, source: m.source, flags: mountFlagsOf(m.flags), data: m.data,
      ...(m.type === 'cgroup2' ? { rootParts: [...cgroupRoot] } : {}),
    });
    if (!mounted.ok) return fail(mounted.errno, `runc: mounting ${m.destination}: ${mounted.reason}`);
    cur = with_(cur, mounted.value);
  }
  return ok(cur);
}

/** Binds files from the host (Docker's resolv.conf, hostname, hosts) into the rootfs: rbind, then rprivate. */
export function bindHostFiles(env: VfsEnv, binds: ReadonlyArray<[string, string]>, now: number): SimResult<VfsEnv> {
  const ctx = rootCtx();
  let cur = env;
  for (const [source, dest] of binds) {
    if (!resolve(cur, ctx, dest).ok) {
      const made = writeWholeFile(cur, ctx, dest, '', 0o644, now);
      if (!made.ok) return made;
      cur = { ...cur, store: made.value };
    }
    const s = resolve(cur, ctx, source);
    const t = resolve(cur, ctx, dest);
    if (!s.ok) return s;
    if (!t.ok) return t;
    const bound = bindMount(cur.store, cur.ns, s.value, t.value, { recursive: true });
    if (!bound.ok) return bound;
    cur = with_(cur, bound.value);
    const top = resolve(cur, ctx, dest);
    if (!top.ok) return top;
    const priv = setPropagation(cur.store, cur.ns, top.value, 'private', true);
    if (!priv.ok) return priv;
    cur = with_(cur, priv.value);
  }
  return ok(cur);
}

/**
 * createDevices() (mknod with umask 0, 0666 root:root), setupPtmx() (/dev/ptmx
 * → pts/ptmx) and setupDevSymlinks() (fd, stdin, stdout, stderr, and core
 * when /proc/kcore exists).
 */
export function createDevices(env: VfsEnv, rootfs: string, now: number): SimResult<VfsEnv> {
  const ctx: PathCtx = { ...rootCtx(), umask: 0 };
  let cur = env;
  for (const name of CONTAINER_DEFAULT_DEVICES) {
    const made = mknod(cur, ctx, `${rootfs}/dev/${name}`, 'chardev', 0o666, DEVICE_NUMBERS[name], now);
    if (!made.ok) return made;
    cur = { ...cur, store: made.value.store };
  }
  const links: Array<[string, string]> = [['pts/ptmx', 'ptmx'], ['/proc/self/fd', 'fd'], ['/proc/self/fd/0', 'stdin'], ['/proc/self/fd/1', 'stdout'], ['/proc/self/fd/2', 'stderr']];
  if (resolve(cur, ctx, `${rootfs}/proc/kcore`).ok) links.push(['/proc/kcore', 'core']);
  for (const [target, name] of links) {
    const made = symlink(cur, ctx, target, `${rootfs}/dev/${name}`, now);
    if (!made.ok) return made;
    cur = { ...cur, store: made.value.store };
  }
  return ok(cur);
}

/**
 * pivotRoot(): chdir(rootfs); pivot_root(".", "."); umount2(".", MNT_DETACH)
 * on the old root, now stacked on top of the new one; chdir("/").
 */
export function pivotIntoRootfs(env: VfsEnv, rootfs: string): SimResult<VfsEnv> {
  const pivoted = sysPivotRoot(env, rootCtx(rootfs), '.', '.');
  if (!pivoted.ok) return fail(pivoted.errno, `runc: pivot_root: ${pivoted.reason}`);
  const next = { ...env, ns: pivoted.value.ns };
  const detached = sysUmount2(next, rootCtx('/'), '.', ['MNT_DETACH']);
  if (!detached.ok) return fail(detached.errno, `runc: unmounting the old root: ${detached.reason}`);
  return ok({ ...next, ns: detached.value.ns });
}

/** With a terminal: the pty's slave (/dev/pts/0, 0620 root:tty) bound over /dev/console. */
export function mountConsole(env: VfsEnv, now: number): SimResult<VfsEnv> {
  const ctx: PathCtx = { ...rootCtx(), umask: 0 };
  const pty = mknod(env, ctx, '/dev/pts/0', 'chardev', 0o620, DEVICE_NUMBERS.pts0, now);
  if (!pty.ok) return pty;
  const withPty = { ...env, store: pty.value.store };
  const tty = resolve(withPty, ctx, '/dev/pts/0');
  if (!tty.ok) return tty;
  // devpts gives a new pty the group of its gid= option (tty, 5).
  const storeWithGid = { ...withPty, store: patchInode(withPty.store, tty.value.fsId, tty.value.ino, { gid: 5 }) };
  const made = writeWholeFile(storeWithGid, ctx, childPath('/dev', 'console'), '', 0, now);
  if (!made.ok) return made;
  const cur = { ...storeWithGid, store: made.value };
  const s = resolve(cur, ctx, '/dev/pts/0');
  const t = resolve(cur, ctx, '/dev/console');
  if (!s.ok) return s;
  if (!t.ok) return t;
  const bound = bindMount(cur.store, cur.ns, s.value, t.value);
  return bound.ok ? ok(with_(cur, bound.value)) : bound;
}
