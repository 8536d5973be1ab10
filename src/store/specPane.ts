import type { Localized } from '../sim/text/language.ts';
import type { RunView } from './views.ts';

/**
 * What the Spec pane needs beyond the store's state: where in config.json a
 * refusal points, and the words to show when a run from the pane failed.
 * The reader (src/sim/oci/specParse.ts) ends its messages with
 * `(line N, column M)` and starts them with the JSON path.
 */
export interface SpecProblem {
  message: string;
  /** The JSON path the reader named (`linux.namespaces[1].type`), or null. */
  path: string | null;
  line: number | null;
  column: number | null;
  /** The reader's refusal in both languages (the engine words it when it refuses), for the pane to show in the page's language. */
  worded?: Localized;
}

/** The label the store records a run from the pane under (the terminal echoes it). */
export const SPEC_RUN_INPUT = 'runc run (config.json)';

export function specProblemOf(message: string): SpecProblem {
  const at = /\(line (\d+), column (\d+)\)\s*$/.exec(message) ?? /at line (\d+), column (\d+)/.exec(message);
  const path = /^([A-Za-z][\w.]*(?:\[\d+\][\w.]*)*): /.exec(message)?.[1] ?? null;
  return { message, path: path === 'config.json' ? null : path, line: at ? Number(at[1]) : null, column: at ? Number(at[2]) : null };
}

/** The pane's verdict on a run: null when the container started, else the problem to show beside the editor. */
export function specRunProblem(run: Exclude<RunView, { type: 'idle' }>): SpecProblem | null {
  if (run.type === 'refused') {
    const place = specProblemOf(run.message);
    return run.problem?.type === 'worded' ? { ...place, worded: run.problem.text } : place;
  }
  if (run.status === 0) return null;
  return { message: run.stderr.trim() || `runc exited with status ${run.status}`, path: null, line: null, column: null };
}

/** The offset in `text` of a 1-based line and column (for putting the caret there). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/**
 * What `runc spec` writes, as the pane's starting point when the terminal is
 * in no container. Loaded on demand so the model stays out of the page's
 * first script.
 */
export async function runcDefaultSpec(): Promise<string> {
  const [{ runcSpec }, { specToJson }] = await Promise.all([import('../sim/oci/runcSpec.ts'), import('../sim/oci/specJson.ts')]);
  return specToJson(runcSpec());
}
