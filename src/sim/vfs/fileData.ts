import { fail, ok, type SimResult } from '../result.ts';
import { readDevice, writeDevice } from './devices.ts';
import type { VfsEnv } from './env.ts';
import type { FsStore } from './filesystem.ts';
import type { Inode } from './inode.ts';
import { inodeOf, patchInode } from './inodeEdit.ts';
import type { Loc } from './location.ts';
import { nodeAt } from './node.ts';
import { syntheticContent } from './synthetic.ts';

/**
 * read(2), write(2) and truncate on an open file, by the position open
 * returned. Permission was checked at open time, as in the kernel. Text is
 * one character per byte.
 * Tty, kmsg, disk devices, pipes and sockets are the kernel's: these
 * functions answer ENXIO/EINVAL for them.
 * @see read(2), write(2), truncate(2)
 */

/** The bytes of a file whose content the lab does not model: an ELF header's magic, then zeros. */
function placeholder(size: number, offset: number, count: number): string {
  const end = Math.min(size, offset + count);
  let out = '';
  for (let i = offset; i < end; i++) out += i < 4 ? '\x7fELF'[i] : '\0';
  return out;
}

function inodeText(inode: Inode, offset: number, count: number): string {
  if (inode.content === undefined) return placeholder(inode.size, offset, count);
  return inode.content.slice(offset, offset + count);
}

/** Reads up to `count` bytes at `offset`; '' at end of file. */
export function readFile(env: VfsEnv, file: Loc, offset: number, count: number, viewer?: unknown): SimResult<string> {
  const node = nodeAt(env, file, viewer);
  if (node === undefined) return fail('ENOENT', `${file.path} is gone`);
  if (node.kind === 'dir') return fail('EISDIR', `${file.path} is a directory: use getdents64`);
  if (node.kind === 'chardev' || node.kind === 'blockdev') {
    return readDevice(node.rdev ?? { major: 0, minor: 0 }, offset, count) ?? fail('ENXIO', `no driver for ${file.path} in the VFS model`);
  }
  if (node.kind !== 'file') return fail('EINVAL', `${file.path} is a ${node.kind}`);
  if (node.synthetic) return ok(syntheticContent(node.synthetic).slice(offset, offset + count));
  return ok(inodeText(inodeOf(env.store, file.fsId, file.ino), offset, count));
}

export interface Written {
  store: FsStore;
  written: number;
}

function writeSynthetic(env: VfsEnv, file: Loc, data: string, viewer: unknown): SimResult<Written> {
  const fs = env.store.filesystems[file.fsId]!;
  const provider = env.providers[fs.type];
  if (provider?.write === undefined) return fail('EACCES', `${file.path} has no write handler in ${fs.type}`);
  const r = provider.write(fs.id, file.fsParts, data, viewer);
  return r.ok ? ok({ store: env.store, written: r.value }) : r;
}

/** Writes `data` at `offset`, or at the end with 'append' (O_APPEND). */
export function writeFile(env: VfsEnv, file: Loc, data: string, offset: number | 'append', now: number, viewer?: unknown): SimResult<Written> {
  const node = nodeAt(env, file, viewer);
  if (node === undefined) return fail('ENOENT', `${file.path} is gone`);
  if (node.kind === 'dir') return fail('EISDIR', `${file.path} is a directory`);
  if (node.kind === 'chardev' || node.kind === 'blockdev') {
    const r = writeDevice(node.rdev ?? { major: 0, minor: 0 }, data) ?? fail('ENXIO', `no driver for ${file.path} in the VFS model`);
    return r.ok ? ok({ store: env.store, written: r.value }) : r;
  }
  if (node.kind !== 'file') return fail('EINVAL', `${file.path} is a ${node.kind}`);
  if (node.synthetic) return writeSynthetic(env, file, data, viewer);
  const inode = inodeOf(env.store, file.fsId, file.ino);
  const old = inode.content ?? inodeText(inode, 0, inode.size);
  const at = offset === 'append' ? old.length : offset;
  const padded = old.length < at ? old + '\0'.repeat(at - old.length) : old;
  const content = padded.slice(0, at) + data + padded.slice(at + data.length);
  const store = patchInode(env.store, file.fsId, file.ino, { content, size: content.length, mtime: now });
  return ok({ store, written: data.length });
}

/** Sets a regular file's length, cutting or padding with zeros (ftruncate(2) on an open file). */
export function truncateFile(env: VfsEnv, file: Loc, length: number, now: number): SimResult<FsStore> {
  if (length < 0) return fail('EINVAL', 'a negative length');
  const fs = env.store.filesystems[file.fsId];
  if (fs === undefined || fs.synthetic) return ok(env.store);
  const inode = inodeOf(env.store, file.fsId, file.ino);
  if (inode.kind === 'dir') return fail('EISDIR', `${file.path} is a directory`);
  if (inode.kind !== 'file') return fail('EINVAL', `${file.path} is not a regular file`);
  const old = inode.content ?? inodeText(inode, 0, inode.size);
  const content = old.length >= length ? old.slice(0, length) : old + '\0'.repeat(length - old.length);
  return ok(patchInode(env.store, file.fsId, file.ino, { content, size: length, mtime: now }));
}
