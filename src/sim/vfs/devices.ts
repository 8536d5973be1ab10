import { hasCap, type CapSet } from '../kernel/capabilities.ts';
import { fail, ok, type SimError, type SimResult } from '../result.ts';
import type { DevNumber } from './inode.ts';
import { blk, chr, type TreeEntry } from './treeSpec.ts';

/**
 * Device nodes: their numbers (Documentation/admin-guide/devices.txt), the
 * sets a host and a runc container have, and what reading or writing the
 * memory devices does (drivers/char/mem.c).
 */

/** Debian's group ids for device owners (base-passwd): tty 5, disk 6, kmem 15. */
const TTY = 5;
const DISK = 6;
const KMEM = 15;

export const DEVICE_NUMBERS = {
  mem: { major: 1, minor: 1 },
  null: { major: 1, minor: 3 },
  zero: { major: 1, minor: 5 },
  full: { major: 1, minor: 7 },
  random: { major: 1, minor: 8 },
  urandom: { major: 1, minor: 9 },
  kmsg: { major: 1, minor: 11 },
  tty: { major: 5, minor: 0 },
  console: { major: 5, minor: 1 },
  ptmx: { major: 5, minor: 2 },
  sda: { major: 8, minor: 0 },
  sda1: { major: 8, minor: 1 },
  pts0: { major: 136, minor: 0 },
} as const satisfies Record<string, DevNumber>;

/** The host's /dev as udev leaves it on a Debian server (a subset). */
export function hostDeviceEntries(): TreeEntry[] {
  const d = DEVICE_NUMBERS;
  return [
    chr('/null', d.null.major, d.null.minor, 0o666),
    chr('/zero', d.zero.major, d.zero.minor, 0o666),
    chr('/full', d.full.major, d.full.minor, 0o666),
    chr('/random', d.random.major, d.random.minor, 0o666),
    chr('/urandom', d.urandom.major, d.urandom.minor, 0o666),
    chr('/tty', d.tty.major, d.tty.minor, 0o666, { gid: TTY }),
    chr('/console', d.console.major, d.console.minor, 0o600),
    chr('/ptmx', d.ptmx.major, d.ptmx.minor, 0o666, { gid: TTY }),
    chr('/kmsg', d.kmsg.major, d.kmsg.minor, 0o644),
    chr('/mem', d.mem.major, d.mem.minor, 0o640, { gid: KMEM }),
    blk('/sda', d.sda.major, d.sda.minor, 0o660, { gid: DISK }),
    blk('/sda1', d.sda1.major, d.sda1.minor, 0o660, { gid: DISK }),
  ];
}

/**
 * The devices runc creates in a container's /dev: the OCI runtime spec's
 * "Default Devices" (null, zero, full, random, urandom, tty; console and ptmx
 * are handled apart), all 0666 root:root as runc's AllowedDevices lists them.
 * @see opencontainers/runtime-spec config-linux.md "Default Devices"
 * @see opencontainers/runc libcontainer/specconv/spec_linux.go AllowedDevices
 */
export const CONTAINER_DEFAULT_DEVICES = ['null', 'zero', 'full', 'random', 'urandom', 'tty'] as const;

export function containerDeviceEntries(): TreeEntry[] {
  return CONTAINER_DEFAULT_DEVICES.map((name) => {
    const n = DEVICE_NUMBERS[name];
    return chr(`/${name}`, n.major, n.minor, 0o666);
  });
}

function is(dev: DevNumber, n: DevNumber): boolean {
  return dev.major === n.major && dev.minor === n.minor;
}

/**
 * open() checks a driver makes itself: /dev/mem needs CAP_SYS_RAWIO (open_port).
 * Device-cgroup checks (Docker denies everything but the standard devices) are the cgroup model's.
 */
export function deviceOpenCheck(dev: DevNumber, caps: CapSet): SimError | null {
  if (is(dev, DEVICE_NUMBERS.mem) && !hasCap(caps, 'CAP_SYS_RAWIO')) {
    return fail('EPERM', '/dev/mem opens only with CAP_SYS_RAWIO (drivers/char/mem.c open_port)');
  }
  return null;
}

/** Deterministic bytes standing in for the CSPRNG (src/sim has no randomness of its own). */
function pseudoBytes(offset: number, count: number): string {
  let x = (offset * 2654435761) >>> 0;
  let out = '';
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out += String.fromCharCode(x >>> 24);
  }
  return out;
}

/**
 * read(2) from a memory device; undefined when the driver is not one the VFS
 * models (tty, kmsg, disks…) and the kernel answers itself.
 */
export function readDevice(dev: DevNumber, offset: number, count: number): SimResult<string> | undefined {
  const d = DEVICE_NUMBERS;
  if (is(dev, d.null)) return ok('');
  if (is(dev, d.zero) || is(dev, d.full)) return ok('\0'.repeat(count));
  if (is(dev, d.random) || is(dev, d.urandom)) return ok(pseudoBytes(offset, count));
  return undefined;
}

/** write(2) to a memory device: bytes taken, ENOSPC for /dev/full, undefined when not modelled here. */
export function writeDevice(dev: DevNumber, data: string): SimResult<number> | undefined {
  const d = DEVICE_NUMBERS;
  if (is(dev, d.full)) return fail('ENOSPC', '/dev/full is always full: every write fails with ENOSPC');
  if (is(dev, d.null) || is(dev, d.zero)) return ok(data.length);
  // Writes to random/urandom mix into the input pool without crediting entropy (random(4)).
  if (is(dev, d.random) || is(dev, d.urandom)) return ok(data.length);
  return undefined;
}
