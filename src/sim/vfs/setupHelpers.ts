import { ALL_CAPS } from '../kernel/capabilities.ts';
import { ok, type SimResult } from '../result.ts';
import { mkdir } from './dirOps.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import type { FsStore } from './filesystem.ts';
import { openFile } from './open.ts';
import { writeFile } from './fileData.ts';
import { splitAbsolute } from './path.ts';
import { resolve } from './resolve.ts';

/**
 * Small compositions of the VFS calls that setup code (the host's boot, the
 * runtime preparing a container) uses: `mkdir -p`, writing a whole file, a
 * root context. They go through the same checks as any caller.
 */

/** Full root: uid 0 with every capability, at the namespace root, umask 022. */
export function rootCtx(cwd = '/'): PathCtx {
  return { root: '/', cwd, cred: { fsuid: 0, fsgid: 0, groups: [0], caps: ALL_CAPS }, umask: 0o022 };
}

/** `mkdir -p`: creates missing directories along an absolute path; existing ones are fine. */
export function mkdirAll(env: VfsEnv, ctx: PathCtx, path: string, mode: number, now: number): SimResult<FsStore> {
  let store = env.store;
  let at = '';
  for (const name of splitAbsolute(path)) {
    at = `${at}/${name}`;
    const exists = resolve({ ...env, store }, ctx, at);
    if (exists.ok) continue;
    const made = mkdir({ ...env, store }, ctx, at, mode, now);
    if (!made.ok) return made;
    store = made.value.store;
  }
  return ok(store);
}

/** Creates or truncates a file and writes `content` (`printf … > path`). */
export function writeWholeFile(env: VfsEnv, ctx: PathCtx, path: string, content: string, mode: number, now: number): SimResult<FsStore> {
  const opened = openFile(env, ctx, path, { access: 'w', creat: true, trunc: true, mode }, now);
  if (!opened.ok) return opened;
  const written = writeFile({ ...env, store: opened.value.store }, opened.value.file, content, 0, now);
  return written.ok ? ok(written.value.store) : written;
}
