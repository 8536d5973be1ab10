import { fail, ok, type SimResult } from '../result.ts';
import { bindMount } from './bindMount.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import { isFsType, type FsStore } from './filesystem.ts';
import type { MountNamespace } from './mount.ts';
import { atimeOf, msFlagNames, mountFlagsOf, propagationFlag, umountFlagNames, type MsFlag, type UmountFlag } from './mountFlags.ts';
import { mountNew, type NewMountSpec } from './mountNew.ts';
import { moveMount } from './moveMount.ts';
import { pivotRoot, type Pivoted } from './pivotRoot.ts';
import { remount, setPropagation } from './remount.ts';
import { resolve, type Resolved } from './resolve.ts';
import { umount, type Unmounted } from './umount.ts';
import { mountOfLoc } from './writeGuards.ts';

/**
 * mount(2), umount2(2) and pivot_root(2) by path, as a syscall handler calls
 * them once it has checked CAP_SYS_ADMIN (may_mount()) itself.
 * @see fs/namespace.c path_mount, path_umount, SYSCALL_DEFINE2(pivot_root)
 */

export interface MountCall {
  source: string | null;
  target: string;
  fstype: string | null;
  flags: number | readonly MsFlag[];
  data?: string | null;
}

export interface MountTables {
  store: FsStore;
  ns: MountNamespace;
}

function newMount(env: VfsEnv, ctx: PathCtx, call: MountCall, target: Resolved, names: readonly MsFlag[]): SimResult<MountTables> {
  const type = call.fstype ?? '';
  if (type === '') return fail('EINVAL', 'a new mount needs a filesystem type');
  if (!isFsType(type)) return fail('ENODEV', `the kernel has no filesystem type ${type} registered (the lab models cgroup2, not cgroup v1)`);
  const spec: NewMountSpec = { type, source: call.source ?? 'none', flags: mountFlagsOf(names), data: call.data ?? '' };
  if (type === 'ext4' || type === 'xfs') {
    const dev = resolve(env, ctx, call.source ?? '');
    if (!dev.ok) return dev;
    if (dev.value.node.kind !== 'blockdev') return fail('ENOTBLK', `${call.source} is not a block device`);
    if (mountOfLoc(env, dev.value).flags.nodev) return fail('EACCES', `${call.source} is on a nodev mount`);
    spec.device = dev.value.node.rdev;
  }
  const r = mountNew(env.store, env.ns, target, spec);
  return r.ok ? ok({ store: r.value.store, ns: r.value.ns }) : r;
}

/** mount(2): MS_REMOUNT, then MS_BIND, then a propagation change, then MS_MOVE, else a new mount (path_mount's order). */
export function sysMount(env: VfsEnv, ctx: PathCtx, call: MountCall): SimResult<MountTables> {
  const names = typeof call.flags === 'number' ? msFlagNames(call.flags) : call.flags;
  const target = resolve(env, ctx, call.target);
  if (!target.ok) return target;
  const has = (f: MsFlag) => names.includes(f);
  if (has('MS_REMOUNT')) {
    const { ro, nosuid, nodev, noexec } = mountFlagsOf(names);
    const atime = atimeOf(names);
    return remount(env.store, env.ns, target.value, { bind: has('MS_BIND'), flags: { ro, nosuid, nodev, noexec, ...(atime ? { atime } : {}) } });
  }
  if (has('MS_BIND')) {
    const source = resolve(env, ctx, call.source ?? '');
    if (!source.ok) return source;
    const r = bindMount(env.store, env.ns, source.value, target.value, { recursive: has('MS_REC') });
    return r.ok ? ok({ store: r.value.store, ns: r.value.ns }) : r;
  }
  const prop = propagationFlag(names);
  if (prop === 'invalid') return fail('EINVAL', 'only one of MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE at a time');
  if (prop !== undefined) return setPropagation(env.store, env.ns, target.value, prop, has('MS_REC'));
  if (has('MS_MOVE')) {
    const source = resolve(env, ctx, call.source ?? '');
    if (!source.ok) return source;
    const moved = moveMount(env.ns, source.value, target.value);
    return moved.ok ? ok({ store: env.store, ns: moved.value }) : moved;
  }
  return newMount(env, ctx, call, target.value, names);
}

/** umount2(2): the topmost mount on the path; MNT_DETACH takes its subtree too. */
export function sysUmount2(env: VfsEnv, ctx: PathCtx, path: string, flags: number | readonly UmountFlag[], opts: { busyMountIds?: readonly number[] } = {}): SimResult<Unmounted> {
  const names = typeof flags === 'number' ? umountFlagNames(flags) : flags;
  if (names.includes('MNT_EXPIRE') && (names.includes('MNT_FORCE') || names.includes('MNT_DETACH'))) {
    return fail('EINVAL', 'MNT_EXPIRE cannot be combined with MNT_FORCE or MNT_DETACH');
  }
  const target = resolve(env, ctx, path, { follow: !names.includes('UMOUNT_NOFOLLOW'), mountpoint: true });
  if (!target.ok) return target;
  const root = resolve(env, ctx, '/');
  if (!root.ok) return root;
  return umount(env.ns, target.value, {
    detach: names.includes('MNT_DETACH'), processRootMountId: root.value.mountId,
    ...(opts.busyMountIds ? { busyMountIds: opts.busyMountIds } : {}),
  });
}

/** pivot_root(2) by path; both paths must name directories (LOOKUP_DIRECTORY). */
export function sysPivotRoot(env: VfsEnv, ctx: PathCtx, newRoot: string, putOld: string): SimResult<Pivoted> {
  const n = resolve(env, ctx, newRoot, { directory: true });
  if (!n.ok) return n;
  const o = resolve(env, ctx, putOld, { directory: true, mountpoint: true });
  if (!o.ok) return o;
  const root = resolve(env, ctx, '/');
  if (!root.ok) return root;
  return pivotRoot(env.ns, n.value, o.value, root.value);
}
