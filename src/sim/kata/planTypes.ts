import type { ErrnoName } from '../errno.ts';
import type { World } from '../kernel/world.ts';
import { argNumber } from '../syscalls/argValue.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import { fsTrip, type FsOp } from './fsTrips.ts';
import { NAME_TIMEOUT_NS, nameValid, type KataGuestState } from './guestState.ts';
import type { Located } from './guestFiles.ts';
import type { KataSettings } from './options.ts';
import type { PlanItem } from './trips.ts';

/** What the guest kernel did with a call, as the I/O planner needs it. */
export interface CallFacts {
  /** The guest world before the call. */
  world: World;
  pid: number;
  call: SyscallCall;
  retval: number | null;
  errno: ErrnoName | null;
  /** The kernel phase that refused the call (`seccomp`, `capabilities`, `vfs`, `kernel`…), or null. */
  deniedBy: string | null;
}

/** A call's I/O outside the guest kernel's own memory: before its work completes (the guest waits) and after (queued). */
export interface IoPlan {
  before: PlanItem[];
  after: PlanItem[];
  state: KataGuestState;
}

export interface PlanCtx {
  facts: CallFacts;
  settings: KataSettings;
  state: KataGuestState;
  now: number;
}

export const NO_IO = (state: KataGuestState): IoPlan => ({ before: [], after: [], state });

export function argNum(call: SyscallCall, i: number): number | undefined {
  const node = call.args[i];
  return node ? argNumber(node) : undefined;
}

/** The call reached the point where it touches files: it was not refused before the VFS. */
export function reachedVfs(f: CallFacts): boolean {
  return f.deniedBy === null || f.deniedBy === 'vfs';
}

export const succeeded = (f: CallFacts): boolean => f.errno === null && f.retval !== null && f.retval >= 0;

export function tripItem(op: FsOp, s: KataSettings): PlanItem[] {
  const trip = fsTrip(op, s);
  return trip ? [{ type: 'trip', trip }] : [];
}

export function hopItem(hop: Hop): PlanItem {
  return { type: 'hop', hop };
}

/**
 * The path walk's visit to the server: virtio-fs asks (FUSE_LOOKUP) unless
 * the name is still within its entry timeout (a miss is never cached: the
 * server answers ENOENT, not a negative entry); v9fs with cache=mmap walks
 * every time; on Firecracker the guest's ext4 reads the directory and inode
 * blocks once. The lab looks up the last component only.
 */
export function lookupItems(x: PlanCtx, loc: Located): { items: PlanItem[]; state: KataGuestState } {
  const { settings: s, state, now } = x;
  const op: FsOp = { op: 'lookup', path: loc.path, found: loc.exists };
  if (s.transport === 'virtio-9p') return { items: tripItem(op, s), state };
  if (s.transport === 'virtio-blk') {
    if (state.inodes[loc.path]) return { items: [], state };
    return { items: tripItem(op, s), state: { ...state, inodes: { ...state.inodes, [loc.path]: true } } };
  }
  if (loc.exists && nameValid(state, loc.path, now)) return { items: [], state };
  return { items: tripItem(op, s), state: loc.exists ? remember(state, loc.path, s, now) : state };
}

/** The name (and its attributes) is trusted until its timeout. */
export function remember(state: KataGuestState, path: string, s: KataSettings, now: number): KataGuestState {
  const timeout = NAME_TIMEOUT_NS[s.cache];
  return timeout > 0 ? { ...state, names: { ...state.names, [path]: now + timeout } } : state;
}
