import type { Cost } from '../kernel/costs.ts';
import { COST } from '../kernel/costs.ts';

/**
 * Modelled costs of gVisor's path, each tied to published_measurements.json.
 *
 * The lab's machine is the one its Linux costs come from: a Xeon E5-2650 v2,
 * where a native getpid() takes 62 ns (native-getpid-e5-2650v2). On that
 * machine the Ant blog measured getpid() through the KVM and ptrace platforms;
 * systrap was measured on a GCE n2 VM, where native getpid() takes 239 ns, so
 * the lab scales systrap's figures by the native ratio on that VM. Each
 * platform figure is a whole getpid() round trip; the trap hop carries it less
 * the Sentry's own getpid work (1 ns, as the host's).
 */
const NATIVE = COST.syscallEntryExit.ns; // 62 ns on the lab's machine
const NATIVE_GCE_N2 = 239; // native-getpid-gce-n2
const SENTRY_GETPID = COST.trivial.ns;

const scaledFromGce = (gceNs: number) => (NATIVE * gceNs) / NATIVE_GCE_N2 - SENTRY_GETPID;

export const GVISOR_COST = {
  /** systrap, after the syscall site is patched to jump to the stub: 1,017 ns on GCE n2 = 4.26× native. */
  systrapPatched: { ns: scaledFromGce(1017), source: 'gvisor-systrap-getpid-gce-n2' },
  /** systrap's first call at a site: seccomp SECCOMP_RET_TRAP → SIGSYS → stub: 2,376 ns on GCE n2 = 9.9× native. */
  systrapSigsys: { ns: scaledFromGce(2376), source: 'gvisor-systrap-unopt-getpid-gce-n2' },
  /** ptrace: PTRACE_SYSEMU stop, the Sentry's wait4, register copies, resume: 6,249 ns on the lab's machine. */
  ptrace: { ns: 6249 - SENTRY_GETPID, source: 'gvisor-ptrace-getpid-e5-2650v2' },
  /** KVM: ring 3 → ring 0 inside the guest, no VM exit: 830 ns on the lab's machine. */
  kvm: { ns: 830 - SENTRY_GETPID, source: 'gvisor-kvm-getpid-e5-2650v2' },
  /** Looking the number up in the Sentry's syscall table: part of the measured round trip. */
  tableLookup: { ns: 0, source: 'estimate' },
  /**
   * The Sentry's own VFS work for an open or stat served from its memory
   * (tmpfs, /proc): open()+close() on Sentry-internal tmpfs took 28.4 µs under
   * the KVM platform in 2019; less two getuid()-sized round trips (0.981 µs
   * each), half is one operation. 2019's build predates VFS2, so today's is
   * likely faster.
   */
  sentryOpen: { ns: (28400 - 2 * 981) / 2, source: 'young19-openclose-kvm-internal-tmpfs' },
  /** read() of 4 KiB from Sentry-internal tmpfs: 7.15 µs under KVM in 2019, less the 0.981 µs round trip. */
  sentryRead: { ns: 7150 - 981, source: 'young19-read4k-kvm' },
  /**
   * stat(2) of a bind-mounted file with directfs took 54 µs (systrap); the
   * host kernel's work for the Sentry's fd-relative call is that less the
   * systrap round trip (1,017 ns) and the Sentry's own walk.
   */
  directfsHostCall: { ns: 54000 - 1017 - (28400 - 2 * 981) / 2, source: 'gvisor-stat-directfs' },
  /** The same stat through the Gofer took 122 µs: the LISAFS round trip is the 68 µs difference. */
  lisafsRoundTrip: { ns: 122000 - 54000, source: 'gvisor-stat-lisafs' },
  /**
   * read() of 4 KiB from a container file under KVM: 12.61 µs. What the
   * in-memory read (7.15 µs) does not cover is the host read on the file's fd
   * plus the VM exit the Sentry needs for any host syscall under KVM (the
   * bluepill, 3.6 µs on another machine); the host read is the rest.
   */
  hostRead: { ns: 12610 - 7150 - 3600, source: 'young19-read4k-kvm' },
  /**
   * KVM: the Sentry runs in guest ring 0, so a host syscall means HLT → VM exit
   * → the syscall re-executed on the host thread → back in (Xeon Gold 6268CL).
   */
  bluepill: { ns: 3600, source: 'gvisor-kvm-sentry-hostsyscall-bluepill' },
  /** A host syscall with little work behind it — a write to the host pty, a hostinet socket call: estimate (a few hundred ns). */
  hostSmallCall: { ns: 300, source: 'estimate' },
  /** netstack building and queueing a packet in user space: estimate (no per-packet figure is published). */
  netstackPacket: { ns: 1000, source: 'estimate' },
} as const satisfies Record<string, Cost>;

export type PlatformId = 'systrap' | 'ptrace' | 'kvm';
