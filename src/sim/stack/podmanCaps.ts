import { ALL_CAPS, isCapability, type Capability } from '../kernel/capabilities.ts';
import { fail, ok, type SimResult } from '../result.ts';
import type { OciCapabilities } from '../oci/spec.ts';

/**
 * The capabilities podman gives a container, and how --cap-add and
 * --cap-drop change them. Podman's defaults are 11, not Docker's 14:
 * CAP_AUDIT_WRITE, CAP_MKNOD and CAP_NET_RAW are gone (containers/common PR
 * #1240, November 2022, "Rework default list of capabilities to minimal";
 * Red Hat's distributions had shipped the shorter list in containers.conf
 * since 2020).
 * The lists are normalised as containers/common does (upper case, `CAP_`
 * prefix, sorted), so the spec lists them alphabetically. A non-root user
 * gets only the added capabilities, in every set including ambient.
 * @see containers/container-libs common/pkg/config/default.go DefaultCapabilities; common/pkg/config/containers.conf default_capabilities
 * @see containers/container-libs common/pkg/capabilities/capabilities.go NormalizeCapabilities, MergeCapabilities
 * @see containers/podman pkg/specgen/generate/security_linux.go securityConfigureGenerator
 */
export const PODMAN_DEFAULT_CAPS: readonly Capability[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_NET_BIND_SERVICE',
  'CAP_SETFCAP', 'CAP_SETGID', 'CAP_SETPCAP', 'CAP_SETUID', 'CAP_SYS_CHROOT',
];

const ALL = 'ALL';

/** NormalizeCapabilities: the first unknown name is the error, quoted as Go's %q quotes it. */
function normalize(list: readonly string[]): SimResult<string[]> {
  const out: string[] = [];
  for (const raw of list) {
    const upper = raw.toUpperCase();
    const c = upper === ALL || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
    if (c !== ALL && !isCapability(c)) return fail('EINVAL', `${JSON.stringify(c)}: unknown capability`);
    out.push(c);
  }
  return ok(out.sort());
}

const sorted = (caps: Iterable<string>): Capability[] => [...new Set(caps)].filter(isCapability).sort();

/** MergeCapabilities(base, adds, drops), with the lab kernel's 41 as the bounding set podman runs with. */
function merge(base: readonly string[], adds: readonly string[], drops: readonly string[]): SimResult<Capability[]> {
  const drop = normalize(drops);
  if (!drop.ok) return drop;
  const add = normalize(adds);
  if (!add.ok) return add;
  if (add.value.length === 0 && drop.value.length === 0) return ok(sorted(base));
  if (drop.value.includes(ALL)) {
    return add.value.includes(ALL) ? fail('EINVAL', 'adding all caps and removing all caps not allowed') : ok(sorted(add.value));
  }
  const all = add.value.includes(ALL);
  const from = all ? ALL_CAPS : base;
  const added = all ? [] : add.value;
  const both = added.find((c) => drop.value.includes(c));
  if (both) return fail('EINVAL', `capability ${JSON.stringify(both)} cannot be dropped and added`);
  return ok(sorted([...from.filter((c) => !drop.value.includes(c)), ...added]));
}

/** process.capabilities for these flags; `root` is whether the process runs as uid 0 (or the user is unset). */
export function podmanCapabilities(req: { capAdd: readonly string[]; capDrop: readonly string[]; privileged: boolean }, root: boolean): SimResult<OciCapabilities> {
  const bounding = req.privileged ? ok([...ALL_CAPS]) : merge(PODMAN_DEFAULT_CAPS, req.capAdd, req.capDrop);
  if (!bounding.ok) return bounding;
  if (root) return ok({ bounding: bounding.value, effective: bounding.value, permitted: bounding.value, inheritable: [], ambient: [] });
  const userCaps = merge([], req.capAdd, []);
  if (!userCaps.ok) return fail('EINVAL', `capabilities requested by user are not valid: ${JSON.stringify(req.capAdd.join(','))}: ${userCaps.reason}`);
  const u = userCaps.value;
  return ok({ bounding: bounding.value, effective: u, permitted: u, inheritable: u, ambient: u });
}
