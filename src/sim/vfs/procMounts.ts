import type { FsStore } from './filesystem.ts';
import { mountFlagsText, type Mount, type MountNamespace } from './mount.ts';
import { isPathUnder, joinAbsolute, pathFromRoot, rebasePath } from './path.ts';

/**
 * /proc/PID/mounts and /proc/PID/mountinfo as the kernel prints them: only
 * mounts reachable from the reader's root, with paths relative to it.
 * @see proc_pid_mounts(5), proc_pid_mountinfo(5), fs/proc_namespace.c show_vfsmnt, show_mountinfo
 */

export interface MountsView {
  /** The reader's root (a canonical namespace path); default `/`. */
  root?: string;
  /**
   * The reader's cgroup namespace root (`/system.slice/docker-….scope`): a
   * cgroup2 mount's root is shown relative to it, as cgroup_show_path() does.
   */
  cgroupNsRoot?: string;
}

/** Spaces, tabs, newlines and backslashes are octal-escaped (mangle() in proc_namespace.c). */
function escape(text: string): string {
  return text.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

function visible(ns: MountNamespace, root: string): Array<{ m: Mount; at: string }> {
  const out: Array<{ m: Mount; at: string }> = [];
  for (const m of ns.mounts) {
    const at = pathFromRoot(m.mountpoint, root);
    if (at !== undefined) out.push({ m, at });
  }
  return out;
}

/** `rw,nosuid,nodev,noexec,relatime,size=65536k,inode64`: mount flags, ro if the superblock is, then fs options. */
function mountsOptions(store: FsStore, m: Mount): string {
  const fs = store.filesystems[m.fsId];
  const base = mountFlagsText(m.flags, fs?.readOnly === true);
  return fs?.options ? `${base},${fs.options}` : base;
}

/** /proc/PID/mounts: `source mountpoint fstype options 0 0` per line. */
export function renderMounts(store: FsStore, ns: MountNamespace, view: MountsView = {}): string {
  return visible(ns, view.root ?? '/')
    .map(({ m, at }) => {
      const type = store.filesystems[m.fsId]?.type ?? 'none';
      return `${escape(m.source)} ${escape(at)} ${type} ${mountsOptions(store, m)} 0 0\n`;
    })
    .join('');
}

function rootField(store: FsStore, m: Mount, view: MountsView): string {
  const root = joinAbsolute(m.root);
  const fs = store.filesystems[m.fsId];
  if (fs?.type === 'cgroup2' && view.cgroupNsRoot !== undefined && isPathUnder(root, view.cgroupNsRoot)) {
    return rebasePath(root, view.cgroupNsRoot, '/');
  }
  return root;
}

function optionalFields(m: Mount): string {
  const out: string[] = [];
  if (m.peerGroup !== undefined) out.push(`shared:${m.peerGroup}`);
  if (m.master !== undefined) out.push(`master:${m.master}`);
  if (m.propagation === 'unbindable') out.push('unbindable');
  return out.map((f) => `${f} `).join('');
}

/** /proc/PID/mountinfo: `id parent major:minor root mountpoint options [optional…] - type source super-options`. */
export function renderMountinfo(store: FsStore, ns: MountNamespace, view: MountsView = {}): string {
  return visible(ns, view.root ?? '/')
    .map(({ m, at }) => {
      const fs = store.filesystems[m.fsId];
      const dev = fs ? `${fs.dev.major}:${fs.dev.minor}` : '0:0';
      const superOpts = `${fs?.readOnly ? 'ro' : 'rw'}${fs?.options ? `,${fs.options}` : ''}`;
      const head = `${m.id} ${m.parentId} ${dev} ${escape(rootField(store, m, view))} ${escape(at)} ${mountFlagsText(m.flags)} `;
      return `${head}${optionalFields(m)}- ${fs?.type ?? 'none'} ${escape(m.source)} ${superOpts}\n`;
    })
    .join('');
}
