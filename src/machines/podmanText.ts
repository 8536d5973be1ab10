import { lookPathError } from '../sim/vfs/images/execNotFound.ts';
import { findImage } from '../sim/vfs/images/catalog.ts';
import type { ImageSpec } from '../sim/vfs/images/imageSpec.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import { isNameOnly, normalizedNameError } from '../sim/stack/imageReference.ts';

/**
 * What podman prints when `podman run` fails, in podman's words: every error
 * is `Error: …`; the exit status is 125 for podman's own errors, 127 when the
 * runtime could not find the program and 126 for the runtime's other errors.
 * @see containers/podman cmd/podman/root.go formatError; libpod/define/exec_codes.go ExitCode; libpod/oci_util.go getOCIRuntimeError
 */

/** Whether the first component names a registry (a dot, a port or localhost), as splitDockerDomain decides. */
function hasDomain(ref: string): boolean {
  const first = ref.split('/')[0] ?? '';
  return ref.includes('/') && (first === 'localhost' || /[.:]/.test(first));
}

/** The fully qualified name podman gives an image: `alpine` → `docker.io/library/alpine:latest`. */
export function qualifiedName(ref: string): string {
  const named = hasDomain(ref) ? ref : `docker.io/${ref.includes('/') ? ref : `library/${ref}`}`;
  return isNameOnly(ref) ? `${named}:latest` : named;
}

/**
 * The image from lab's store, or what podman prints when it has to pull and
 * cannot: the lab is offline. The lab assumes registries.conf searches
 * docker.io for short names (unqualified-search-registries = ["docker.io"])
 * and that its resolver answers "no such host".
 * @see containers/container-libs common/libimage/pull.go ("Trying to pull %s..."), image/pkg/shortnames/shortnames.go (Description), image/copy/copy.go ("initializing source"), image/docker/docker_client.go ("pinging container registry")
 */
export function podmanImage(ref: string): { ok: true; image: ImageSpec; name: string } | { ok: false; text: string } {
  const image = findImage(ref) ?? findImage(ref.replace(/:latest$/, ''));
  if (image) return { ok: true, image, name: qualifiedName(ref) };
  if (normalizedNameError(ref) !== null) return { ok: false, text: `${LAB_PREFIX}${JSON.stringify(ref)} is not a valid image reference; the lab does not model podman's wording for it` };
  const name = qualifiedName(ref);
  const short = !hasDomain(ref);
  const domain = name.split('/')[0] ?? 'docker.io';
  const registry = domain === 'docker.io' ? 'registry-1.docker.io' : domain;
  const familiar = name.replace(/^docker\.io\/(library\/)?/, '');
  const lines = [
    ...(short ? [`Resolving ${JSON.stringify(ref)} using unqualified-search registries (/etc/containers/registries.conf)`] : []),
    `Trying to pull ${name}...`,
    `Error: initializing source docker://${familiar}: pinging container registry ${registry}: Get "https://${registry}/v2/": dial tcp: lookup ${registry}: no such host`,
    `${LAB_PREFIX}the lab is offline; lab's store holds debian, alpine, gcr.io/distroless/static and gcr.io/distroless/base`,
  ];
  return { ok: false, text: lines.join('\n') };
}

/** `--runtime NAME` for a runtime podman does not know. @see containers/podman libpod/runtime.go (default OCI runtime %q not found) */
export function podmanRuntimeError(name: string): string {
  if (['runsc', 'kata', 'krun', 'youki', 'runj', 'ocijail'].includes(name)) return `${LAB_PREFIX}podman with --runtime ${name} is not modelled; the lab runs podman with crun (its default) or runc`;
  return `Error: default OCI runtime ${JSON.stringify(name)} not found: invalid argument`;
}

/**
 * The runtime's refusal as podman prints it: crun's or runc's own message,
 * prefixed with the runtime's name and suffixed with podman's error.
 * @see containers/crun src/libcrun/utils.c ("executable file `%s` not found%s"); opencontainers/runc (vfs/images/execNotFound.ts has runc's chain)
 */
export function runtimeFailure(runtime: 'crun' | 'runc', program: string, reason: string): { text: string; status: number } {
  if (reason.startsWith('exec: ')) {
    const crun = `executable file \`${program}\` not found${program.startsWith('/') ? '' : ' in $PATH'}: No such file or directory`;
    const runc = `runc create failed: unable to start container process: error during container init: ${lookPathError(program)}`;
    return { text: `Error: ${runtime}: ${runtime === 'crun' ? crun : runc}: OCI runtime attempted to invoke a command that was not found`, status: 127 };
  }
  // Other refusals come from the lab's own container setup, in the lab's words (runtime/specContainer.ts).
  return { text: `${LAB_PREFIX}${runtime} could not make the container: ${reason.replace(/^runc create failed: /, '')}`, status: 126 };
}
