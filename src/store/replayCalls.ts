import { runInput } from '../machines/runInput.ts';
import type { RuntimeModel } from '../sim/runtime/types.ts';
import { callRow, REPLAY_MAX_CALLS, runtimeRow, type RunView } from './views.ts';

/** A call of a strace log, as strace printed it, with its line in the log. */
export interface LoggedCallText {
  line: number;
  text: string;
}


/**
 * Calls from a real strace log run one after another on a fresh boot of the
 * runtime (not the terminal's session, which they leave as it was), as one
 * run the diagram plays. The lab simplifies: the calls run in the lab's own
 * world, so a file descriptor or address the traced program had is not there
 * (EBADF, EFAULT) unless an earlier call in the range made it. A call the lab
 * cannot read is skipped and named in stderr with its line. `total` is how
 * many calls the range held, when `calls` is already cut to the first
 * REPLAY_MAX_CALLS (a saved replay keeps only those).
 */
export function replayLoggedCalls(runtime: RuntimeModel, options: Record<string, string>, calls: readonly LoggedCallText[], input: string, total = calls.length): Exclude<RunView, { type: 'idle' }> {
  let session;
  try {
    session = runtime.boot({ options });
  } catch (e) {
    return { type: 'refused', runtime: runtime.id, input, message: `${runtime.label} did not boot: ${e instanceof Error ? e.message : String(e)}`, column: null };
  }
  const layers = runtimeRow(runtime).layers;
  const rows: ReturnType<typeof callRow>[] = [];
  const skipped: string[] = [];
  for (const call of calls.slice(0, REPLAY_MAX_CALLS)) {
    let result: ReturnType<typeof runInput>;
    try {
      result = runInput(session, call.text);
    } catch (e) {
      result = { ok: false, message: `the lab failed on this call (a bug): ${e instanceof Error ? e.message : String(e)}` };
    }
    if (!result.ok) {
      skipped.push(`line ${call.line}: ${result.message}`);
      continue;
    }
    session = result.value.session;
    rows.push(...result.value.calls.map((c) => callRow(c, layers)));
  }
  const held = Math.max(total, calls.length);
  if (held > REPLAY_MAX_CALLS) skipped.push(`only the first ${REPLAY_MAX_CALLS} of ${held} calls were run`);
  const stderr = skipped.length ? `${skipped.join('\n')}\n` : '';
  return { type: 'ran', runtime: runtime.id, input, calls: rows, stdout: '', stderr, status: rows.some((r) => r.failed) ? 1 : 0 };
}
