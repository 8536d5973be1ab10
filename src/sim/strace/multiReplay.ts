import type { ArgNode } from '../syscalls/args.ts';
import type { StaticClassifier, StaticOutcome } from '../trace.ts';
import { argsOrRaw } from './argParser.ts';
import { createLogReader, type LogReader } from './logReader.ts';
import type { CallRecord, StraceRecord } from './records.ts';
import type { ArgDependence } from './replay.ts';
import type { StraceLineProblem } from './lineProblem.ts';
import { differsFromLog, emptyReport, tallyCall, type ReplayReport, type UnreadableLine } from './replayReport.ts';

/**
 * One read of a strace log judged by several runtimes at once (the page's
 * "Bring your own" report): each runtime gets the same ReplayReport that
 * `isolab replay` prints (tallyCall, the same memo by name), plus the calls
 * it would stop, each with its line, so a person can find them in the log.
 * The log is read once; its calls are kept (name, arguments, line) so a
 * range of them can be run again in the lab. Chunked like replayChunks:
 * the caller decides when to go on.
 */

export interface RuntimeJudge {
  id: string;
  classify: StaticClassifier;
  argDependent: ArgDependence;
}

/** One call a runtime would stop, where the log has it. */
export interface StoppedCall {
  /** 1-based line of the call (its first part, for a call strace split). */
  line: number;
  name: string;
  layer: string;
  /** Null when the gate kills the caller (SIGSYS) instead of returning an errno. */
  errno: string | null;
  reason: string;
  /** The log shows the call succeeding (or failing otherwise): the runtime would change what the program saw. */
  differs: boolean;
}

export interface RuntimeReplay {
  runtime: string;
  report: ReplayReport;
  stopped: StoppedCall[];
}

/** The log's calls as they were read: what a replay of a range runs again. */
export interface LoggedCall {
  line: number;
  name: string;
  rawArgs: string;
}

export interface MultiReplay {
  lines: number;
  calls: LoggedCall[];
  /** Each with its problem as data, for the page to word in its language. */
  unreadable: (UnreadableLine & { problem: StraceLineProblem })[];
  runtimes: RuntimeReplay[];
}

export type MultiReplayStep =
  | { type: 'progress'; linesRead: number; offset: number; length: number }
  | { type: 'done'; result: MultiReplay };

/** Judges the log `chunkLines` lines at a time under every runtime given, yielding progress in between and the result last. */
export function* multiReplayChunks(text: string, judges: readonly RuntimeJudge[], chunkLines = 1000): Generator<MultiReplayStep, void, undefined> {
  const reader: LogReader = createLogReader(text);
  const result: MultiReplay = { lines: 0, calls: [], unreadable: [], runtimes: judges.map((j) => ({ runtime: j.id, report: emptyReport(), stopped: [] })) };
  const memos = judges.map(() => new Map<string, StaticOutcome | null>());
  const onRecord = (record: StraceRecord): void => {
    if (record.type === 'unreadable') {
      result.unreadable.push({ line: record.lineNo, text: record.text, why: record.why, problem: record.problem });
      for (const r of result.runtimes) r.report.unreadable.push({ line: record.lineNo, text: record.text, why: record.why });
      return;
    }
    if (record.type !== 'call') return;
    result.calls.push({ line: record.lineNo, name: record.name, rawArgs: record.rawArgs });
    judges.forEach((judge, k) => judgeCall(record, judge, memos[k] ?? new Map(), result.runtimes[k]));
  };
  let more = true;
  while (more) {
    more = reader.read(chunkLines, onRecord);
    result.lines = reader.linesRead;
    for (const r of result.runtimes) r.report.lines = reader.linesRead;
    if (more) yield { type: 'progress', linesRead: reader.linesRead, offset: reader.offset, length: reader.length };
  }
  // The reader emits a split call when it resumes: keep the log's order for the tables.
  result.calls.sort((a, b) => a.line - b.line);
  for (const r of result.runtimes) r.stopped.sort((a, b) => a.line - b.line);
  yield { type: 'done', result };
}

/** The whole log at once (tests, small logs). */
export function multiReplay(text: string, judges: readonly RuntimeJudge[]): MultiReplay {
  let last: MultiReplay | null = null;
  for (const step of multiReplayChunks(text, judges, Number.POSITIVE_INFINITY)) if (step.type === 'done') last = step.result;
  return last ?? { lines: 0, calls: [], unreadable: [], runtimes: [] };
}

function judgeCall(call: CallRecord, judge: RuntimeJudge, memo: Map<string, StaticOutcome | null>, into: RuntimeReplay | undefined): void {
  if (!into) return;
  const outcome = outcomeOf(call, judge, memo);
  tallyCall(into.report, call, outcome);
  if (!outcome.allowed) {
    into.stopped.push({ line: call.lineNo, name: call.name, layer: outcome.layer, errno: outcome.errno, reason: outcome.reason, differs: differsFromLog(call, outcome) });
  }
}

/** As replay.ts's ReplaySession: one verdict per name unless the runtime says it may depend on the arguments. */
function outcomeOf(call: CallRecord, judge: RuntimeJudge, memo: Map<string, StaticOutcome | null>): StaticOutcome {
  const known = memo.get(call.name);
  if (known) return known;
  const raw = call.rawArgs;
  let args: readonly ArgNode[] | null = null;
  const outcome = judge.classify(call.name, () => (args ??= argsOrRaw(raw)));
  if (known === undefined) memo.set(call.name, judge.argDependent(call.name) ? null : outcome);
  return outcome;
}
