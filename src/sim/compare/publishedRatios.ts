import type { RuntimeId, RuntimeOptions } from '../runtime/types.ts';

/**
 * Published slowdowns the lab's cost model is held to, each a pair of
 * measurements taken under the same conditions (same machine, same build).
 * `isolab compare` prints the one that matches an input and a pair of
 * runtimes beside the modelled ratio; tests check the model agrees within
 * `tolerance` where `calibrated`, and the values against
 * published_measurements.json. Entries the model is not calibrated to are
 * shown for honesty: they come from other machines or older builds.
 */
export interface PublishedRatio {
  /** The calls it applies to. */
  calls: readonly string[];
  /** What was measured, in a few words. */
  what: string;
  subject: { runtime: RuntimeId; options: RuntimeOptions };
  baseline: { runtime: RuntimeId; options: RuntimeOptions };
  /** Measurement ids and values (same unit). */
  numerator: { id: string; value: number };
  denominator: { id: string; value: number };
  conditions: string;
  /** Whether the lab's costs are derived from this pair (and so must agree). */
  calibrated: boolean;
  tolerance: number;
  /** When not calibrated: why the model differs. */
  caveat?: string;
  /** Measured in a loop: compare with the cost of the input run a second time (warm caches, patched call sites). */
  warm: boolean;
}

const GETPID = ['getpid', 'getuid', 'getgid', 'gettid', 'getppid', 'geteuid'];
const STAT = ['stat', 'lstat', 'newfstatat', 'statx', 'openat', 'open'];

export const PUBLISHED_RATIOS: readonly PublishedRatio[] = [
  { calls: GETPID, what: 'getpid() in a loop (call site patched)', subject: { runtime: 'gvisor', options: { platform: 'systrap' } }, baseline: { runtime: 'host', options: {} }, numerator: { id: 'gvisor-systrap-getpid-gce-n2', value: 1017 }, denominator: { id: 'native-getpid-gce-n2', value: 239 }, conditions: 'GCE n2-standard-4 VM, 2023, systrap with syscall-site patching (gVisor systrap blog)', calibrated: true, tolerance: 0.1, warm: true },
  { calls: GETPID, what: 'getpid() through SIGSYS (no patching)', subject: { runtime: 'gvisor', options: { platform: 'systrap' } }, baseline: { runtime: 'host', options: {} }, numerator: { id: 'gvisor-systrap-unopt-getpid-gce-n2', value: 2376 }, denominator: { id: 'native-getpid-gce-n2', value: 239 }, conditions: 'GCE n2-standard-4 VM, 2023, systrap without syscall-site patching (gVisor systrap blog): what a call site costs the first time', calibrated: true, tolerance: 0.1, warm: false },
  { calls: GETPID, what: 'getpid() round trip', subject: { runtime: 'gvisor', options: { platform: 'kvm' } }, baseline: { runtime: 'host', options: {} }, numerator: { id: 'gvisor-kvm-getpid-e5-2650v2', value: 830 }, denominator: { id: 'native-getpid-e5-2650v2', value: 62 }, conditions: 'Intel Xeon E5-2650 v2, no KPTI (Ant Group, gVisor blog 2021)', calibrated: true, tolerance: 0.1, warm: true },
  { calls: GETPID, what: 'getpid() round trip', subject: { runtime: 'gvisor', options: { platform: 'ptrace' } }, baseline: { runtime: 'host', options: {} }, numerator: { id: 'gvisor-ptrace-getpid-e5-2650v2', value: 6249 }, denominator: { id: 'native-getpid-e5-2650v2', value: 62 }, conditions: 'Intel Xeon E5-2650 v2, no KPTI (Ant Group, gVisor blog 2021)', calibrated: true, tolerance: 0.1, warm: true },
  { calls: ['getuid'], what: 'getuid() latency', subject: { runtime: 'gvisor', options: { platform: 'kvm' } }, baseline: { runtime: 'runc', options: {} }, numerator: { id: 'young19-getuid-gvisor-kvm', value: 0.981 }, denominator: { id: 'young19-getuid-runc', value: 0.358 }, conditions: 'HotCloud\'19 (Young et al.), 2019 gVisor build, KVM platform', calibrated: false, tolerance: 0, caveat: 'the lab\'s trap costs follow the 2021 Xeon E5-2650 v2 figures, where KVM costs 13× a native call', warm: true },
  { calls: STAT, what: 'stat(2) of a bind-mounted file', subject: { runtime: 'gvisor', options: { directfs: 'off' } }, baseline: { runtime: 'gvisor', options: { directfs: 'on' } }, numerator: { id: 'gvisor-stat-lisafs', value: 122000 }, denominator: { id: 'gvisor-stat-directfs', value: 54000 }, conditions: 'systrap, bind mount, read from the directfs blog\'s bar chart (±2%), 2023', calibrated: true, tolerance: 0.15, warm: true },
  { calls: ['read', 'pread64'], what: 'read() of 4 KiB from a container file', subject: { runtime: 'gvisor', options: { platform: 'kvm' } }, baseline: { runtime: 'runc', options: {} }, numerator: { id: 'young19-read4k-kvm', value: 12.61 }, denominator: { id: 'young19-read4k-runc', value: 1.02 }, conditions: 'HotCloud\'19 (Young et al.), 2019 gVisor build, KVM platform — the paper\'s "11× slower small reads"', calibrated: true, tolerance: 0.2, warm: false },
  { calls: ['openat', 'open'], what: 'open()+close() of a rootfs file', subject: { runtime: 'gvisor', options: { platform: 'kvm', directfs: 'off' } }, baseline: { runtime: 'runc', options: {} }, numerator: { id: 'young19-openclose-kvm-rootfs', value: 288.2 }, denominator: { id: 'young19-openclose-runc-tmpfs', value: 2.41 }, conditions: 'HotCloud\'19 (Young et al.), 2019 gVisor build, KVM platform, 9P Gofer', calibrated: false, tolerance: 0, caveat: 'the lab models today\'s LISAFS Gofer and a cold path walk; 2019\'s 9P Gofer made more round trips', warm: false },
];

/** The entries for a call that compare `subject` with `baseline` (options match when every option the entry names agrees). */
export function publishedRatiosFor(call: string, subject: { runtime: RuntimeId; options: RuntimeOptions }, baseline: { runtime: RuntimeId; options: RuntimeOptions }): PublishedRatio[] {
  const fits = (want: { runtime: RuntimeId; options: RuntimeOptions }, have: { runtime: RuntimeId; options: RuntimeOptions }) =>
    want.runtime === have.runtime && Object.entries(want.options).every(([k, v]) => have.options[k] === v);
  return PUBLISHED_RATIOS.filter((p) => p.calls.includes(call) && fits(p.subject, subject) && fits(p.baseline, baseline));
}
