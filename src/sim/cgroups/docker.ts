/**
 * How `docker run --memory/--cpus/--pids-limit` becomes cgroup v2 files:
 * the CLI parses the flags, dockerd turns them into the OCI spec's
 * linux.resources, and runc writes them into the container's cgroup.
 * @see moby/moby daemon/oci_linux.go getCPUResources(), getPidsLimit(); daemon/daemon_unix.go verifyPlatformContainerResources()
 * @see opencontainers/runc libcontainer/cgroups/fs2 (pids.go setPids, memory.go setMemory, cpu.go setCpu)
 */
import { fail, ok, type SimResult } from '../result.ts';
import { writeCgroupFile } from './write.ts';
import { controllersOf, getCgroup, mkdirCgroup } from './tree.ts';
import type { CgroupTree } from './types.ts';

export interface DockerResourceFlags {
  /** `--memory 64m` */
  memory?: string;
  /** `--cpus 0.5` */
  cpus?: string;
  /** `--pids-limit 10` (0 or -1: unlimited) */
  pidsLimit?: string;
}

export interface CgroupWrite {
  file: string;
  value: string;
}

/**
 * Where the container's cgroup is. With the systemd driver (the default on
 * cgroup v2) dockerd asks for `system.slice:docker:<id>` and runc makes the
 * transient unit `docker-<id>.scope` in system.slice; with cgroupfs it is
 * `/docker/<id>`.
 * @see moby/moby daemon/oci_linux.go (cgroupsPath), opencontainers/runc libcontainer/cgroups/systemd getUnitName()
 */
export function dockerCgroupPath(containerId: string, driver: 'systemd' | 'cgroupfs' = 'systemd'): string {
  return driver === 'systemd' ? `/system.slice/docker-${containerId}.scope` : `/docker/${containerId}`;
}

/** dockerd refuses less than 6 MiB (linuxMinMemory in daemon/daemon_unix.go). */
export const DOCKER_MIN_MEMORY = 6 * 1024 * 1024;

const UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * `--memory` as the CLI reads it: a number, an optional space, then nothing,
 * `b`, or a binary unit (k, m, g, t, p, any case) with an optional `b` or `ib`.
 * @see docker/go-units size.go RAMInBytes(), parseSize()
 */
export function parseDockerBytes(text: string): SimResult<number> {
  const flag = `invalid argument "${text}" for "-m, --memory" flag`;
  const m = /^(\d+(?:\.\d+)?) ?(.*)$/.exec(text);
  if (!m) return fail('EINVAL', `${flag}: invalid size: '${text}'`);
  const sfx = (m[2] ?? '').toLowerCase();
  const unit = sfx === '' || sfx === 'b' ? 1 : /^[kmgtp](b|ib)?$/.test(sfx) ? UNITS[sfx[0] ?? ''] : undefined;
  if (unit === undefined) return fail('EINVAL', `${flag}: invalid suffix: '${sfx}'`);
  return ok(Math.trunc(Number(m[1]) * unit));
}

/**
 * `--cpus` as the CLI reads it: a decimal number of CPUs, kept as nano-CPUs.
 * @see docker/cli opts/opts.go NanoCPUs.Set()
 */
export function parseDockerCpus(text: string): SimResult<number> {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || text === '' || text === '.') return fail('EINVAL', `invalid argument "${text}" for "--cpus" flag: failed to parse ${text} as a rational number`);
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > 9) return fail('EINVAL', `invalid argument "${text}" for "--cpus" flag: value is too precise`);
  return ok(Number(m[1] || '0') * 1e9 + Number(frac.padEnd(9, '0').slice(0, 9)));
}

