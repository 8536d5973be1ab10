import type { DevNumber } from '../vfs/inode.ts';
import { isWithinCgroup } from '../cgroups/paths.ts';
import type { World } from './world.ts';

/**
 * The device controller: which device nodes a cgroup's tasks may open (r, w)
 * or create (m). On cgroup v2 runc enforces it with an eBPF program
 * (BPF_CGROUP_DEVICE) checked from inode_permission(), and a refusal is EPERM.
 * Docker's default container gets runc's allow-list: mknod of any device, and
 * read/write of the standard character devices only.
 * @see runc libcontainer/specconv/spec_linux.go AllowedDevices, moby daemon/oci_linux.go, Documentation/admin-guide/cgroup-v1/devices.rst
 */
export interface DeviceRule {
  type: 'c' | 'b' | 'a';
  /** null: any (`*`). */
  major: number | null;
  minor: number | null;
  access: string;
}

const rule = (type: DeviceRule['type'], major: number | null, minor: number | null, access: string): DeviceRule => ({ type, major, minor, access });

/** runc's AllowedDevices, as Docker's default spec hands them over. */
export const RUNC_DEFAULT_DEVICE_RULES: readonly DeviceRule[] = [
  rule('c', null, null, 'm'), rule('b', null, null, 'm'),
  rule('c', 1, 3, 'rwm'), rule('c', 1, 8, 'rwm'), rule('c', 1, 7, 'rwm'), rule('c', 5, 0, 'rwm'),
  rule('c', 1, 5, 'rwm'), rule('c', 1, 9, 'rwm'), rule('c', 5, 1, 'rwm'), rule('c', 136, null, 'rwm'),
  rule('c', 5, 2, 'rwm'), rule('c', 10, 200, 'rwm'),
];

/** The allow-list that governs `cgroup`: its own or its nearest ancestor's; none means no device filter. */
function rulesFor(world: World, cgroup: string): readonly DeviceRule[] | undefined {
  const owners = Object.keys(world.deviceRules).filter((path) => isWithinCgroup(cgroup, path));
  const nearest = owners.sort((a, b) => b.length - a.length)[0];
  return nearest === undefined ? undefined : world.deviceRules[nearest];
}

/** May a task in `cgroup` do `access` ('r', 'w' or 'm') on the device? Null when allowed, else the sentence why not. */
export function deviceRefusal(world: World, cgroup: string, kind: 'chardev' | 'blockdev', dev: DevNumber, access: 'r' | 'w' | 'm'): string | null {
  const rules = rulesFor(world, cgroup);
  if (!rules) return null;
  const type = kind === 'chardev' ? 'c' : 'b';
  const ok = rules.some((r) => (r.type === 'a' || r.type === type) && (r.major === null || r.major === dev.major)
    && (r.minor === null || r.minor === dev.minor) && r.access.includes(access));
  const what = { r: 'read', w: 'write', m: 'create' }[access];
  return ok ? null : `the device cgroup of ${cgroup} does not let its tasks ${what} ${type} ${dev.major}:${dev.minor}`;
}
