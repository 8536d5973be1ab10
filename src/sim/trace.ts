import type { ErrnoName } from './errno.ts';

/**
 * The trace: one data model for every runtime (DESIGN.md, "The trace").
 * A runtime describes its layers; a syscall run under it yields hops.
 */

/** The verdict of one gate or layer on one call. */
export type Verdict = 'pass' | 'deny' | 'handled' | 'forwarded' | 'emulated';

/** What a layer is, so a diagram can draw any runtime from its list alone. */
export type LayerKind =
  | 'user' // the application and its libc or library OS
  | 'boundary' // a gate between layers: syscall instruction, seccomp filter, trap, VM exit…
  | 'kernel' // a kernel (host, guest or user-space like the Sentry) or one of its subsystems
  | 'helper' // a host process serving the sandbox: Gofer, virtiofsd, VMM, tender
  | 'hardware';

export interface LayerSpec {
  /** Stable id, used in hops: `app`, `seccomp`, `host-kernel`… */
  id: string;
  label: string;
  kind: LayerKind;
  /** True when the layer is part of the host kernel (what the attack-surface view highlights). */
  hostKernel: boolean;
  /** One sentence about the layer for the inspector and `explain`. */
  description: string;
}

export interface Hop {
  layer: string;
  verdict: Verdict;
  /** One sentence a lecturer could read aloud. */
  note: string;
  /** Modelled cost of this hop in nanoseconds. */
  costNs: number;
  /** Id of the entry in published_measurements.json the cost comes from, or `estimate`. */
  source: string;
  /** The host-kernel entry this hop touched, if any (`sys_openat`, `do_sys_openat2`…). */
  hostEntry?: string;
  /** The machine state the hop was recorded in (the path through the machines). */
  state?: string;
  /** Set when the hop is a syscall into the host kernel: which host process made it, and its filter's answer. */
  hostCall?: HostCall;
}

/** A syscall made into the host kernel on the workload's behalf (or by the workload itself, under runc). */
export interface HostCall {
  /** The host process making it: `container process`, `Sentry`, `Gofer`, `virtiofsd`, `solo5-spt`… */
  by: string;
  name: string;
  /** What that process's seccomp filter did with it (`none`: the process has no filter). */
  filter: 'allowed' | 'killed' | 'trapped' | 'errno' | 'none';
}

/** The outcome of one call, as strace would print it. */
export interface CallOutcome {
  /** The return value; -1 when errno is set. */
  retval: number;
  errno: ErrnoName | null;
  /** Text strace would print after the return value, e.g. ` (flags O_RDONLY)` or a `-y` path. */
  annotation?: string;
}

export interface CallTrace {
  name: string;
  /** The strace line: `openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3`. */
  line: string;
  retval: number | null;
  errno: ErrnoName | null;
  hops: Hop[];
  /** The layer that denied the call, when one did. */
  deniedBy: string | null;
  /** Why, in one line (`seccomp: Docker's default profile blocks keyctl`). */
  reason: string | null;
  /** Which kernel answered the call: `host`, `sentry`, `guest` or `libos`. */
  servedBy?: string;
}

/** A verdict for a syscall taken in isolation (what `isolab verdicts` prints). */
export type StaticVerdict = 'allow' | 'conditional' | 'deny';

export interface SyscallVerdict {
  number: number;
  name: string;
  verdict: StaticVerdict;
  errno: ErrnoName | null;
  /** The layer that decides. */
  handledBy: string;
}

/**
 * How a runtime treats one call with nothing but its name and arguments known
 * (no filesystem or process state): what replay of a strace log uses.
 * `args` is lazy so that a reader need not parse arguments no rule looks at.
 */
export interface StaticOutcome {
  allowed: boolean;
  /** The errno when denied. */
  errno: ErrnoName | null;
  /** The layer that decides (`seccomp`, `host-kernel`, `sentry`…). */
  layer: string;
  reason: string;
}

export type StaticClassifier = (name: string, args: () => readonly import('./syscalls/args.ts').ArgNode[]) => StaticOutcome;
