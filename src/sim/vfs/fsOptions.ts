import type { FsType } from './filesystem.ts';

/**
 * mount(2)'s `data` for the filesystems the lab creates, turned into what
 * their show_options() prints in /proc/PID/mounts, plus the root directory's
 * mode.
 * @see tmpfs(5) (mm/shmem.c shmem_show_options), fs/devpts/inode.c devpts_show_options
 */

export interface FsOptions {
  /** The superblock options column (`size=65536k,mode=755,inode64`). */
  shown: string;
  /** Mode of the new filesystem's root directory. */
  rootMode: number;
  /** devpts: the ptmx node's mode (ptmxmode=, default 0). */
  ptmxMode?: number;
}

function parseData(data: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of data.split(',')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) out[item] = '';
    else out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** `64m` → 65536 (KiB), `65536k` → 65536, `67108864` → 65536. */
function sizeKiB(text: string): number {
  const m = /^(\d+)([kmg%]?)$/i.exec(text);
  if (!m) return 0;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === 'k') return n;
  if (unit === 'm') return n * 1024;
  if (unit === 'g') return n * 1024 * 1024;
  return Math.floor(n / 1024);
}

/** tmpfs shows size (when set), mode (when not 1777), uid/gid (when not 0) and inode64. */
function tmpfsOptions(o: Record<string, string>): FsOptions {
  const rootMode = o.mode !== undefined ? parseInt(o.mode, 8) & 0o7777 : 0o1777;
  const shown: string[] = [];
  if (o.size !== undefined) shown.push(`size=${sizeKiB(o.size)}k`);
  if (o.nr_inodes !== undefined) shown.push(`nr_inodes=${o.nr_inodes}`);
  if (rootMode !== 0o1777) shown.push(`mode=${rootMode.toString(8)}`);
  if (o.uid !== undefined && o.uid !== '0') shown.push(`uid=${o.uid}`);
  if (o.gid !== undefined && o.gid !== '0') shown.push(`gid=${o.gid}`);
  shown.push('inode64');
  return { shown: shown.join(','), rootMode };
}

/** devpts shows gid (when given), mode and ptmxmode, both %03o; defaults 600 and 000. */
function devptsOptions(o: Record<string, string>): FsOptions {
  const mode = o.mode !== undefined ? parseInt(o.mode, 8) : 0o600;
  const ptmxMode = o.ptmxmode !== undefined ? parseInt(o.ptmxmode, 8) : 0;
  const shown: string[] = [];
  if (o.gid !== undefined) shown.push(`gid=${o.gid}`);
  shown.push(`mode=${mode.toString(8).padStart(3, '0')}`, `ptmxmode=${ptmxMode.toString(8).padStart(3, '0')}`);
  return { shown: shown.join(','), rootMode: 0o755, ptmxMode };
}

export function fsOptions(type: FsType, data: string): FsOptions {
  const o = parseData(data);
  switch (type) {
    case 'tmpfs':
    case 'devtmpfs': return tmpfsOptions(o);
    case 'devpts': return devptsOptions(o);
    // The mqueue root is 1777 like /tmp (ipc/mqueue.c mqueue_fill_super).
    case 'mqueue': return { shown: '', rootMode: 0o1777 };
    case 'overlay': return { shown: data, rootMode: 0o755 };
    default: return { shown: data, rootMode: 0o555 };
  }
}
