import type { SyntheticProvider } from './synthetic.ts';
import { sdir, sfile, staticTreeProvider, type StaticNode } from './staticProvider.ts';

/**
 * The parts of /sys that do not depend on kernel state, kept small: what the
 * lab's lessons touch (Docker masks /sys/firmware and
 * /sys/devices/virtual/powercap; /sys/kernel/uevent_helper is a classic
 * writable-sysfs escape). /sys/class/net, /sys/fs/cgroup content and anything
 * per-namespace is left to the kernel's provider; combine them with
 * combineProviders(kernelSysfs, staticSysfsProvider()).
 * @see sysfs(5), Documentation/ABI/
 */

/**
 * RAPL energy counters were made root-only (0400) after the Platypus power
 * side channel, CVE-2020-8694; Docker still masks the whole powercap tree.
 * @see Documentation/power/powercap/powercap.rst
 */
const powercap = sdir({
  'intel-rapl': sdir({
    'intel-rapl:0': sdir({
      name: sfile('package-0\n'),
      enabled: sfile('1\n', 0o644),
      energy_uj: sfile('48119385217\n', 0o400),
      max_energy_range_uj: sfile('262143328850\n'),
    }),
    enabled: sfile('1\n', 0o644),
  }),
});

/** ACPI and DMI tables are root-readable binary blobs (drivers/acpi/sysfs.c, drivers/firmware/dmi-sysfs.c). */
const firmware = sdir({
  acpi: sdir({ tables: sdir({ DSDT: sfile('', 0o400), FACP: sfile('', 0o400), APIC: sfile('', 0o400) }) }),
  dmi: sdir({ tables: sdir({ DMI: sfile('', 0o400), smbios_entry_point: sfile('', 0o400) }) }),
  memmap: sdir({}),
});

/**
 * /sys/kernel: uevent_helper (CONFIG_UEVENT_HELPER) names a program the kernel
 * runs as root on every uevent; writable sysfs makes it an escape.
 * @see Documentation/admin-guide/sysfs-rules.rst, kernel/ksysfs.c
 */
const kernel = sdir({
  uevent_helper: sfile('\n', 0o644),
  uevent_seqnum: sfile('4242\n'),
  kexec_loaded: sfile('0\n'),
  profiling: sfile('0\n', 0o644),
  mm: sdir({ transparent_hugepage: sdir({ enabled: sfile('always [madvise] never\n', 0o644) }) }),
  security: sdir({}),
  debug: sdir({}, 0o700),
  tracing: sdir({}, 0o700),
  cgroup: sdir({ features: sfile('nsdelegate\nfavordynmods\nmemory_localevents\nmemory_recursiveprot\n') }),
});

export const STATIC_SYSFS: StaticNode = sdir({
  block: sdir({}),
  bus: sdir({}),
  class: sdir({}),
  dev: sdir({ block: sdir({}), char: sdir({}) }),
  devices: sdir({ virtual: sdir({ powercap }), system: sdir({}) }),
  firmware,
  fs: sdir({ cgroup: sdir({}), bpf: sdir({}), fuse: sdir({ connections: sdir({}) }) }),
  hypervisor: sdir({}),
  kernel,
  module: sdir({}),
  power: sdir({ state: sfile('freeze mem disk\n', 0o644) }),
});

/** sysfs attributes report st_size 4096 whatever their content (fs/sysfs/file.c). */
export function staticSysfsProvider(): SyntheticProvider {
  return staticTreeProvider(STATIC_SYSFS, 4096);
}
