import { IMAGE_MTIME } from '../kernel/boot.ts';
import { vfsEnv, pathCtx, withVfs } from '../kernel/vfsBridge.ts';
import type { World } from '../kernel/world.ts';
import { fail, ok, type SimResult } from '../result.ts';
import { putInodes } from '../vfs/filesystem.ts';
import type { Inode } from '../vfs/inode.ts';
import { patchInode } from '../vfs/inodeEdit.ts';
import { ALPINE } from '../vfs/images/alpine.ts';
import { buildImageTree, findImage } from '../vfs/images/catalog.ts';
import type { ImageSpec } from '../vfs/images/imageSpec.ts';
import { resolve } from '../vfs/resolve.ts';
import { makeDirs, pathKind } from './bundleFs.ts';

/**
 * The bundle of runc's own tutorial, ready on the lab's host. The lab cannot
 * pull or untar an image, so where a person would run
 * `mkdir -p mycontainer/rootfs && docker export $(docker create alpine) | tar -C mycontainer/rootfs -xf -`
 * the lab puts alpine's files (the lab's alpine:3.20 image) into
 * /root/mycontainer/rootfs the first time runc is used. config.json is not
 * made: that is `runc spec`'s job.
 * @see opencontainers/runc README.md "Creating an OCI Bundle", spec.go (the spec command's help)
 */
export const TUTORIAL_BUNDLE = '/root/mycontainer';
export const TUTORIAL_IMAGE: ImageSpec = ALPINE;

export const TUTORIAL_NOTE = `the lab's host has no registry and no tar, so it has made the bundle runc's README describes: ${TUTORIAL_BUNDLE}/rootfs holds the files of the ${TUTORIAL_IMAGE.ref} image, as \`docker export $(docker create alpine) | tar -C ${TUTORIAL_BUNDLE}/rootfs -xf -\` would leave them.`;

/** Makes /root/mycontainer/rootfs if /root/mycontainer is not there yet; `made` says whether it did. */
export function ensureTutorialBundle(world: World, pid: number): SimResult<{ world: World; made: boolean }> {
  if (pathKind(world, pid, TUTORIAL_BUNDLE).ok) return ok({ world, made: false });
  const dir = makeDirs(world, pid, TUTORIAL_BUNDLE, 0o755);
  if (!dir.ok) return dir;
  const grafted = graftImage(dir.value, pid, TUTORIAL_BUNDLE, 'rootfs', TUTORIAL_IMAGE);
  return grafted.ok ? ok({ world: grafted.value, made: true }) : grafted;
}

/**
 * An image's files as a new directory `name` in `dir`, on the filesystem
 * `dir` is on (what tar -x writes: new inodes on the host's disk).
 */
export function graftImage(world: World, pid: number, dir: string, name: string, image: ImageSpec): SimResult<World> {
  const proc = world.procs[pid];
  if (!proc) return fail('ESRCH', `process ${pid} is gone`);
  const at = resolve(vfsEnv(world, proc), pathCtx(world, proc), dir);
  if (!at.ok) return at;
  const fs = world.vfs.filesystems[at.value.fsId];
  const parent = fs?.inodes[at.value.ino];
  if (!fs || fs.synthetic || !parent?.entries) return fail('EINVAL', `${dir} is not a directory on a disk filesystem`);
  if (Object.hasOwn(parent.entries, name)) return fail('EEXIST', `${dir}/${name} exists`);
  const tree = buildImageTree(image, IMAGE_MTIME);
  const shift = fs.nextIno - tree.rootIno;
  const moved: Inode[] = Object.values(tree.inodes).map((i) => ({
    ...i, ino: i.ino + shift, ...(i.entries ? { entries: Object.fromEntries(Object.entries(i.entries).map(([n, e]) => [n, e + shift])) } : {}),
  }));
  const store = putInodes(world.vfs, fs.id, moved);
  const linked = patchInode(store, fs.id, parent.ino, { entries: { ...parent.entries, [name]: tree.rootIno + shift }, nlink: parent.nlink + 1 });
  return ok(withVfs(world, linked));
}

/**
 * Which image's files a root filesystem holds, as far as the lab can tell:
 * the tutorial bundle's rootfs is alpine's; a Docker container's overlay
 * (root.path of the spec dockerd wrote) holds that container's image.
 * Anything else is a directory whose files the lab does not read as an
 * image: it holds no program the lab can exec.
 */
export function rootfsImage(rootfs: string, known: ReadonlyArray<{ rootPath: string; imageRef: string }>): ImageSpec {
  if (rootfs === `${TUTORIAL_BUNDLE}/rootfs`) return TUTORIAL_IMAGE;
  const used = known.find((k) => k.rootPath === rootfs);
  const image = used ? findImage(used.imageRef) : undefined;
  return image ?? { ref: rootfs, description: 'a directory the lab does not read as an image', entries: () => [], shell: null, missing: {} };
}
