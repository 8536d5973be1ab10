import { dockerSpec, type DockerSpecContext } from '../../../src/sim/oci/dockerSpec.ts';
import { imageAccounts } from '../../../src/sim/oci/dockerUser.ts';
import type { OciSpec } from '../../../src/sim/oci/spec.ts';
import { defaultRequest, type RunRequest } from '../../../src/sim/stack/runRequest.ts';
import { debianAccounts } from '../../../src/sim/vfs/images/debianAccounts.ts';

/**
 * A Debian image's context for dockerSpec: its config as `docker image
 * inspect debian:bookworm` shows it (PATH in Env, CMD ["bash"], no
 * entrypoint, user or working directory) and base-passwd's account files.
 */
export const CONTAINER_ID = '4f1d7a4e2b9c8d3f6a5e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e';

export const DEBIAN_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function debianContext(over: Partial<DockerSpecContext> = {}): DockerSpecContext {
  const files = debianAccounts();
  return {
    id: CONTAINER_ID,
    rootfs: '/var/lib/docker/overlay2/b0e2c85bd4d6377c0b95fa4e1f2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1/merged',
    image: { env: [DEBIAN_PATH], cmd: ['bash'], entrypoint: [], user: '', workingDir: '' },
    accounts: imageAccounts(files.passwd, files.group),
    ...over,
  };
}

/** `docker run debian` with these changes to the request. */
export function run(over: Partial<RunRequest> = {}, ctx: Partial<DockerSpecContext> = {}) {
  return dockerSpec({ ...defaultRequest('debian'), ...over }, debianContext(ctx));
}

/** The spec, or the test fails with the reason. */
export function specOf(over: Partial<RunRequest> = {}, ctx: Partial<DockerSpecContext> = {}): OciSpec {
  const r = run(over, ctx);
  if (!r.ok) throw new Error(`dockerSpec failed: ${r.reason}`);
  return r.value;
}
