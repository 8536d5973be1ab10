import type { FsStore } from './filesystem.ts';
import type { MountNamespace } from './mount.ts';
import type { FsCred } from './permission.ts';
import type { Providers } from './synthetic.ts';

/**
 * What a VFS call runs against: the store of filesystems, the caller's mount
 * namespace and the providers of synthetic filesystems. Providers are
 * functions; the kernel passes them in on every call and keeps them out of
 * its serialisable state.
 */
export interface VfsEnv {
  store: FsStore;
  ns: MountNamespace;
  providers: Providers;
}

/**
 * The calling process's view of paths (struct fs_struct plus credentials).
 * `root` and `cwd` are canonical absolute paths in the mount namespace, as
 * Process.root and Process.cwd hold them. For the *at() calls with a directory
 * fd, pass the fd's path as `cwd`.
 */
export interface PathCtx {
  root: string;
  cwd: string;
  cred: FsCred;
  /** The file mode creation mask (umask(2)); 0o022 when absent. */
  umask?: number;
  /** Whatever the providers need to answer for this process (its pid, namespaces…). */
  viewer?: unknown;
}
