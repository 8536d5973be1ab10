import { hasCap, type CapSet } from '../kernel/capabilities.ts';
import { fail, type SimError } from '../result.ts';
import { S_IXUGO, type InodeKind } from './inode.ts';

/**
 * Discretionary access control as the kernel's generic_permission() does it.
 * @see fs/namei.c acl_permission_check, generic_permission; capabilities(7)
 */

/** The credentials file access uses: filesystem ids, supplementary groups, effective capabilities. */
export interface FsCred {
  fsuid: number;
  fsgid: number;
  groups: readonly number[];
  caps: CapSet;
  /**
   * Whether an inode's owner and group are mapped into the caller's user
   * namespace; absent: the initial namespace, where every id is.
   */
  mapped?: (uid: number, gid: number) => boolean;
}

/**
 * A capability counts for an inode only when its owner and group are mapped
 * into the caller's user namespace (capable_wrt_inode_uidgid): root in a
 * rootless container cannot override the permissions of the host's root files.
 * @see fs/inode.c inode_owner_or_capable, kernel/capability.c capable_wrt_inode_uidgid
 */
function capableFor(node: Owned, cred: FsCred, cap: Parameters<typeof hasCap>[1]): boolean {
  return hasCap(cred.caps, cap) && (cred.mapped?.(node.uid, node.gid) ?? true);
}

/** From the kernel's Credentials shape (fsuid, fsgid, groups, effective). */
export function fsCredOf(c: { fsuid: number; fsgid: number; groups: readonly number[]; effective: CapSet }): FsCred {
  return { fsuid: c.fsuid, fsgid: c.fsgid, groups: c.groups, caps: c.effective };
}

export type Access = 'r' | 'w' | 'x' | 'rw' | 'wx' | 'rx' | 'rwx';

/** The subject of a check: anything with a kind, mode bits and owners. */
export interface Owned {
  kind: InodeKind;
  mode: number;
  uid: number;
  gid: number;
}

const MAY_READ = 4;
const MAY_WRITE = 2;
const MAY_EXEC = 1;

function maskOf(want: Access): number {
  return (want.includes('r') ? MAY_READ : 0) | (want.includes('w') ? MAY_WRITE : 0) | (want.includes('x') ? MAY_EXEC : 0);
}

export function inGroup(cred: FsCred, gid: number): boolean {
  return cred.fsgid === gid || cred.groups.includes(gid);
}

/**
 * The owner class is decided first and alone: an owner denied by the owner
 * bits is denied even when the group or other bits would allow.
 */
function aclPermissionCheck(node: Owned, cred: FsCred, mask: number): boolean {
  let bits = node.mode & 0o777;
  if (cred.fsuid === node.uid) bits >>= 6;
  else if (inGroup(cred, node.gid)) bits >>= 3;
  return (mask & ~bits & 7) === 0;
}

/**
 * May `cred` access `node` for `want`?
 * - CAP_DAC_READ_SEARCH: read of files, read and search of directories.
 * - CAP_DAC_OVERRIDE: read and write always; execute of a file only when some
 *   execute bit is set; everything on a directory.
 * Either counts only when the inode's owner is mapped in the caller's user namespace.
 */
export function mayAccess(node: Owned, cred: FsCred, want: Access): boolean {
  const mask = maskOf(want);
  if (aclPermissionCheck(node, cred, mask)) return true;
  if (node.kind === 'dir') {
    if ((mask & MAY_WRITE) === 0 && capableFor(node, cred, 'CAP_DAC_READ_SEARCH')) return true;
    return capableFor(node, cred, 'CAP_DAC_OVERRIDE');
  }
  if (mask === MAY_READ && capableFor(node, cred, 'CAP_DAC_READ_SEARCH')) return true;
  if ((mask & MAY_EXEC) === 0 || (node.mode & S_IXUGO) !== 0) return capableFor(node, cred, 'CAP_DAC_OVERRIDE');
  return false;
}

const WORDS: Record<string, string> = { r: 'read', w: 'write', x: 'execute', rw: 'read and write', wx: 'write and search', rx: 'read and execute', rwx: 'read, write and execute' };

/** EACCES with a sentence naming the mode and ids, or null when allowed. */
export function checkAccess(node: Owned, cred: FsCred, want: Access, what: string): SimError | null {
  if (mayAccess(node, cred, want)) return null;
  const verb = node.kind === 'dir' && want === 'x' ? 'search' : WORDS[want];
  const mode = (node.mode & 0o7777).toString(8).padStart(4, '0');
  return fail('EACCES', `${what} is ${mode} ${node.uid}:${node.gid}; fsuid ${cred.fsuid} may not ${verb} it and no capability overrides`);
}

/** Owner or CAP_FOWNER (inode_owner_or_capable): needed for chmod, utimes, sticky deletes. */
export function isOwnerOrCapable(node: Owned, cred: FsCred): boolean {
  return cred.fsuid === node.uid || capableFor(node, cred, 'CAP_FOWNER');
}
