import type { Verdict } from '../trace.ts';

/**
 * What a lesson's goal can see: a plain snapshot of the lab, taken after each
 * line a person runs. The store builds it from its entries (each call's hops
 * and verdicts, the layer that denied) and from the engine's kernels (the
 * host's hostname, each container's hostname and cgroup counters). Only what
 * happened since the step began is in it, so a step's goal is met by that
 * step's work and never by an earlier one.
 */
export interface SnapshotHop {
  /** The layer's id in its runtime's (or the stack's) layer list: `seccomp`, `capabilities`, `dockerd`. */
  layer: string;
  verdict: Verdict;
  /** `openat by runsc-gofer (Gofer)` when the hop is a syscall into the host kernel by a helper process. */
  hostCall: string | null;
}

export interface SnapshotCall {
  name: string;
  failed: boolean;
  /** The errno strace printed (`EPERM`), else null. */
  errno: string | null;
  /** Which kernel answered: host, sentry, guest, libos. */
  servedBy: string | null;
  /** The layer of the first hop that denied, else null. */
  deniedAt: string | null;
  hops: SnapshotHop[];
  /** A step of the engines on a docker/kubectl/runc line's path (`runc create`, the runtime's own unshare), not a call of the program. */
  path: boolean;
}

export interface SnapshotEntry {
  input: string;
  runtime: string;
  options: Readonly<Record<string, string>>;
  /** The name of the container the line ran in, else null. */
  container: string | null;
  /** A column of a `compare` (each column is a fresh boot). */
  compared: boolean;
  /** The lab refused the line (unknown command, bad flag) before anything ran. */
  refused: boolean;
  /** The exit status; null when refused. */
  status: number | null;
  stdout: string;
  stderr: string;
  calls: SnapshotCall[];
}

export interface SnapshotContainer {
  name: string;
  /** The first 12 hex digits of the id: Docker's default hostname for it. */
  shortId: string;
  runtime: string;
  image: string;
  status: string;
  /** The hostname in the container's UTS namespace; null when its process is gone. */
  hostname: string | null;
  /** pids.max of its cgroup: a number, or null for "max" (or no cgroup). */
  pidsMax: number | null;
  /** Forks its cgroup refused at pids.max (pids.events `max`). */
  forksRefused: number;
  /** memory.max in bytes, or null for "max". */
  memoryMax: number | null;
  /** OOM kills in its cgroup (memory.events `oom_kill`). */
  oomKills: number;
}

export interface LabSnapshot {
  /** The runtime the terminal is on, with its settings. */
  runtime: string;
  options: Readonly<Record<string, string>>;
  /** The container the terminal is attached to, by name, else null. */
  container: string | null;
  /** The host's hostname, as its initial UTS namespace holds it. */
  hostHostname: string;
  /** The containers made since the step began. */
  containers: SnapshotContainer[];
  /** The lines run since the step began (comparison columns included), oldest first. */
  entries: SnapshotEntry[];
  /** Every line typed since the step began, the lab's own commands (`images`, `surface nabla`) included. */
  lines: string[];
}

export const EMPTY_SNAPSHOT: LabSnapshot = { runtime: 'runc', options: {}, container: null, hostHostname: '', containers: [], entries: [], lines: [] };