function pidsWrite(text: string): SimResult<CgroupWrite> {
  if (!/^[+-]?\d+$/.test(text)) return fail('EINVAL', `invalid argument "${text}" for "--pids-limit" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  const n = Number(text);
  // getPidsLimit(): 0 and negatives mean unlimited, passed to runc as -1, which writes "max".
  return ok({ file: 'pids.max', value: n > 0 ? String(n) : 'max' });
}

/**
 * The files runc writes for these flags, in runc's order (pids, memory, cpu).
 * `--cpus N` becomes a 100 ms period and N × 100 ms of quota. Docker also sets
 * memory.swap.max (by default as much swap again as --memory); the lab's host
 * has no swap, so that write is left out.
 */
export function dockerFlagsToCgroupWrites(flags: DockerResourceFlags, opts: { hostCpus?: number } = {}): SimResult<CgroupWrite[]> {
  const writes: CgroupWrite[] = [];
  if (flags.pidsLimit !== undefined) {
    const w = pidsWrite(flags.pidsLimit);
    if (!w.ok) return w;
    writes.push(w.value);
  }
  if (flags.memory !== undefined) {
    const bytes = parseDockerBytes(flags.memory);
    if (!bytes.ok) return bytes;
    if (bytes.value > 0 && bytes.value < DOCKER_MIN_MEMORY) return fail('EINVAL', 'Minimum memory limit allowed is 6MB');
    if (bytes.value > 0) writes.push({ file: 'memory.max', value: String(bytes.value) });
  }
  if (flags.cpus !== undefined) {
    const nano = parseDockerCpus(flags.cpus);
    if (!nano.ok) return nano;
    const cpus = opts.hostCpus ?? 8;
    if (nano.value > cpus * 1e9) return fail('EINVAL', `Range of CPUs is from 0.01 to ${cpus}.00, as there are only ${cpus} CPUs available`);
    if (nano.value > 0) writes.push({ file: 'cpu.max', value: `${Math.trunc((nano.value * 100_000) / 1e9)} 100000` });
  }
  return ok(writes);
}

/**
 * With the cgroupfs driver runc creates the missing /docker parent and enables
 * every available controller in it, as fs2 CreateCgroupPath() does.
 */
function ensureCgroupfsParent(tree: CgroupTree): SimResult<CgroupTree> {
  if (getCgroup(tree, '/docker')) return ok(tree);
  const made = mkdirCgroup(tree, '/docker');
  if (!made.ok) return made;
  return writeCgroupFile(made.value, '/docker', 'cgroup.subtree_control', controllersOf(made.value, '/docker').map((c) => `+${c}`).join(' '));
}

/** `docker run` with these flags: makes the container's cgroup and writes its limits, as runc would. */
export function createDockerScope(tree: CgroupTree, containerId: string, flags: DockerResourceFlags = {}, opts: { hostCpus?: number; driver?: 'systemd' | 'cgroupfs' } = {}): SimResult<{ tree: CgroupTree; path: string }> {
  const base = opts.driver === 'cgroupfs' ? ensureCgroupfsParent(tree) : ok(tree);
  if (!base.ok) return base;
  return createScopeAt(base.value, dockerCgroupPath(containerId, opts.driver), flags, opts);
}

/**
 * A container's cgroup at any path (Kubernetes' pod slices, Podman's libpod
 * scopes): missing parents are made with every controller enabled for their
 * children, as systemd does for slices, then the limits are written.
 */
export function createScopeAt(tree: CgroupTree, path: string, flags: DockerResourceFlags = {}, opts: { hostCpus?: number } = {}): SimResult<{ tree: CgroupTree; path: string }> {
  const writes = dockerFlagsToCgroupWrites(flags, opts);
  if (!writes.ok) return writes;
  const parents = path.split('/').filter(Boolean).slice(0, -1).map((_, i, all) => `/${all.slice(0, i + 1).join('/')}`);
  let next = tree;
  for (const parent of parents) {
    if (getCgroup(next, parent)) continue;
    const made = mkdirCgroup(next, parent);
    if (!made.ok) return made;
    const enabled = writeCgroupFile(made.value, parent, 'cgroup.subtree_control', controllersOf(made.value, parent).map((c) => `+${c}`).join(' '));
    if (!enabled.ok) return enabled;
    next = enabled.value;
  }
  const made = mkdirCgroup(next, path);
  if (!made.ok) return made;
  next = made.value;
  for (const w of writes.value) {
    const r = writeCgroupFile(next, path, w.file, w.value);
    if (!r.ok) return fail(r.errno, `runc: failed to write ${JSON.stringify(w.value)} to ${path}/${w.file}: ${r.reason}`);
    next = r.value;
  }
  return ok({ tree: next, path });
}
