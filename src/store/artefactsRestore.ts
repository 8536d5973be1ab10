import type { LabState } from './labStore.ts';
import type { Entry } from './views.ts';

/**
 * How a saved (persistence.ts) or shared (urlApply.ts) line runs again. Most
 * lines are their input, typed again; a run whose input is only a label
 * keeps what it needs beside it: a Spec-pane run its config.json, a replayed
 * strace range its calls, runtime and settings (the log is not kept), and
 * "Use this profile" the profile it wrote on the lab's host, written again
 * first (a reload's host is a fresh boot, so the file would be gone and
 * docker would answer "no such file").
 */
export interface RecordedLine extends Pick<Entry, 'input' | 'spec' | 'replay' | 'hostFile'> {
  /** A lab command (`help`, `compare …`): run through the terminal's path. */
  lab?: true;
}

export function rerunLine(api: LabState, line: RecordedLine): void {
  if (typeof line.spec === 'string') api.applySpec(line.spec);
  else if (line.replay) api.replayStraceCalls(line.input, line.replay.runtime, line.replay.calls, line.replay);
  else if (line.hostFile) api.writeHostFileAndRun(line.hostFile.path, line.hostFile.text, line.input);
  else if (line.lab) api.submitLine(line.input);
  else api.submitCommand(line.input);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCall = (c: unknown) => isRecord(c) && Number.isInteger(c.line) && typeof c.text === 'string';

/** A saved or shared line's `replay` and `hostFile`, when present, have the shapes rerunLine needs (a hand-edited or damaged one is refused, not run). */
export function sourceIsValid(line: Record<string, unknown>): boolean {
  const { replay, hostFile } = line;
  if (replay !== undefined) {
    if (!isRecord(replay) || typeof replay.runtime !== 'string' || !isRecord(replay.options)) return false;
    if (!Object.values(replay.options).every((v) => typeof v === 'string')) return false;
    if (!Array.isArray(replay.calls) || !replay.calls.every(isCall) || !Number.isInteger(replay.total)) return false;
  }
  if (hostFile !== undefined && !(isRecord(hostFile) && typeof hostFile.path === 'string' && typeof hostFile.text === 'string')) return false;
  return line.spec === undefined || typeof line.spec === 'string';
}
