import { ok, type SimResult } from '../result.ts';
import { bindMount } from './bindMount.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import { mountNew } from './mountNew.ts';
import type { MountTables } from './mountSyscalls.ts';
import { remount } from './remount.ts';
import { resolve } from './resolve.ts';

/**
 * runc's readonlyPath() and maskPath(), run inside the container after
 * pivot_root: read-only paths first, then masked paths. A path that does not
 * exist (no /proc/asound without sound hardware, no /proc/timer_stats since
 * Linux 4.11) is skipped, as runc skips it.
 * @see opencontainers/runc libcontainer/rootfs_linux.go readonlyPath, maskPath
 * @see opencontainers/runc libcontainer/standard_init_linux.go (the order)
 */

const tables = (env: VfsEnv): MountTables => ({ store: env.store, ns: env.ns });

/**
 * Bind the path onto itself (MS_BIND|MS_REC), then remount that bind
 * read-only keeping nosuid/nodev/noexec from statfs(), since a bind remount
 * clears every flag it is not given.
 */
export function readonlyPath(env: VfsEnv, ctx: PathCtx, path: string): SimResult<MountTables> {
  const r = resolve(env, ctx, path);
  if (!r.ok) return r.errno === 'ENOENT' ? ok(tables(env)) : r;
  const bound = bindMount(env.store, env.ns, r.value, r.value, { recursive: true });
  if (!bound.ok) return bound;
  const next = { ...env, store: bound.value.store, ns: bound.value.ns };
  const top = resolve(next, ctx, path);
  if (!top.ok) return top;
  const { nosuid, nodev, noexec } = bound.value.mount.flags;
  return remount(next.store, next.ns, top.value, { bind: true, flags: { ro: true, nosuid, nodev, noexec } });
}

/**
 * Bind /dev/null over the path; when that fails with ENOTDIR (the path is a
 * directory) mount an empty tmpfs there with MS_RDONLY instead.
 */
export function maskPath(env: VfsEnv, ctx: PathCtx, path: string): SimResult<MountTables> {
  const r = resolve(env, ctx, path);
  if (!r.ok) return r.errno === 'ENOENT' ? ok(tables(env)) : r;
  const devNull = resolve(env, ctx, '/dev/null');
  if (!devNull.ok) return devNull;
  const bound = bindMount(env.store, env.ns, devNull.value, r.value);
  if (bound.ok) return ok({ store: bound.value.store, ns: bound.value.ns });
  if (bound.errno !== 'ENOTDIR') return bound;
  const tmpfs = mountNew(env.store, env.ns, r.value, { type: 'tmpfs', source: 'tmpfs', flags: { ro: true } });
  return tmpfs.ok ? ok({ store: tmpfs.value.store, ns: tmpfs.value.ns }) : tmpfs;
}

/** Applies every read-only path, then every masked path. */
export function applyReadonlyAndMasked(env: VfsEnv, ctx: PathCtx, readonly: readonly string[], masked: readonly string[]): SimResult<MountTables> {
  let cur = env;
  const steps: Array<[typeof readonlyPath, string]> = [...readonly.map((p) => [readonlyPath, p] as [typeof readonlyPath, string]), ...masked.map((p) => [maskPath, p] as [typeof maskPath, string])];
  for (const [step, path] of steps) {
    const r = step(cur, ctx, path);
    if (!r.ok) return r;
    cur = { ...cur, ...r.value };
  }
  return ok(tables(cur));
}
