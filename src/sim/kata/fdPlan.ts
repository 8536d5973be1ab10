import { KATA_COST } from './costs.ts';
import { locateFd, type Located } from './guestFiles.ts';
import type { KataGuestState } from './guestState.ts';
import { stdoutTrip } from './netTrips.ts';
import { isEmptyPathStat } from './pathPlan.ts';
import { argNum, hopItem, NO_IO, reachedVfs, succeeded, tripItem, type IoPlan, type PlanCtx } from './planTypes.ts';
import { guestOnlyHop, type PlanItem } from './trips.ts';

/**
 * Calls on an open file: read, write, close, getdents, fsync, fstat.
 * virtio-fs: cache=never and metadata open files with FOPEN_DIRECT_IO, so
 * every read goes to virtiofsd; auto and always fill the page cache on the
 * first read and serve the rest from guest memory (the guest knows the
 * size, so a read at the end never leaves); writes go through to the server
 * (no writeback cache). With DAX the first access maps the file
 * (FUSE_SETUPMAPPING) and then reads and writes are memory copies through
 * the window. v9fs (cache=mmap) asks QEMU for every read and write. On
 * Firecracker the guest's ext4 reads each block once and writes back later.
 * Terminal writes go out through kata-agent (see stdoutTrip); socket writes
 * are planned with the network (netPlan.ts).
 */
const READS = new Set(['read', 'pread64', 'readv', 'preadv', 'preadv2']);
const WRITES = new Set(['write', 'pwrite64', 'writev', 'pwritev', 'pwritev2']);
const DENTS = new Set(['getdents', 'getdents64']);
const SYNCS = new Set(['fsync', 'fdatasync']);
export const FD_CALLS: ReadonlySet<string> = new Set([...READS, ...WRITES, ...DENTS, ...SYNCS, 'close', 'fstat', 'newfstatat', 'statx']);

export function planFdCall(x: PlanCtx): IoPlan {
  const { call } = x.facts;
  if (!reachedVfs(x.facts)) return NO_IO(x.state);
  if ((call.name === 'newfstatat' || call.name === 'statx') && !isEmptyPathStat(x)) return NO_IO(x.state);
  const target = locateFd(x.facts.world, x.facts.pid, argNum(call, 0) ?? -1, x.settings.transport);
  if (target?.type === 'terminal' && WRITES.has(call.name) && succeeded(x.facts)) {
    return { before: [], after: [{ type: 'trip', trip: stdoutTrip(x.settings, x.facts.retval ?? 0) }], state: x.state };
  }
  if (target?.type !== 'file' || target.located.home === 'guest') return NO_IO(x.state);
  const loc = target.located;
  if (READS.has(call.name)) return planRead(x, loc);
  if (WRITES.has(call.name)) return planWrite(x, loc);
  if (call.name === 'close') return planClose(x, loc, target.kind === 'dir');
  if (DENTS.has(call.name)) return planDents(x, loc);
  if (SYNCS.has(call.name)) return { before: tripItem({ op: 'fsync', path: loc.path }, x.settings), after: [], state: x.state };
  return planFstat(x, loc);
}

const items = (before: PlanItem[], state: KataGuestState): IoPlan => ({ before, after: [], state });

/** DAX: map once, then copy through the window. */
function viaDax(x: PlanCtx, loc: Located, verb: string): IoPlan {
  const map = x.state.dax[loc.path] ? [] : tripItem({ op: 'setupmapping', path: loc.path }, x.settings);
  const note = `The guest ${verb} "${loc.path}" through the DAX window: host page-cache pages mapped into guest memory, no request leaves the VM (a first touch of a page faults into KVM, which maps it)`;
  return items([...map, hopItem(guestOnlyHop(note, KATA_COST.daxCopy))], { ...x.state, dax: { ...x.state.dax, [loc.path]: true } });
}

function planRead(x: PlanCtx, loc: Located): IoPlan {
  const { settings: s, state } = x;
  if (!succeeded(x.facts)) return NO_IO(state);
  const bytes = x.facts.retval ?? 0;
  if (s.transport === 'virtio-9p') return items(tripItem({ op: 'read', path: loc.path }, s), state);
  if (s.transport === 'virtio-fs' && (s.cache === 'never' || s.cache === 'metadata')) return items(tripItem({ op: 'read', path: loc.path }, s), state);
  if (bytes === 0 || state.pages[loc.path]) return NO_IO(state);
  if (s.dax) return viaDax(x, loc, 'reads');
  return items(tripItem({ op: 'read', path: loc.path }, s), { ...state, pages: { ...state.pages, [loc.path]: true } });
}

function planWrite(x: PlanCtx, loc: Located): IoPlan {
  const { settings: s, state } = x;
  if (!succeeded(x.facts)) return NO_IO(state);
  if (s.transport === 'virtio-blk') {
    const note = `The data lands in the guest's page cache as dirty pages of "${loc.path}": the guest's writeback sends them to the virtio-blk device later (no exit now)`;
    return items([hopItem(guestOnlyHop(note, KATA_COST.pageCacheWrite))], state);
  }
  if (s.dax) return viaDax(x, loc, 'writes');
  return items(tripItem({ op: 'write', path: loc.path }, s), state);
}

function planClose(x: PlanCtx, loc: Located, dir: boolean): IoPlan {
  if (!succeeded(x.facts) || x.settings.transport === 'virtio-blk') return NO_IO(x.state);
  // A directory has no FUSE_FLUSH; v9fs clunks the fid either way.
  const flush = dir || x.settings.transport === 'virtio-9p' ? [] : tripItem({ op: 'flush', path: loc.path }, x.settings);
  return items([...flush, ...tripItem({ op: 'release', path: loc.path, dir }, x.settings)], x.state);
}

function planDents(x: PlanCtx, loc: Located): IoPlan {
  const { settings: s, state } = x;
  if (!succeeded(x.facts) || (x.facts.retval ?? 0) === 0) return NO_IO(state);
  if (s.transport !== 'virtio-blk') return items(tripItem({ op: 'readdir', path: loc.path }, s), state);
  if (state.pages[loc.path]) return NO_IO(state);
  return items(tripItem({ op: 'readdir', path: loc.path }, s), { ...state, pages: { ...state.pages, [loc.path]: true } });
}

/** fstat: virtio-fs keeps attributes for its timeout (0 with cache=never); v9fs asks every time. */
function planFstat(x: PlanCtx, loc: Located): IoPlan {
  const { settings: s, state } = x;
  const asks = s.transport === 'virtio-9p' || (s.transport === 'virtio-fs' && s.cache === 'never');
  return asks ? items(tripItem({ op: 'getattr', path: loc.path }, s), state) : NO_IO(state);
}
