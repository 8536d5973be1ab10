import { fail, ok, type SimResult } from '../result.ts';
import { DOCKER_CONTAINER_FILES, DOCKER_DEFAULT_MOUNTS, DOCKER_MASKED_PATHS, DOCKER_READONLY_PATHS } from './dockerDefaults.ts';
import type { VfsEnv } from './env.ts';
import { readFile } from './fileData.ts';
import type { FsStore } from './filesystem.ts';
import { buildImageTree } from './images/catalog.ts';
import type { ImageSpec } from './images/imageSpec.ts';
import type { MountNamespace } from './mount.ts';
import { cloneMountNamespace } from './mountAttach.ts';
import { mountNew } from './mountNew.ts';
import { splitAbsolute } from './path.ts';
import { resolve } from './resolve.ts';
import { applyReadonlyAndMasked } from './runcMasks.ts';
import { bindHostFiles, createDevices, mountConsole, mountSpecMounts, pivotIntoRootfs, prepareRoot } from './runcRootfs.ts';
import { mkdirAll, rootCtx, writeWholeFile } from './setupHelpers.ts';
import type { Providers } from './synthetic.ts';
import { makeExtraDevices, makeRootReadonly, makeVolumes, type SpecLayout } from './containerSpecFs.ts';

/**
 * `docker run IMAGE`, the filesystem half: dockerd writes the container's
 * resolv.conf, hostname and hosts and mounts its overlay in the host
 * namespace; runc then builds the container's mount namespace from Docker's
 * default spec.
 * @see moby/moby daemon/pkg/oci/defaults.go DefaultLinuxSpec, daemon/container_operations_unix.go
 * @see opencontainers/runc libcontainer/rootfs_linux.go prepareRootfs, standard_init_linux.go Init
 */

export interface ContainerFsSpec {
  /** 64 hex digits. */
  id: string;
  image: ImageSpec;
  /** Default: the first 12 digits of the id, as Docker does. */
  hostname?: string;
  /** `-t`: runc binds the pty over /dev/console. Default true. */
  tty?: boolean;
  /** The address Docker's default bridge gave it, for /etc/hosts. */
  ip?: string;
  /** The container's cgroup, the root of its cgroup2 mount. */
  cgroupPath?: string;
  now: number;
  /** What the OCI spec asks for, where it differs from Docker's default spec (containerSpecFs.ts). */
  layout?: SpecLayout;
}

export interface ContainerFs {
  store: FsStore;
  hostNs: MountNamespace;
  ns: MountNamespace;
  /** Where the overlay is mounted in the host namespace (`…/merged`). */
  rootfs: string;
  /** Docker's per-container directory on the host. */
  containerDir: string;
}

/** The overlay2 layer directory's id: not the container id in Docker; the lab derives one from it. */
function layerIdOf(id: string): string {
  return [...id].map((c) => (15 - parseInt(c, 16)).toString(16)).join('');
}

