import type { World } from '../kernel/world.ts';
import type { CachePolicy } from './options.ts';

/**
 * What the guest remembers between calls that decides whether I/O leaves
 * the VM: FUSE names it may reuse until their entry timeout, file pages in
 * its page cache, ranges mapped through the DAX window, inodes read from the
 * block device, and the address family of the container's sockets. It rides
 * on the guest world (a plain field the kernel's handlers carry along), so a
 * session keeps it from call to call.
 */
export interface KataGuestState {
  /** path → the world time (ns) until which the guest trusts the name and its attributes. */
  names: Readonly<Record<string, number>>;
  /** Files whose pages the guest's page cache holds. */
  pages: Readonly<Record<string, true>>;
  /** Files mapped into the DAX window. */
  dax: Readonly<Record<string, true>>;
  /** Rootfs inodes the guest has read from the block device (Firecracker). */
  inodes: Readonly<Record<string, true>>;
  /** The container process's sockets: fd → family and type, and whether it is connected to a loopback address. */
  sockets: Readonly<Record<number, SocketInfo>>;
}

export interface SocketInfo {
  family: number;
  type: number;
  loopback: boolean;
}

export const EMPTY_GUEST_STATE: KataGuestState = { names: {}, pages: {}, dax: {}, inodes: {}, sockets: {} };

/** The guest world with its Kata state. */
export type KataWorld = World & { kata?: KataGuestState };

export function guestStateOf(world: World): KataGuestState {
  return (world as KataWorld).kata ?? EMPTY_GUEST_STATE;
}

export function withGuestState(world: World, kata: KataGuestState): KataWorld {
  return { ...world, kata };
}

/**
 * How long the guest may reuse a name and its attributes (virtiofsd's entry
 * and attribute timeouts by --cache): never 0, auto 1 s, metadata and always
 * one day.
 * @see https://github.com/openresearchtools/virtiofsd/blob/47e1f31ec9e5dbc8f2a0fec98f2b88cf1ef81369/src/main.rs (timeout by CachePolicy)
 */
export const NAME_TIMEOUT_NS: Readonly<Record<CachePolicy, number>> = {
  never: 0,
  auto: 1e9,
  metadata: 86400e9,
  always: 86400e9,
};

export function nameValid(state: KataGuestState, path: string, now: number): boolean {
  const until = state.names[path];
  return until !== undefined && until > now;
}

/** A copy of a record without one key. */
export function without<T>(rec: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = rec;
  return rest;
}
