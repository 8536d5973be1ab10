import { DETACHED, parseLine, type ResumedPart } from './lineParser.ts';
import { unreadable } from './markerLines.ts';
import type { CallRecord, StraceRecord } from './records.ts';

/**
 * Reads a whole strace log, in whatever format strace wrote it, into
 * records — a few thousand lines at a time if the caller wants, so a browser
 * can yield to its event loop in between. Joins `<unfinished ...>` with its
 * `<... NAME resumed>` (matched by pid) into one call, emitted when the
 * resumed line is read; a call never resumed is emitted with `unfinished`
 * when its process ends or the log does. Never throws.
 * @see strace(1), option -f ("unfinished" and "resumed" calls)
 */
export interface LogReader {
  /** Reads up to `maxLines` more lines, passing each completed record to `emit`; false once the log is done. */
  read(maxLines: number, emit: (record: StraceRecord) => void): boolean;
  /** Lines read so far (blank ones included). */
  readonly linesRead: number;
  /** Characters read so far, and in all, for a progress bar. */
  readonly offset: number;
  readonly length: number;
}

export function createLogReader(text: string): LogReader {
  return new Reader(text);
}

/** Every record of the log, in the order they complete. */
export function* readLog(text: string): Generator<StraceRecord, void, undefined> {
  const reader = createLogReader(text);
  const batch: StraceRecord[] = [];
  const push = (record: StraceRecord): void => void batch.push(record);
  for (let more = true; more; batch.length = 0) {
    more = reader.read(1000, push);
    yield* batch;
  }
}

/** The pid strace leaves off the first process's lines until a second appears (`-f` to a terminal). */
const NO_PID = -1;
const CR = 13;

class Reader implements LogReader {
  linesRead = 0;
  offset = 0;
  readonly length: number;
  private carry: { head: string; lineNo: number } | null = null;
  private readonly pending = new Map<number, CallRecord>();

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  read(maxLines: number, emit: (record: StraceRecord) => void): boolean {
    const text = this.text;
    const limit = maxLines >= 1 ? maxLines : 1;
    for (let n = 0; n < limit && this.offset < this.length; n++) {
      let nl = text.indexOf('\n', this.offset);
      if (nl < 0) nl = this.length;
      const end = nl > this.offset && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const line = text.slice(this.offset, end);
      this.offset = nl + 1;
      this.take(line, ++this.linesRead, emit);
    }
    if (this.offset < this.length) return true;
    this.offset = this.length;
    this.finish(emit);
    return false;
  }

  private take(line: string, lineNo: number, emit: (record: StraceRecord) => void): void {
    if (this.carry) {
      line = this.carry.head + line;
      lineNo = this.carry.lineNo;
      this.carry = null;
    }
    if (line.length === 0) return;
    const event = parseLine(line, lineNo);
    if (event === null) return;
    if (event.type === 'call') {
      if (event.unfinished && event.annotation !== DETACHED) this.hold(event, emit);
      else emit(event);
    } else if (event.type === 'resumed') this.resume(event, emit);
    else if (event.type === 'split') {
      emit(event.attach);
      this.carry = { head: event.head, lineNo };
    } else {
      if (event.type === 'exit' || event.type === 'killed' || event.type === 'superseded') this.flush(event.pid ?? NO_PID, emit);
      emit(event);
    }
  }

  private hold(call: CallRecord, emit: (record: StraceRecord) => void): void {
    this.flush(call.pid ?? NO_PID, emit);
    this.pending.set(call.pid ?? NO_PID, call);
  }

  private flush(key: number, emit: (record: StraceRecord) => void): void {
    const call = this.pending.get(key);
    if (call === undefined) return;
    this.pending.delete(key);
    emit(call);
  }

  private resume(part: ResumedPart, emit: (record: StraceRecord) => void): void {
    const key = this.startOf(part);
    const start = key === undefined ? undefined : this.pending.get(key);
    if (key === undefined || start === undefined) {
      const own = this.pending.get(part.pid ?? NO_PID);
      if (own !== undefined && own.name !== part.name) this.flush(part.pid ?? NO_PID, emit);
      emit(Object.assign(part, { type: 'call' as const }));
      return;
    }
    this.pending.delete(key);
    start.rawArgs = joinArgs(start.rawArgs, part.rawArgs);
    start.retval = part.retval;
    start.errno = part.errno;
    start.errnoText = part.errnoText;
    start.annotation = part.annotation;
    start.duration = part.duration;
    start.resumedLineNo = part.lineNo;
    start.pid ??= part.pid;
    start.unfinished = part.unfinished;
    if (part.unfinished) this.pending.set(key, start);
    else emit(start);
  }

  /**
   * The pending key the resumed part belongs to. strace on a terminal drops
   * the `[pid N]` prefix while only one process is traced, so a start without
   * a pid may resume with one, and the other way round.
   */
  private startOf(part: ResumedPart): number | undefined {
    const key = part.pid ?? NO_PID;
    const own = this.pending.get(key);
    if (own !== undefined && (part.name === '' || own.name === part.name)) return key;
    if (this.pending.get(NO_PID)?.name === part.name) return NO_PID;
    if (part.pid !== null) return undefined;
    let best: CallRecord | undefined;
    for (const call of this.pending.values()) if (call.name === part.name && (best === undefined || call.lineNo > best.lineNo)) best = call;
    return best === undefined ? undefined : (best.pid ?? NO_PID);
  }

  private finish(emit: (record: StraceRecord) => void): void {
    if (this.carry) {
      emit(unreadable(this.carry.lineNo, this.carry.head, { type: 'attach-cut' }));
      this.carry = null;
    }
    const left = [...this.pending.values()].sort((a, b) => a.lineNo - b.lineNo);
    this.pending.clear();
    for (const call of left) emit(call);
  }
}

/** `-1, ` + `[{WIFEXITED(s) …}], 0, NULL`: the two halves of a split call's arguments. */
function joinArgs(head: string, tail: string): string {
  const a = head.trimEnd();
  const b = tail.trimStart();
  if (a === '' || b === '') return a + b;
  return a.endsWith(',') ? `${a} ${b}` : a + b;
}
