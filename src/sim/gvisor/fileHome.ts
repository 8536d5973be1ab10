import { getFs, type FsType } from '../vfs/filesystem.ts';
import type { NamespaceOf } from '../kernel/namespaces.ts';
import type { World } from '../kernel/world.ts';
import { TERMINAL_PATH } from '../kernel/boot.ts';

/**
 * Where a file the sandboxed app names lives, from the Sentry's point of
 * view: in the Sentry's own memory (procfs, sysfs, tmpfs, devpts — no host
 * call at all), on the host (the container's rootfs and Docker's bind mounts
 * of /etc/hostname, /etc/hosts, /etc/resolv.conf — reached through the Gofer
 * or directfs), or the terminal (a host pty fd runsc donated to the Sentry).
 * @see https://gvisor.dev/docs/architecture_guide/intro/ ("File System")
 */
export type FileHome =
  | { type: 'sentry'; fsType: FsType; mountpoint: string }
  | { type: 'host'; fsType: FsType; mountpoint: string }
  | { type: 'terminal' };

const IN_SENTRY: readonly FsType[] = ['proc', 'sysfs', 'cgroup2', 'tmpfs', 'devtmpfs', 'devpts', 'mqueue', 'securityfs', 'debugfs', 'tracefs', 'bpf', 'fusectl', 'binfmt_misc'];

/** The home of an absolute or cwd-relative path for the process `pid` (longest mountpoint prefix; symlinks are not followed). */
export function fileHome(world: World, pid: number, path: string): FileHome | null {
  if (path === TERMINAL_PATH) return { type: 'terminal' };
  const proc = world.procs[pid];
  if (!proc) return null;
  const abs = path.startsWith('/') ? path : `${proc.cwd === '/' ? '' : proc.cwd}/${path}`;
  const ns = world.namespaces[proc.ns.mnt] as NamespaceOf<'mnt'> | undefined;
  const table = ns ? world.mountTables[ns.tableId] : undefined;
  if (!table) return null;
  let best: { mountpoint: string; fsId: string } | null = null;
  for (const m of table.mounts) {
    const under = m.mountpoint === '/' || abs === m.mountpoint || abs.startsWith(`${m.mountpoint}/`);
    if (under && (!best || m.mountpoint.length >= best.mountpoint.length)) best = m;
  }
  const fs = best ? getFs(world.vfs, best.fsId) : undefined;
  if (!best || !fs) return null;
  return IN_SENTRY.includes(fs.type) ? { type: 'sentry', fsType: fs.type, mountpoint: best.mountpoint } : { type: 'host', fsType: fs.type, mountpoint: best.mountpoint };
}
