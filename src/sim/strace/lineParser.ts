import { CH, isIdentPart, isIdentStart } from './argScanner.ts';
import { newResult, readResult } from './callResult.ts';
import { newPrefix, readPrefix, type LinePrefix } from './linePrefix.ts';
import { readMarker, unreadable } from './markerLines.ts';
import type { AttachRecord, CallRecord, StraceRecord } from './records.ts';

/**
 * Reads one line of a strace log into an event, before `<unfinished ...>`
 * and `<... NAME resumed>` parts are joined (logReader.ts does that).
 * The hot path of the reader: no regular expressions, no argument parsing.
 */

/** The second half of a split call, to be joined to its `<unfinished ...>` start. */
export type ResumedPart = Omit<CallRecord, 'type'> & { type: 'resumed' };

/** A call line cut by strace's own `strace: Process N attached` message; `head` continues on the next line. */
export interface SplitLine {
  type: 'split';
  attach: AttachRecord;
  head: string;
}

export type LineEvent = StraceRecord | ResumedPart | SplitLine;

const UNFINISHED = '<unfinished ...>';
/** What strace prints when it lets go of a process in the middle of a call: it will not resume. */
export const DETACHED = '<detached ...>';
const RESUMED = ' resumed>';

/** Reused across calls: one line is read at a time. */
const prefix: LinePrefix = newPrefix();
const result = newResult();

/** The event on `line` (no line break), or null for a blank line. */
export function parseLine(line: string, lineNo: number): LineEvent | null {
  readPrefix(line, prefix);
  const start = prefix.start;
  const c = line.charCodeAt(start);
  if (start >= line.length) return line.trim() === '' ? null : unreadable(lineNo, line, { type: 'prefix-only' });
  if (c === CH.TAB && line.trim() === '') return null;
  if (isIdentStart(c) && !line.startsWith('strace: ', start)) return callLine(line, start, lineNo);
  if (line.startsWith('<... ', start)) return resumedLine(line, start, lineNo);
  return readMarker(line, start, lineNo, prefix);
}

function callLine(line: string, start: number, lineNo: number): LineEvent {
  let open = start + 1;
  while (isIdentPart(line.charCodeAt(open))) open++;
  if (line.charCodeAt(open) !== CH.LPAREN) {
    const name = line.slice(start, open);
    return unreadable(lineNo, line, { type: 'name-not-call', name, char: open < line.length ? line.charCodeAt(open) : -1 });
  }
  return callBody(line, line.slice(start, open), open + 1, lineNo, 'call');
}

function resumedLine(line: string, start: number, lineNo: number): LineEvent {
  const mark = line.indexOf(RESUMED, start + 4);
  if (mark < 0) return unreadable(lineNo, line, { type: 'resumed-no-name' });
  return callBody(line, line.slice(start + 5, mark).trim(), mark + RESUMED.length, lineNo, 'resumed');
}

/** The arguments and result of a call or of its resumed half, starting at `from`. */
function callBody(line: string, name: string, from: number, lineNo: number, type: 'call' | 'resumed'): LineEvent {
  const tail = line.endsWith(UNFINISHED) ? UNFINISHED : line.endsWith(DETACHED) ? DETACHED : null;
  if (tail !== null) return makeCall(type, lineNo, name, line.slice(from, line.length - tail.length).trimEnd(), tail);
  const eq = findResult(line, from);
  if (eq < 0) return splitLine(line, from, lineNo) ?? unreadable(lineNo, line, { type: 'cut-short' });
  let close = eq - 1;
  while (line.charCodeAt(close) !== CH.RPAREN) close--;
  const why = readResult(line, eq + 1, result);
  if (why !== null) return unreadable(lineNo, line, why);
  return makeCall(type, lineNo, name, line.slice(from, close), null);
}

/**
 * The index of the `=` that starts the result: the last ` = ` preceded
 * (after strace's alignment padding) by `)`. Searching from the end skips
 * any ` = ` inside string arguments without scanning them.
 */
function findResult(line: string, from: number): number {
  for (let i = line.lastIndexOf(' = '); i >= from; i = line.lastIndexOf(' = ', i - 1)) {
    let j = i;
    while (j > from && line.charCodeAt(j - 1) === CH.SPACE) j--;
    if (line.charCodeAt(j - 1) === CH.RPAREN && j - 1 >= from) return i + 1;
    if (i === 0) break;
  }
  return -1;
}

/** `clone(…|SIGCHLDstrace: Process 5334 attached`: strace wrote its message into the middle of a line. */
function splitLine(line: string, from: number, lineNo: number): SplitLine | null {
  const at = line.indexOf('strace: Process ', from);
  if (at < 0) return null;
  const marker = readMarker(line.slice(at), 0, lineNo, null);
  if (marker.type !== 'attach' && marker.type !== 'detach') return null;
  return { type: 'split', attach: marker, head: line.slice(0, at) };
}

function makeCall(type: 'call' | 'resumed', lineNo: number, name: string, rawArgs: string, tail: string | null): CallRecord | ResumedPart {
  const done = tail === null;
  return {
    type: type as 'call',
    lineNo,
    pid: prefix.pid,
    time: prefix.time,
    delta: prefix.delta,
    name,
    rawArgs,
    retval: done ? result.retval : null,
    errno: done ? result.errno : null,
    errnoText: done ? result.errnoText : null,
    annotation: done ? result.annotation : tail,
    duration: done ? result.duration : null,
    unfinished: !done,
    resumedLineNo: type === 'resumed' ? lineNo : null,
  };
}
