/**
 * The eight Linux namespaces, their ids as /proc/PID/ns/* shows them, and the
 * per-type state the lab keeps for each.
 * @see namespaces(7), include/linux/proc_ns.h
 */
export const NS_TYPES = ['mnt', 'pid', 'net', 'uts', 'ipc', 'user', 'cgroup', 'time'] as const;
export type NsType = (typeof NS_TYPES)[number];

/** CLONE_NEW* flag of each type (include/uapi/linux/sched.h). */
export const NS_CLONE_FLAG: Record<NsType, number> = {
  mnt: 0x00020000, cgroup: 0x02000000, uts: 0x04000000, ipc: 0x08000000,
  user: 0x10000000, pid: 0x20000000, net: 0x40000000, time: 0x00000080,
};

export const NS_FLAG_NAME: Record<NsType, string> = {
  mnt: 'CLONE_NEWNS', cgroup: 'CLONE_NEWCGROUP', uts: 'CLONE_NEWUTS', ipc: 'CLONE_NEWIPC',
  user: 'CLONE_NEWUSER', pid: 'CLONE_NEWPID', net: 'CLONE_NEWNET', time: 'CLONE_NEWTIME',
};

/**
 * The initial namespaces' fixed inode numbers: PROC_IPC_INIT_INO 0xEFFFFFFF down to
 * PROC_TIME_INIT_INO 0xEFFFFFFA (include/linux/proc_ns.h). The initial mount and
 * network namespaces get theirs from proc_alloc_inum() at boot; the values here are
 * the ones a typical host shows (4026531841 and 4026531840).
 */
export const INIT_NS_INO: Record<NsType, number> = {
  ipc: 4026531839, uts: 4026531838, user: 4026531837, pid: 4026531836,
  cgroup: 4026531835, time: 4026531834, mnt: 4026531841, net: 4026531840,
};

/** Namespaces created after boot get inodes from the same allocator, above the initial ones. */
export const FIRST_DYNAMIC_NS_INO = 4026532160;

/** One line of /proc/PID/uid_map: ids [inside, inside+count) map to [outside, …) in the parent. */
export interface IdMapEntry { inside: number; outside: number; count: number }

export interface NetInterface {
  name: string;
  index: number;
  kind: 'loopback' | 'veth' | 'bridge' | 'physical';
  up: boolean;
  mac: string;
  addrs: string[];
  /** For a veth: the peer's name and the namespace it lives in. */
  peer?: { name: string; ns: number };
  /** For a port of a bridge: the bridge's name. */
  master?: string;
}

interface NsBase { id: number; parent: number | null; ownerUserNs: number }

export type Namespace =
  | (NsBase & { type: 'uts'; hostname: string; domainname: string })
  | (NsBase & { type: 'pid'; level: number; nextPid: number; initPid: number | null })
  | (NsBase & { type: 'user'; level: number; uidMap: IdMapEntry[]; gidMap: IdMapEntry[]; creatorUid: number; setgroups: 'allow' | 'deny' })
  | (NsBase & { type: 'net'; interfaces: NetInterface[] })
  | (NsBase & { type: 'mnt'; tableId: string })
  | (NsBase & { type: 'ipc' })
  | (NsBase & { type: 'cgroup'; root: string })
  | (NsBase & { type: 'time'; monotonicOffsetNs: number; boottimeOffsetNs: number });

export type NamespaceOf<T extends NsType> = Extract<Namespace, { type: T }>;

/** A process's namespace set: the id of the namespace of each type it is in. */
export type NsSet = Record<NsType, number>;

/** `/proc/PID/ns/uts -> uts:[4026531838]` */
export function nsLinkText(type: NsType, id: number): string {
  return `${type}:[${id}]`;
}

/** The CLONE_NEW* flags set in `flags`, in the order of NS_TYPES. */
export function nsTypesInFlags(flags: number): NsType[] {
  return NS_TYPES.filter((t) => (flags & NS_CLONE_FLAG[t]) !== 0);
}

/** Maps an id through a user namespace map (inside → outside); undefined when unmapped. */
export function mapIdOut(map: readonly IdMapEntry[], id: number): number | undefined {
  const e = map.find((m) => id >= m.inside && id < m.inside + m.count);
  return e ? e.outside + (id - e.inside) : undefined;
}

/** Maps an id from the parent namespace into a user namespace (outside → inside). */
export function mapIdIn(map: readonly IdMapEntry[], id: number): number | undefined {
  const e = map.find((m) => id >= m.outside && id < m.outside + m.count);
  return e ? e.inside + (id - e.outside) : undefined;
}

/** The overflow id shown for unmapped ids (/proc/sys/kernel/overflowuid). */
export const OVERFLOW_ID = 65534;

export function formatIdMap(map: readonly IdMapEntry[]): string {
  return map.map((m) => `${String(m.inside).padStart(10)} ${String(m.outside).padStart(10)} ${String(m.count).padStart(10)}\n`).join('');
}
