import type { World } from '../kernel/world.ts';
import { withVfs, pathCtx, vfsEnv } from '../kernel/vfsBridge.ts';
import { fail, ok, type SimResult } from '../result.ts';
import { createAt } from '../vfs/create.ts';
import { resolveParent } from '../vfs/resolve.ts';
import { unlink } from '../vfs/dirOps.ts';
import { fileText, makeDirs, wallSeconds, writeText } from './bundleFs.ts';

/**
 * runc's state directory for a container, /run/runc/<id> (on the host's
 * /run tmpfs): state.json, which `runc state`, `runc list` and every later
 * command load, and exec.fifo, on which the container's init waits between
 * `runc create` and `runc start`.
 * The lab writes a subset of libcontainer's State (id, init pid, created,
 * and the config's rootfs, version and labels, where runc keeps the bundle).
 * @see opencontainers/runc libcontainer/container_linux.go (saveState, exec.fifo), libcontainer/factory_linux.go (Create: state dir 0711)
 * @see opencontainers/runc libcontainer/utils/utils.go Annotations (the `bundle=` label)
 */
export const RUNC_ROOT = '/run/runc';

export interface RuncStateFile {
  id: string;
  initPid: number;
  /** RFC 3339 with nanoseconds, as Go's time.Time marshals. */
  created: string;
  rootfs: string;
  bundle: string;
  ociVersion: string;
}

/**
 * time.Time's RFC3339Nano in UTC: seconds, then up to nine digits of
 * fraction with the trailing zeros (and a bare dot) dropped.
 */
export function rfc3339Nano(world: World): string {
  const secs = wallSeconds(world);
  const nanos = Math.floor(world.timeNs % 1e9);
  const base = new Date(secs * 1000).toISOString().slice(0, 19);
  const frac = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${base}${frac ? `.${frac}` : ''}Z`;
}

const stateDir = (root: string, id: string) => `${root}/${id}`;

/** Writes /run/runc/<id>/state.json (0600, as os.CreateTemp makes it) and exec.fifo (0622). */
export function writeRuncState(world: World, pid: number, root: string, s: RuncStateFile): SimResult<World> {
  const dir = makeDirs(world, pid, stateDir(root, s.id), 0o711);
  if (!dir.ok) return dir;
  const json = JSON.stringify({
    id: s.id, init_process_pid: s.initPid, created: s.created,
    config: { rootfs: s.rootfs, labels: [`bundle=${s.bundle}`], version: s.ociVersion },
  });
  const file = writeText(dir.value, pid, `${stateDir(root, s.id)}/state.json`, json, 0o600);
  return file.ok ? makeFifo(file.value, pid, `${stateDir(root, s.id)}/exec.fifo`, 0o622) : file;
}

/** state.json read back, or null when there is none (the container does not exist). */
export function readRuncState(world: World, pid: number, root: string, id: string): RuncStateFile | null {
  const text = fileText(world, pid, `${stateDir(root, id)}/state.json`);
  if (!text.ok) return null;
  try {
    const j = JSON.parse(text.value) as { id: string; init_process_pid: number; created: string; config: { rootfs: string; labels: string[]; version: string } };
    const bundle = j.config.labels.find((l) => l.startsWith('bundle='))?.slice('bundle='.length) ?? '';
    return { id: j.id, initPid: j.init_process_pid, created: j.created, rootfs: j.config.rootfs, bundle, ociVersion: j.config.version };
  } catch {
    return null;
  }
}

/** mkfifo(3). */
function makeFifo(world: World, pid: number, path: string, mode: number): SimResult<World> {
  const proc = world.procs[pid];
  if (!proc) return fail('ESRCH', `process ${pid} is gone`);
  const env = vfsEnv(world, proc);
  const ctx = { ...pathCtx(world, proc), umask: 0 };
  const p = resolveParent(env, ctx, path);
  if (!p.ok) return p;
  const made = createAt(env, ctx, p.value, { kind: 'fifo', mode }, wallSeconds(world));
  return made.ok ? ok(withVfs(world, made.value.store)) : made;
}

/** `runc start` removes exec.fifo once the init has gone on to exec. */
export function removeExecFifo(world: World, pid: number, root: string, id: string): World {
  const proc = world.procs[pid];
  if (!proc) return world;
  const r = unlink(vfsEnv(world, proc), pathCtx(world, proc), `${stateDir(root, id)}/exec.fifo`, wallSeconds(world));
  return r.ok ? withVfs(world, r.value) : world;
}