function hostsFile(hostname: string, ip: string): string {
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${ip}\t${hostname}\n`;
}

/** dockerd's part: the container directory with its three files, the overlay mounted at …/merged. */
function dockerdPrepare(env: VfsEnv, spec: ContainerFsSpec, containerDir: string, layerDir: string): SimResult<VfsEnv> {
  const ctx = rootCtx();
  const hostname = spec.hostname ?? spec.id.slice(0, 12);
  const hostResolv = resolve(env, ctx, '/etc/resolv.conf');
  const resolvText = hostResolv.ok ? readFile(env, hostResolv.value, 0, 4096) : ok('');
  const files: Array<[string, string]> = [['hostname', `${hostname}\n`], ['hosts', hostsFile(hostname, spec.ip ?? '172.17.0.2')], ['resolv.conf', resolvText.ok ? resolvText.value : '']];
  let cur = env;
  for (const dir of [containerDir, `${layerDir}/diff`, `${layerDir}/work`, `${layerDir}/merged`]) {
    const made = mkdirAll(cur, ctx, dir, 0o710, spec.now);
    if (!made.ok) return made;
    cur = { ...cur, store: made.value };
  }
  for (const [name, content] of files) {
    const made = writeWholeFile(cur, ctx, `${containerDir}/${name}`, content, 0o644, spec.now);
    if (!made.ok) return made;
    cur = { ...cur, store: made.value };
  }
  const target = resolve(cur, ctx, `${layerDir}/merged`);
  if (!target.ok) return target;
  const short = layerIdOf(spec.id).slice(0, 26).toUpperCase();
  const data = `lowerdir=/var/lib/docker/overlay2/l/${short}:/var/lib/docker/overlay2/l/BASE${short.slice(4)},upperdir=${layerDir}/diff,workdir=${layerDir}/work,nouserxattr`;
  const mounted = mountNew(cur.store, cur.ns, target.value, { type: 'overlay', source: 'overlay', data, tree: buildImageTree(spec.image, spec.now) });
  return mounted.ok ? ok({ ...cur, store: mounted.value.store, ns: mounted.value.ns }) : mounted;
}

/** Runs one step of the setup, naming it in the error. */
function step(name: string, r: SimResult<VfsEnv>): SimResult<VfsEnv> {
  return r.ok ? r : fail(r.errno, `${name}: ${r.reason}`);
}

export function createContainerFs(host: { store: FsStore; ns: MountNamespace }, providers: Providers, spec: ContainerFsSpec): SimResult<ContainerFs> {
  const containerDir = `/var/lib/docker/containers/${spec.id}`;
  const layerDir = `/var/lib/docker/overlay2/${layerIdOf(spec.id)}`;
  const rootfs = `${layerDir}/merged`;
  const prepared = step('dockerd', dockerdPrepare({ ...host, providers }, spec, containerDir, layerDir));
  if (!prepared.ok) return prepared;
  const hostNs = prepared.value.ns;
  const cloned = cloneMountNamespace(prepared.value.store, hostNs, `mnt:${spec.id.slice(0, 12)}`);
  let env: VfsEnv = { store: cloned.store, ns: cloned.ns, providers };
  const cgroup = splitAbsolute(spec.cgroupPath ?? `/system.slice/docker-${spec.id}.scope`);
  const binds = DOCKER_CONTAINER_FILES.map((f): [string, string] => [`${containerDir}/${f}`, `${rootfs}/etc/${f}`]);
  const layout = spec.layout ?? {};
  const steps: Array<[string, (e: VfsEnv) => SimResult<VfsEnv>]> = [
    ['runc prepareRoot', (e) => prepareRoot(e, rootfs)],
    ['runc mounts', (e) => mountSpecMounts(e, rootfs, layout.mounts ?? DOCKER_DEFAULT_MOUNTS, cgroup, spec.now)],
    ['runc binds', (e) => bindHostFiles(e, binds, spec.now)],
    ['runc volumes', (e) => makeVolumes(e, rootfs, layout.volumes ?? [], spec.now)],
    ['runc devices', (e) => createDevices(e, rootfs, spec.now)],
    ['runc linux.devices', (e) => makeExtraDevices(e, rootfs, layout.devices ?? [], spec.now)],
    ['runc pivot_root', (e) => pivotIntoRootfs(e, rootfs)],
    ['runc console', (e) => (spec.tty === false ? ok(e) : mountConsole(e, spec.now))],
    ['runc readonly and masked paths', (e) => {
      const r = applyReadonlyAndMasked(e, rootCtx(), layout.readonly ?? DOCKER_READONLY_PATHS, layout.masked ?? DOCKER_MASKED_PATHS);
      return r.ok ? ok({ ...e, ...r.value }) : r;
    }],
    ['runc read-only root', (e) => (layout.readonlyRoot ? makeRootReadonly(e) : ok(e))],
  ];
  for (const [name, run] of steps) {
    const r = step(name, run(env));
    if (!r.ok) return r;
    env = r.value;
  }
  return ok({ store: env.store, hostNs, ns: env.ns, rootfs, containerDir });
}
