import { HOST_SHELL_PID } from '../sim/kernel/boot.ts';
import { pathCtx, vfsEnv } from '../sim/kernel/vfsBridge.ts';
import type { World } from '../sim/kernel/world.ts';
import { readFile } from '../sim/vfs/fileData.ts';
import { resolve } from '../sim/vfs/resolve.ts';
import { errnoMessage } from '../sim/errno.ts';

/**
 * A file on the lab's host as its root shell reads it (the docker CLI reads
 * `--security-opt seccomp=FILE` itself, on the client, before it asks the
 * daemon). Relative paths are from the shell's working directory.
 */
export function readHostFile(world: World, path: string): { ok: true; text: string } | { ok: false; reason: string } {
  const shell = world.procs[HOST_SHELL_PID];
  if (!shell) return { ok: false, reason: 'the host has no shell to read it' };
  const env = vfsEnv(world, shell);
  const ctx = pathCtx(world, shell);
  const r = resolve(env, ctx, path);
  if (!r.ok) return { ok: false, reason: errnoMessage(r.errno).toLowerCase() };
  const text = readFile(env, r.value, 0, 1 << 20, ctx.viewer);
  return text.ok ? { ok: true, text: text.value } : { ok: false, reason: errnoMessage(text.errno).toLowerCase() };
}
