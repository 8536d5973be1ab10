import type { InputRun } from '../../../src/machines/runInput.ts';
import { run } from '../runtime/sessions.ts';
import type { Capability } from '../../../src/sim/kernel/capabilities.ts';
import { KATA } from '../../../src/sim/runtime/kata.ts';
import type { RuntimeOptions, Session } from '../../../src/sim/runtime/types.ts';
import type { CallTrace, Hop } from '../../../src/sim/trace.ts';

/** Test helpers for Kata sessions: boot through the model, run input through runInput (which dispatches to the Kata runner). */

export function bootKata(options: RuntimeOptions = {}): Session {
  return KATA.boot({ options });
}

export function runLines(session: Session, ...lines: string[]): { run: InputRun; session: Session } {
  const last = run(session, ...lines);
  return { run: last, session: last.session };
}

/** The calls of the last line. */
export function callsOf(options: RuntimeOptions, ...lines: string[]): CallTrace[] {
  return runLines(bootKata(options), ...lines).run.calls;
}

export function onlyCall(options: RuntimeOptions, ...lines: string[]): CallTrace {
  const calls = callsOf(options, ...lines);
  const [only] = calls;
  if (calls.length !== 1 || !only) throw new Error(`expected one call, got ${calls.length}`);
  return only;
}

/** `by: name (filter)` for every host syscall a trace made. */
export const hostCalls = (c: CallTrace): string[] => c.hops.flatMap((h: Hop) => (h.hostCall ? [`${h.hostCall.by}: ${h.hostCall.name} (${h.hostCall.filter})`] : []));

/** The requests the guest's drivers sent out of the VM (files and blocks), as they named them; terminal output is left out. */
export const requests = (calls: CallTrace[]): string[] => calls.flatMap((c) => c.hops.filter((h) => h.state === 'guestDriver' && h.layer === 'guest-driver').map((h) => /puts (\S+)/.exec(h.note)?.[1] ?? h.note));

/** The session's shell with extra capabilities (as `docker run --cap-add` would give it). */
export function withCaps(session: Session, ...caps: Capability[]): Session {
  const p = session.world.procs[session.pid];
  if (!p) throw new Error('no shell');
  const add = (set: readonly Capability[]) => [...new Set([...set, ...caps])];
  const cred = { ...p.cred, bounding: add(p.cred.bounding), permitted: add(p.cred.permitted), effective: add(p.cred.effective) };
  return { ...session, world: { ...session.world, procs: { ...session.world.procs, [p.pid]: { ...p, cred } } } };
}
