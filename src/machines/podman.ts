import type { Attach, ControlResult, HostState } from './controlTypes.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';

/** `podman …` on the lab's host. (Being written: issue 5, point 3.) */
export function podmanLine(_state: HostState, _argv: readonly string[], _attached: Attach | null): ControlResult {
  return { ok: false, message: `${LAB_PREFIX}podman is read but not yet run by the lab` };
}
