/**
 * Modelled costs of the Linux kernel's syscall path, each tied to an entry of
 * ../shared/reference/published_measurements.json by id, or `estimate` with
 * the reasoning beside it. Tests hold every id against that file.
 */
export interface Cost { ns: number; source: string }

export const COST = {
  /** A plain function call: the app's call into its libc wrapper. */
  functionCall: { ns: 1.11, source: 'native-function-call' },
  /**
   * Entering and leaving the kernel: getpid() does almost nothing else, so its round
   * trip (62 ns on a Xeon E5-2650 v2 without KPTI) is the price of the syscall itself.
   */
  syscallEntryExit: { ns: 62, source: 'native-getpid-e5-2650v2' },
  /**
   * Docker's seccomp filter: getuid() takes 358 ns under runc and 284 ns in a bare
   * process (Young et al. 2019); the 74 ns between them is the filter's run.
   */
  seccompDockerFilter: { ns: 74, source: 'young19-getuid-runc' },
  /** No filter installed: secure_computing() is not even called (TIF_SECCOMP unset). */
  seccompNone: { ns: 0, source: 'estimate' },
  /** A namespace or capability check is a few loads and compares: estimate. */
  check: { ns: 5, source: 'estimate' },
  /** Reading a field of the task struct (getpid, getuid): a nanosecond or so, estimate. */
  trivial: { ns: 1, source: 'estimate' },
  /** open()+close() of a tmpfs file in a runc container (Young et al. 2019). */
  openClose: { ns: 2410, source: 'young19-openclose-runc-tmpfs' },
  /** read() of 4 KiB from a container file (Young et al. 2019). */
  read4k: { ns: 1020, source: 'young19-read4k-runc' },
  /** A process context switch, what fork/clone's child costs before it runs at the least. */
  processSwitch: { ns: 2410, source: 'native-ctxswitch-process' },
  /** Handlers the lab has no measurement for: a few hundred ns of kernel work (estimate). */
  generic: { ns: 200, source: 'estimate' },
} as const satisfies Record<string, Cost>;
