import { fail, ok, type SimResult } from '../result.ts';
import { mknod } from './attrOps.ts';
import { bindMount } from './bindMount.ts';
import type { SpecMount } from './dockerDefaults.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import type { DevNumber } from './inode.ts';
import { remount } from './remount.ts';
import { resolve } from './resolve.ts';
import { mkdirAll, rootCtx } from './setupHelpers.ts';

/**
 * The parts of a container's filesystem that an OCI spec can change from
 * Docker's default: its mounts, bind-mounted volumes, extra device nodes,
 * read-only and masked paths, and a read-only root.
 * @see opencontainers/runc libcontainer/rootfs_linux.go mountToRootfs (bind), createDevices, setReadonly
 */
export interface SpecLayout {
  mounts?: readonly SpecMount[];
  masked?: readonly string[];
  readonly?: readonly string[];
  volumes?: readonly SpecVolume[];
  devices?: readonly SpecDeviceNode[];
  readonlyRoot?: boolean;
}

/** `-v HOST:CONTAINER[:ro]`: a bind mount from the host's filesystem. */
export interface SpecVolume {
  host: string;
  container: string;
  readOnly: boolean;
}

/** A device node the spec lists (`--privileged`: every device of the host). */
export interface SpecDeviceNode {
  /** The path under /dev: `sda`, `sda1`. */
  name: string;
  kind: 'chardev' | 'blockdev';
  dev: DevNumber;
  mode: number;
}

const with_ = (env: VfsEnv, t: { store: VfsEnv['store']; ns: VfsEnv['ns'] }): VfsEnv => ({ ...env, store: t.store, ns: t.ns });

/**
 * Each volume: dockerd creates the host directory when it is missing (as root,
 * 0755), runc creates the mount point and binds it (rbind), then remounts it
 * read-only for `:ro`.
 */
export function makeVolumes(env: VfsEnv, rootfs: string, volumes: readonly SpecVolume[], now: number): SimResult<VfsEnv> {
  const ctx = rootCtx();
  let cur = env;
  for (const v of volumes) {
    for (const dir of [v.host, `${rootfs}${v.container}`]) {
      if (resolve(cur, ctx, dir).ok) continue;
      const made = mkdirAll(cur, ctx, dir, 0o755, now);
      if (!made.ok) return fail(made.errno, `creating ${dir}: ${made.reason}`);
      cur = { ...cur, store: made.value };
    }
    const source = resolve(cur, ctx, v.host);
    const target = resolve(cur, ctx, `${rootfs}${v.container}`);
    if (!source.ok) return source;
    if (!target.ok) return target;
    const bound = bindMount(cur.store, cur.ns, source.value, target.value, { recursive: true });
    if (!bound.ok) return fail(bound.errno, `binding ${v.host} to ${v.container}: ${bound.reason}`);
    cur = with_(cur, bound.value);
    if (!v.readOnly) continue;
    const top = resolve(cur, ctx, `${rootfs}${v.container}`);
    if (!top.ok) return top;
    const ro = remount(cur.store, cur.ns, top.value, { bind: true, flags: { ro: true } });
    if (!ro.ok) return ro;
    cur = with_(cur, ro.value);
  }
  return ok(cur);
}

/** linux.devices: mknod each node in the rootfs's /dev (runc createDevices). */
export function makeExtraDevices(env: VfsEnv, rootfs: string, devices: readonly SpecDeviceNode[], now: number): SimResult<VfsEnv> {
  const ctx: PathCtx = { ...rootCtx(), umask: 0 };
  let cur = env;
  for (const d of devices) {
    if (resolve(cur, ctx, `${rootfs}/dev/${d.name}`).ok) continue;
    const made = mknod(cur, ctx, `${rootfs}/dev/${d.name}`, d.kind, d.mode, d.dev, now);
    if (!made.ok) return made;
    cur = { ...cur, store: made.value.store };
  }
  return ok(cur);
}

/** root.readonly: after everything else, `/` is remounted read-only (MS_BIND|MS_REMOUNT|MS_RDONLY), keeping its other flags. */
export function makeRootReadonly(env: VfsEnv): SimResult<VfsEnv> {
  const root = resolve(env, rootCtx(), '/');
  if (!root.ok) return root;
  const ro = remount(env.store, env.ns, root.value, { bind: true, flags: { ro: true } });
  return ro.ok ? ok(with_(env, ro.value)) : ro;
}
