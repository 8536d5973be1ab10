/**
 * Modelled costs of the library-OS path (Nabla's rumprun on Solo5, and the
 * same unikernel under solo5-hvt), each tied to an entry of
 * ../shared/reference/published_measurements.json by id, or `estimate` with
 * the reasoning beside it. Tests hold every id against that file.
 */
export interface Cost { ns: number; source: string }

export const NABLA_COST = {
  /** The app calls its C library: a plain function call (4 cycles, Unikraft Table 1). */
  appCall: { ns: 1.11, source: 'native-function-call' },
  /**
   * libc → rump kernel: a "syscall" served inside the unikernel with no
   * privilege switch. Unikraft's binary-compatible syscall (84 cycles) is the
   * one published figure for that kind of entry; rump_syscall() also schedules
   * a rump virtual CPU, so this is a floor.
   */
  libosEntry: { ns: 23.33, source: 'unikraft-syscall' },
  /** rumprun's own stubs and fakes set errno (or fill a struct) and return: a few loads and stores, estimate. */
  rumprunStub: { ns: 2, source: 'estimate' },
  /** Returning from the libOS to the app is a function return: its cost is in the entry figure. */
  libosReturn: { ns: 0, source: 'estimate' },
  /** A call into the Solo5 bindings (solo5_block_read…): a function call inside the unikernel. */
  solo5Call: { ns: 1.11, source: 'native-function-call' },
  /**
   * spt: the binding executes the syscall instruction itself (bindings/spt/sys_linux_x86_64.c):
   * a host syscall's entry and exit, what getpid() costs without KPTI.
   */
  sptSyscallEntry: { ns: 62, source: 'native-getpid-e5-2650v2' },
  /**
   * hvt: the hypercall is an `outl` that exits the VM into KVM, which returns
   * from the tender's KVM_RUN ioctl; the tender handles it and re-enters. Vagin
   * measured exactly this round trip (a VM exit to a user-space VMM that runs
   * one host syscall and resumes the guest) at 2.1 µs.
   */
  hvtExitRoundTrip: { ns: 2100, source: 'gvisor-kvm-sentry-hostsyscall-uvmm' },
  /** The re-entering ioctl(KVM_RUN) is part of the round trip above, so its own hop costs nothing extra. */
  kvmRunCounted: { ns: 0, source: 'estimate' },
  /**
   * pread64/pwrite64 of one 512-byte sector of the image file, in the host's page cache:
   * an fd lookup and a 512-byte copy, a few hundred ns (Young et al. measure a whole
   * 4 KiB read() under runc, entry and filter included, at 1,020 ns: young19-read4k-runc).
   */
  hostSector: { ns: 300, source: 'estimate' },
  /** write(1, &c, 1) to the terminal (a pty) or a pipe: the tty layer's work for one byte, estimate. */
  hostConsoleWrite: { ns: 500, source: 'estimate' },
  /** write/read of one Ethernet frame on the tap fd: tun_get_user/tun_put_user and netif_rx, about a µs, estimate. */
  hostTapFrame: { ns: 1000, source: 'estimate' },
  /** clock_gettime as a real syscall (the spt bindings do not use the vDSO): little beyond entry, estimate. */
  hostClock: { ns: 20, source: 'estimate' },
  /** Arming the timerfd or polling the waitset, not counting the time spent blocked: estimate. */
  hostPoll: { ns: 300, source: 'estimate' },
  /** exit_group of a process with one thread and a handful of fds, before the parent is told: estimate. */
  hostExit: { ns: 5000, source: 'estimate' },
  /** rump's VFS walking its in-memory buffers for a block it must fetch: bookkeeping per logical block, estimate. */
  libosBio: { ns: 100, source: 'estimate' },
  /** rump's TCP/IP building or parsing one segment (NetBSD's stack in the same address space): estimate. */
  libosPacket: { ns: 500, source: 'estimate' },
} as const satisfies Record<string, Cost>;

/** Start-up figures: where the lab's clock starts for a freshly booted unikernel. */
export const NABLA_BOOT = {
  /** Rumprun on Solo5, from start to the application (Unikraft EuroSys'21, text). */
  rumprunSolo5: { ns: 14.4e6, source: 'uk21-boot-rumprun-solo5' },
  /** solo5-hvt from start to the guest's first instruction (Unikraft EuroSys'21, Fig. 10). */
  hvtVmm: { ns: 2.92e6, source: 'uk21-vmm-boot-solo5-hvt' },
} as const satisfies Record<string, Cost>;
