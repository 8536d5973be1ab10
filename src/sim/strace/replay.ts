import type { ArgNode } from '../syscalls/args.ts';
import type { StaticClassifier, StaticOutcome } from '../trace.ts';
import { argsOrRaw } from './argParser.ts';
import { createLogReader, type LogReader } from './logReader.ts';
import type { CallRecord, StraceRecord } from './records.ts';
import { emptyReport, tallyCall, type ReplayReport } from './replayReport.ts';

/**
 * Replays a strace log against a runtime model's static classifier: every
 * call the log shows is judged by name and (lazily parsed) arguments, and the
 * verdicts are tallied into a ReplayReport. No timers here: `replayChunks`
 * hands control back every `chunkLines` lines and the caller decides when to
 * go on (a browser between animation frames, a CLI at once).
 */

/** Says whether a syscall's outcome may depend on its arguments; for the rest, one verdict per name is kept. */
export type ArgDependence = (name: string) => boolean;

export type ReplayStep =
  | { type: 'progress'; linesRead: number; calls: number; offset: number; length: number }
  | { type: 'done'; report: ReplayReport };

/**
 * Lines per chunk between two yields to the caller. In a fresh browser page,
 * before V8 has optimised the reader, 5,000-line chunks took up to ~110 ms and
 * 1,000-line chunks at most ~36 ms (README, Benchmarks): a page stays responsive
 * only with the smaller ones.
 */
export const DEFAULT_CHUNK_LINES = 1000;

/** Replays the whole log at once. Without `argDependent` every call is classified on its own. */
export function replayLog(text: string, classify: StaticClassifier, argDependent?: ArgDependence): ReplayReport {
  const session = new ReplaySession(text, classify, argDependent);
  while (session.step(Number.POSITIVE_INFINITY));
  return session.report;
}

/** Replays the log `chunkLines` lines at a time, yielding progress in between and the report last. */
export function* replayChunks(
  text: string,
  classify: StaticClassifier,
  chunkLines: number = DEFAULT_CHUNK_LINES,
  argDependent?: ArgDependence,
): Generator<ReplayStep, void, undefined> {
  const session = new ReplaySession(text, classify, argDependent);
  const { reader, report } = session;
  while (session.step(chunkLines)) {
    yield { type: 'progress', linesRead: reader.linesRead, calls: report.calls, offset: reader.offset, length: reader.length };
  }
  yield { type: 'done', report };
}

class ReplaySession {
  readonly reader: LogReader;
  readonly report: ReplayReport = emptyReport();
  /** Verdicts by name; null marks a name whose verdict may depend on its arguments. */
  private readonly memo = new Map<string, StaticOutcome | null>();
  private readonly onRecord = (record: StraceRecord): void => {
    if (record.type === 'call') tallyCall(this.report, record, this.outcomeOf(record));
    else if (record.type === 'unreadable') this.report.unreadable.push({ line: record.lineNo, text: record.text, why: record.why });
  };

  constructor(
    text: string,
    private readonly classify: StaticClassifier,
    private readonly argDependent: ArgDependence | undefined,
  ) {
    this.reader = createLogReader(text);
  }

  /** Reads up to `maxLines` lines; false once the log is done. */
  step(maxLines: number): boolean {
    const more = this.reader.read(maxLines, this.onRecord);
    this.report.lines = this.reader.linesRead;
    return more;
  }

  private outcomeOf(call: CallRecord): StaticOutcome {
    const known = this.memo.get(call.name);
    if (known) return known;
    const raw = call.rawArgs;
    let args: readonly ArgNode[] | null = null;
    const outcome = this.classify(call.name, () => (args ??= argsOrRaw(raw)));
    if (known === undefined) {
      const keep = this.argDependent !== undefined && !this.argDependent(call.name);
      this.memo.set(call.name, keep ? outcome : null);
    }
    return outcome;
  }
}
