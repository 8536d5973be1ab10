import { DOCKER_DEFAULT_PATH, type ImageConfig } from '../oci/dockerProcess.ts';
import { imageAccounts } from '../oci/dockerUser.ts';
import { dockerSpec } from '../oci/dockerSpec.ts';
import type { OciSpec } from '../oci/spec.ts';
import type { RuntimeId } from '../runtime/types.ts';
import type { ShimSpec } from '../runtime/runcContainer.ts';
import { fail, ok, type SimResult } from '../result.ts';
import { findImage } from '../vfs/images/catalog.ts';
import type { ImageSpec } from '../vfs/images/imageSpec.ts';
import type { RunRequest } from './runRequest.ts';

/**
 * dockerd's part of `docker run`: which runtime the name means (as the lab's
 * /etc/docker/daemon.json registers them), which image, and the OCI spec.
 * Refusals are worded as dockerd words them.
 * @see https://docs.docker.com/engine/daemon/alternative-runtimes/ (runtimeType, shim names)
 * @see https://gvisor.dev/docs/user_guide/containerd/quick_start/ (io.containerd.runsc.v1)
 */
export interface DockerRuntime {
  /** The name dockerd knows it by. */
  name: string;
  kind: 'runc' | 'runsc' | 'kata';
  runtime: RuntimeId;
  /** containerd's runtime type, which names the shim binary. */
  containerdRuntime: string;
  shim: ShimSpec;
  /** The program the shim runs (`runc create`, `runsc create`); Kata's shim is its own runtime. */
  binary: string;
}

const shim = (bin: string): ShimSpec => ({ comm: bin.slice(0, 15), exe: `/usr/bin/${bin}`, argv: [`/usr/bin/${bin}`, '-namespace', 'moby', '-address', '/run/containerd/containerd.sock'] });

const RUNC: DockerRuntime = { name: 'runc', kind: 'runc', runtime: 'runc', containerdRuntime: 'io.containerd.runc.v2', shim: shim('containerd-shim-runc-v2'), binary: 'runc' };
const RUNSC: DockerRuntime = { name: 'runsc', kind: 'runsc', runtime: 'gvisor', containerdRuntime: 'io.containerd.runsc.v1', shim: shim('containerd-shim-runsc-v1'), binary: 'runsc' };
const KATA: DockerRuntime = { name: 'kata-runtime', kind: 'kata', runtime: 'kata', containerdRuntime: 'io.containerd.kata.v2', shim: shim('containerd-shim-kata-v2'), binary: 'containerd-shim-kata-v2' };

/** The lab host's daemon.json: `runtimes` maps runsc and kata-runtime to their shims by runtimeType; runc is built in. */
export const DAEMON_JSON = '{\n  "runtimes": {\n    "runsc": { "runtimeType": "io.containerd.runsc.v1" },\n    "kata-runtime": { "runtimeType": "io.containerd.kata.v2" }\n  }\n}\n';

const BY_NAME: Readonly<Record<string, DockerRuntime>> = {
  runc: RUNC, 'io.containerd.runc.v2': RUNC,
  runsc: RUNSC, 'io.containerd.runsc.v1': RUNSC,
  'kata-runtime': KATA, kata: KATA, 'io.containerd.kata.v2': KATA,
};

export function dockerRuntime(name: string): SimResult<DockerRuntime> {
  const r = BY_NAME[name];
  return r ? ok({ ...r, name }) : fail('EINVAL', `Error response from daemon: unknown or invalid runtime name: ${name}`);
}

export function dockerImage(ref: string): SimResult<ImageSpec> {
  const image = findImage(ref) ?? findImage(ref.replace(/:latest$/, ''));
  if (image) return ok(image);
  const tagged = ref.includes(':') ? ref : `${ref}:latest`;
  return fail('ENOENT', `Unable to find image '${tagged}' locally\nIsolation Lab: the lab is offline and has no registry to pull from; its images are debian, alpine, gcr.io/distroless/static and gcr.io/distroless/base`);
}

/** The image's config as dockerd reads it (Env, Entrypoint, Cmd, User, WorkingDir). */
export function imageDefaults(image: ImageSpec): ImageConfig {
  const c = image.oci?.config ?? {};
  return {
    env: c.Env ?? [`PATH=${DOCKER_DEFAULT_PATH}`], cmd: c.Cmd ?? (image.shell ? [image.shell] : []),
    entrypoint: c.Entrypoint ?? [], user: c.User ?? '', workingDir: c.WorkingDir ?? '',
  };
}

/** The OCI spec dockerd writes for this request, with the image's accounts for `--user NAME`. */
export function specFor(req: RunRequest, id: string, image: ImageSpec, seccompProfile?: Parameters<typeof dockerSpec>[1]['seccompProfile']): SimResult<OciSpec> {
  const files = new Map(image.entries().map((e) => [e.path, e.content ?? '']));
  const accounts = imageAccounts(files.get('/etc/passwd') ?? '', files.get('/etc/group') ?? '');
  const rootfs = `/var/lib/docker/overlay2/${id}/merged`;
  return dockerSpec(req, { id, rootfs, image: imageDefaults(image), accounts, ...(seccompProfile ? { seccompProfile } : {}) });
}
