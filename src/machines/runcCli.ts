import type { Attach, ControlResult, HostState } from './controlTypes.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';

/**
 * runc's own command line on the lab's host, and a container made from a
 * config.json a person edited or imported. (Being written: issue 5, point 4.)
 */
export function runcLine(_state: HostState, _argv: readonly string[], _attached: Attach | null): ControlResult {
  return { ok: false, message: `${LAB_PREFIX}runc is read but not yet run by the lab` };
}

/** The config.json of the attached container, or null when the terminal is in no container. */
export function specText(_state: HostState, _attached: Attach | null): string | null {
  return null;
}

/** Makes and starts a container from config.json text (as `runc run` on a bundle with that config). */
export function runSpecText(_state: HostState, _text: string): ControlResult {
  return { ok: false, message: `${LAB_PREFIX}running an edited config.json is not built yet` };
}
