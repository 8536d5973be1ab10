import { KATA_COST } from './costs.ts';
import { locatePath, type Located } from './guestFiles.ts';
import { without, type KataGuestState } from './guestState.ts';
import { argNum, hopItem, lookupItems, NO_IO, reachedVfs, remember, succeeded, tripItem, type IoPlan, type PlanCtx } from './planTypes.ts';
import { guestOnlyHop, type PlanItem } from './trips.ts';

/**
 * Calls that name a path: open, the stat family, mkdir, unlink, rmdir. The
 * path walk visits the server for a shared name (see lookupItems); an open
 * that succeeds then opens (or creates) the file on the server. With
 * virtio-fs cache=auto the server's open carries no FOPEN_KEEP_CACHE, so the
 * guest drops the file's cached pages at each open (close-to-open
 * consistency); with always it keeps them.
 * @see https://github.com/openresearchtools/virtiofsd/blob/47e1f31ec9e5dbc8f2a0fec98f2b88cf1ef81369/src/passthrough/mod.rs (do_open: KEEP_CACHE only for CachePolicy::Always)
 */
const O_NOFOLLOW = 0x20000;
const O_DIRECTORY = 0x10000;
const AT_EMPTY_PATH = 0x1000;
const AT_REMOVEDIR = 0x200;

/** [path index, dirfd index, flags index] — creat has no flags argument. */
const OPEN_ARGS: Readonly<Record<string, [number, number | null, number | null]>> = { open: [0, null, 1], openat: [1, 0, 2], creat: [0, null, null] };
/** [path index, dirfd index, follows the last symlink]. */
const STAT_ARGS: Readonly<Record<string, [number, number | null, boolean]>> = {
  stat: [0, null, true], lstat: [0, null, false], newfstatat: [1, 0, true], statx: [1, 0, true], access: [0, null, true],
  faccessat: [1, 0, true], faccessat2: [1, 0, true], readlink: [0, null, false], readlinkat: [1, 0, false],
};
const DIR_ARGS: Readonly<Record<string, [number, number | null, 'mkdir' | 'unlink' | 'rmdir']>> = {
  mkdir: [0, null, 'mkdir'], mkdirat: [1, 0, 'mkdir'], unlink: [0, null, 'unlink'], unlinkat: [1, 0, 'unlink'], rmdir: [0, null, 'rmdir'],
};

export const PATH_CALLS: ReadonlySet<string> = new Set([...Object.keys(OPEN_ARGS), ...Object.keys(STAT_ARGS), ...Object.keys(DIR_ARGS)]);

/** newfstatat(fd, "", …, AT_EMPTY_PATH) and statx(fd, "", AT_EMPTY_PATH…) are fstat: no path walk. */
export function isEmptyPathStat(x: PlanCtx): boolean {
  const { call } = x.facts;
  const flagIdx = call.name === 'newfstatat' ? 3 : call.name === 'statx' ? 2 : -1;
  const path = call.args[1];
  return flagIdx > 0 && path?.type === 'string' && path.value === '' && ((argNum(call, flagIdx) ?? 0) & AT_EMPTY_PATH) !== 0;
}

export function planPathCall(x: PlanCtx): IoPlan {
  const name = x.facts.call.name;
  if (!reachedVfs(x.facts)) return NO_IO(x.state);
  if (OPEN_ARGS[name]) return planOpen(x, OPEN_ARGS[name]);
  if (STAT_ARGS[name]) return planStat(x, STAT_ARGS[name]);
  if (DIR_ARGS[name]) return planDirOp(x, DIR_ARGS[name]);
  return NO_IO(x.state);
}

function locate(x: PlanCtx, pathIdx: number, dirIdx: number | null, follow: boolean): Located | null {
  const loc = locatePath(x.facts.world, x.facts.pid, x.facts.call, pathIdx, dirIdx, x.settings.transport, follow);
  return loc && loc.home !== 'guest' ? loc : null;
}

function planOpen(x: PlanCtx, [pathIdx, dirIdx, flagsIdx]: [number, number | null, number | null]): IoPlan {
  const flags = flagsIdx === null ? 0 : (argNum(x.facts.call, flagsIdx) ?? 0);
  const loc = locate(x, pathIdx, dirIdx, (flags & O_NOFOLLOW) === 0);
  if (!loc) return NO_IO(x.state);
  const walk = lookupItems(x, loc);
  if (!succeeded(x.facts) || x.settings.transport === 'virtio-blk') return { before: walk.items, after: [], state: walk.state };
  const created = !loc.exists;
  const opened = tripItem({ op: created ? 'create' : 'open', path: loc.path, dir: (flags & O_DIRECTORY) !== 0 }, x.settings);
  let state = created ? remember(walk.state, loc.path, x.settings, x.now) : walk.state;
  if (x.settings.cache === 'auto') state = { ...state, pages: without(state.pages, loc.path) };
  return { before: [...walk.items, ...opened], after: [], state };
}

function planStat(x: PlanCtx, [pathIdx, dirIdx, follow]: [number, number | null, boolean]): IoPlan {
  if (isEmptyPathStat(x)) return NO_IO(x.state);
  const loc = locate(x, pathIdx, dirIdx, follow);
  if (!loc) return NO_IO(x.state);
  const walk = lookupItems(x, loc);
  // v9fs with cache=mmap keeps no attributes: a stat asks the server again after the walk.
  const attrs = x.settings.transport === 'virtio-9p' && loc.exists ? tripItem({ op: 'getattr', path: loc.path }, x.settings) : [];
  return { before: [...walk.items, ...attrs], after: [], state: walk.state };
}

function planDirOp(x: PlanCtx, [pathIdx, dirIdx, kind]: [number, number | null, 'mkdir' | 'unlink' | 'rmdir']): IoPlan {
  const op = kind === 'unlink' && x.facts.call.name === 'unlinkat' && ((argNum(x.facts.call, 2) ?? 0) & AT_REMOVEDIR) !== 0 ? 'rmdir' : kind;
  const loc = locate(x, pathIdx, dirIdx, false);
  if (!loc) return NO_IO(x.state);
  const walk = lookupItems(x, loc);
  if (!succeeded(x.facts)) return { before: walk.items, after: [], state: walk.state };
  if (x.settings.transport === 'virtio-blk') {
    const note = `The guest's ext4 changes the directory in its page cache and journal: the blocks reach the devmapper volume later, by writeback (no exit now)`;
    return { before: [...walk.items, hopItem(guestOnlyHop(note, KATA_COST.pageCacheWrite))], after: [], state: walk.state };
  }
  const items: PlanItem[] = [...walk.items, ...tripItem({ op, path: loc.path }, x.settings)];
  return { before: items, after: [], state: op === 'mkdir' ? remember(walk.state, loc.path, x.settings, x.now) : forget(walk.state, loc.path) };
}

function forget(state: KataGuestState, path: string): KataGuestState {
  return { ...state, names: without(state.names, path), pages: without(state.pages, path), dax: without(state.dax, path), inodes: without(state.inodes, path) };
}
