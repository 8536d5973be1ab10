import { parseSpec } from '../sim/oci/specParse.ts';
import type { OciSpec } from '../sim/oci/spec.ts';
import { fileText, goPathError, hostPath, pathKind, cwdOf } from '../sim/oci/bundleFs.ts';
import { ensureTutorialBundle, rootfsImage, TUTORIAL_BUNDLE, TUTORIAL_NOTE } from '../sim/oci/bundleRootfs.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import { findImage } from '../sim/vfs/images/catalog.ts';
import type { ImageSpec } from '../sim/vfs/images/imageSpec.ts';
import type { HostState } from './controlTypes.ts';

/**
 * What `runc create` and `runc run` read before they make anything: the
 * bundle directory (-b, else the working directory of the shell that runs
 * runc), its config.json, and the root filesystem config.json names. Each
 * failure is runc's own error, in the order runc meets them; where the lab
 * words the reason itself (a spec it cannot read), it says so.
 * @see opencontainers/runc utils_linux.go (setupSpec: chdir, loadSpec), spec.go loadSpec, libcontainer/configs/validate/validator.go rootfs
 */
export interface LoadedBundle {
  state: HostState;
  bundle: string;
  spec: OciSpec;
  /** root.path made absolute against the bundle. */
  rootfs: string;
  image: ImageSpec;
  /** Lines the lab adds (LAB_PREFIX): the bundle it made, what it could not read. */
  notes: string[];
}

export type BundleLoad = { ok: true; value: LoadedBundle } | { ok: false; state: HostState; error: string; notes: string[] };

export interface BundleSource {
  verb: 'create' | 'run';
  /** -b as typed; absent: the working directory. */
  bundle?: string;
  /** The Spec pane's run: root.path may name an image the lab has instead of a directory (runc itself would refuse). */
  imageByName?: boolean;
}

const HINT = `${LAB_PREFIX}the lab's ready-made bundle is ${TUTORIAL_BUNDLE} (its rootfs holds alpine's files): runc spec -b mycontainer, then runc run -b mycontainer ID.`;

/** Creates the tutorial bundle on first use; says so once. */
export function withTutorialBundle(state: HostState): { state: HostState; notes: string[] } {
  const made = ensureTutorialBundle(state.host.world, state.host.pid);
  if (!made.ok || !made.value.made) return { state, notes: [] };
  return { state: { ...state, host: { ...state.host, world: made.value.world } }, notes: [`${LAB_PREFIX}${TUTORIAL_NOTE}`] };
}

export function loadBundle(start: HostState, src: BundleSource): BundleLoad {
  const { state, notes } = withTutorialBundle(start);
  const { world, pid } = state.host;
  const failed = (error: string, more: string[] = []): BundleLoad => ({ ok: false, state, error: `runc ${src.verb} failed: ${error}`, notes: [...notes, ...more] });
  const bundle = hostPath(cwdOf(world, pid), src.bundle ?? '.');
  if (src.bundle !== undefined) {
    const dir = pathKind(world, pid, bundle);
    if (!dir.ok) return failed(goPathError('chdir', src.bundle, dir));
    if (dir.value !== 'dir') return failed(`chdir ${src.bundle}: not a directory`);
  }
  const text = fileText(world, pid, `${bundle}/config.json`);
  if (!text.ok) return failed(text.errno === 'ENOENT' ? 'JSON specification file config.json not found' : goPathError('open', 'config.json', text));
  const parsed = parseSpec(text.value);
  if (!parsed.ok) return failed(parsed.message, [`${LAB_PREFIX}the reason above is the lab's reader naming the place in config.json; runc's own words for it differ (Go's JSON decoder or runc's validator).`]);
  const warned = parsed.warnings.map((w) => `${LAB_PREFIX}config.json: ${w}`);
  const rootfs = hostPath(bundle, parsed.value.root.path);
  const known = state.stack.containers.map((c) => ({ rootPath: c.spec.root.path, imageRef: c.imageRef }));
  const exists = pathKind(world, pid, rootfs);
  // A Docker container's root (root.path of the spec dockerd wrote) is its overlay, mounted while it exists.
  const docker = known.some((k) => k.rootPath === rootfs);
  if (!exists.ok && !docker) {
    // The Spec pane may name an image instead of a directory: the lab says it uses that image's files; runc itself would refuse.
    const named = src.imageByName ? findImage(parsed.value.root.path) : undefined;
    if (!named) return failed(`invalid rootfs: ${goPathError('stat', rootfs, exists)}`, [...warned, ...(bundle === TUTORIAL_BUNDLE ? [] : [HINT])]);
    const note = `${LAB_PREFIX}root.path "${parsed.value.root.path}" is not a directory; the lab used the files of the ${named.ref} image as the root filesystem (runc itself would refuse: invalid rootfs).`;
    return { ok: true, value: { state, bundle, spec: parsed.value, rootfs, image: named, notes: [...notes, ...warned, note] } };
  }
  return { ok: true, value: { state, bundle, spec: parsed.value, rootfs, image: rootfsImage(rootfs, known), notes: [...notes, ...warned] } };
}
