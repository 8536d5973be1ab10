import type { Providers } from '../vfs/synthetic.ts';
import { staticSysfsProvider } from '../vfs/sysfsStatic.ts';
import { cgroupfsProvider } from './cgroupfsProvider.ts';
import { procProvider } from './procfs/procProvider.ts';

/** The providers of the kernel's synthetic filesystems, made once: functions, kept out of the world's data. */
const PROVIDERS: Providers = { proc: procProvider, cgroup2: cgroupfsProvider, sysfs: staticSysfsProvider() };

export function kernelProviders(): Providers {
  return PROVIDERS;
}
