import { ALL_CAPS, DOCKER_DEFAULT_CAPS, isCapability, type Capability } from '../kernel/capabilities.ts';
import { fail, ok, type SimResult } from '../result.ts';
import type { RunRequest } from '../stack/runRequest.ts';

/**
 * `--cap-add`, `--cap-drop` and `--privileged` on their way to the spec's
 * capability sets, in three steps:
 * 1. the client library normalizes each list: upper case, a `CAP_` prefix
 *    unless the word is `ALL`, duplicates dropped, sorted;
 * 2. the daemon refuses a name it does not know when the container is
 *    created, CapAdd first: `invalid CapAdd: unknown capability: "CAP_FOO"`;
 * 3. TweakCapabilities makes the set: everything for a privileged container;
 *    Docker's 14 when nothing is added or dropped; with `ALL` added, every
 *    capability but the dropped ones; with `ALL` dropped, just the added ones;
 *    otherwise the defaults minus the dropped, then the added appended (an
 *    added capability that is already a default appears twice: moby does not
 *    remove the duplicate).
 * No whitespace is trimmed: ` SYS_ADMIN` names `CAP_ SYS_ADMIN`, unknown.
 * @see moby/moby client/container_create.go normalizeCapabilities, normalizeCap
 * @see moby/moby daemon/container.go validateCapabilities
 * @see moby/moby daemon/pkg/oci/caps/utils.go NormalizeLegacyCapabilities, TweakCapabilities
 */

const ALL = 'ALL';

/** What the client sends for one list: `sys_admin` → `CAP_SYS_ADMIN`, `all` → `ALL`, deduplicated, sorted. */
export function normalizeCapabilities(list: readonly string[]): string[] {
  const names = list.map((c) => {
    const upper = c.toUpperCase();
    return upper === ALL || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  });
  return [...new Set(names)].sort();
}

/** The daemon's check of one normalized list; the first unknown name is the error. */
function validate(list: readonly string[], field: 'CapAdd' | 'CapDrop'): SimResult<(Capability | typeof ALL)[]> {
  const out: (Capability | typeof ALL)[] = [];
  for (const c of list) {
    if (c !== ALL && !isCapability(c)) return fail('EINVAL', `invalid ${field}: unknown capability: ${JSON.stringify(c)}`);
    out.push(c as Capability | typeof ALL);
  }
  return ok(out);
}

/**
 * The container's bounding set (= effective = permitted) for these flags. The
 * lab's kernel and dockerd hold all 41 capabilities, so none is refused as
 * "not supported by your kernel".
 */
export function dockerCapabilities(req: Pick<RunRequest, 'capAdd' | 'capDrop' | 'privileged'>): SimResult<Capability[]> {
  const add = validate(normalizeCapabilities(req.capAdd), 'CapAdd');
  if (!add.ok) return add;
  const drop = validate(normalizeCapabilities(req.capDrop), 'CapDrop');
  if (!drop.ok) return drop;
  if (req.privileged) return ok([...ALL_CAPS]);
  if (add.value.length === 0 && drop.value.length === 0) return ok([...DOCKER_DEFAULT_CAPS]);
  const adds = add.value.filter((c): c is Capability => c !== ALL);
  const drops: readonly string[] = drop.value;
  if (add.value.includes(ALL)) return ok(ALL_CAPS.filter((c) => !drops.includes(c)));
  if (drops.includes(ALL)) return ok(adds);
  return ok([...DOCKER_DEFAULT_CAPS.filter((c) => !drops.includes(c)), ...adds]);
}
