import type { CgroupTree } from '../cgroups/types.ts';
import type { FsStore } from '../vfs/filesystem.ts';
import type { MountNamespace } from '../vfs/mount.ts';
import type { InstalledFilter } from './seccompGate.ts';
import type { DeviceRule } from './deviceCgroup.ts';
import type { Namespace, NsSet } from './namespaces.ts';
import type { Process } from './process.ts';

/**
 * The whole simulated machine: one Linux kernel's processes, namespaces,
 * filesystems, mount tables and cgroups, plus its clock. Plain data, replaced
 * (never mutated) by each syscall, so any earlier world can be kept and
 * shown again.
 */
export interface World {
  /** Modelled time since boot in ns; advanced by each call's modelled cost. */
  timeNs: number;
  procs: Record<number, Process>;
  /** Next pid in the initial pid namespace. */
  nextPid: number;
  namespaces: Record<number, Namespace>;
  nextNsId: number;
  /** The initial namespace of each type (the host's). */
  initNs: NsSet;
  vfs: FsStore;
  /** Mount tables by id; each mount namespace names its table. */
  mountTables: Record<string, MountNamespace>;
  cgroups: CgroupTree;
  /** The device controller's allow-lists, by cgroup path (a container's scope); absent: no filter. */
  deviceRules: Record<string, readonly DeviceRule[]>;
  /** Seccomp profiles installed by runtimes, by name (`docker-default`). */
  seccompProfiles: Record<string, InstalledFilter>;
  /** Inode numbers for sockets, pipes and other anonymous files. */
  nextInode: number;
  /** Kernel log lines (dmesg): OOM kills, refused forks. */
  dmesg: string[];
  /** What uname and /proc/version report; absent: the host's Linux (a Sentry or a guest kernel sets its own). */
  kernel?: KernelIdentity;
  /** Present when this world is gVisor's Sentry: what its platform and VFS remember between calls. */
  sentry?: SentryMemory;
}

export interface SentryMemory {
  /**
   * systrap: the syscalls whose call sites the platform has already rewritten
   * into jumps to its stub (the first call at a site traps with SIGSYS). The
   * lab keys a site by syscall name: a program calls each through one wrapper.
   */
  patchedSites: readonly string[];
  /** Host-backed paths the Sentry has walked and keeps in its dentry cache (their metadata is authoritative). */
  dentries: readonly string[];
}

export interface KernelIdentity {
  release: string;
  version: string;
}
