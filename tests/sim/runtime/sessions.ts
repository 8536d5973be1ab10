import { runInput, type InputRun } from '../../../src/machines/runInput.ts';
import { userCredentials } from '../../../src/sim/kernel/credentials.ts';
import { findRuntime } from '../../../src/sim/runtime/registry.ts';
import type { BootOptions, RuntimeId, Session } from '../../../src/sim/runtime/types.ts';
import type { CallTrace, Hop } from '../../../src/sim/trace.ts';

/** Test helpers: fresh sessions, and input run through the kernel's dispatch machine. */

export function boot(id: RuntimeId, options?: BootOptions): Session {
  const rt = findRuntime(id);
  if (!rt) throw new Error(`no runtime ${id}`);
  return rt.boot(options);
}

/**
 * The session with its shell switched to a plain user: `uid`, no capabilities
 * (what execve of a non-setuid program leaves a non-root user, capabilities(7)).
 */
export function asUser(session: Session, uid = 1000): Session {
  const p = session.world.procs[session.pid];
  if (!p) throw new Error('the session has no shell');
  const proc = { ...p, cred: userCredentials(uid, uid, p.cred.bounding) };
  return { ...session, world: { ...session.world, procs: { ...session.world.procs, [p.pid]: proc } } };
}

/** Runs each line in turn (each one sees the world the last left); returns the last line's run. */
export function run(session: Session, ...lines: string[]): InputRun {
  let last: InputRun | undefined;
  let current = session;
  for (const line of lines) {
    const r = runInput(current, line);
    if (!r.ok) throw new Error(`'${line}' was refused: ${r.message}`);
    last = r.value;
    current = r.value.session;
  }
  if (!last) throw new Error('no input');
  return last;
}

/** The one call a bare syscall line makes (after any earlier lines). */
export function call(session: Session, ...lines: string[]): CallTrace {
  const calls = run(session, ...lines).calls;
  const [only] = calls;
  if (calls.length !== 1 || !only) throw new Error(`expected one call, got ${calls.length}`);
  return only;
}

/** The call of a command that made `name`, first of its kind. */
export function callNamed(r: InputRun, name: string): CallTrace {
  const c = r.calls.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} call in ${r.calls.map((x) => x.name).join(', ')}`);
  return c;
}

/** The gates a call went through, as [layer, verdict] pairs. */
export const pathOf = (c: CallTrace): [string, string][] => c.hops.map((h: Hop) => [h.layer, h.verdict]);

/** The hops every call starts with: the program, its C library, the syscall instruction. */
export const ENTRY: [string, string][] = [['app', 'pass'], ['libc', 'pass'], ['syscall', 'pass']];
