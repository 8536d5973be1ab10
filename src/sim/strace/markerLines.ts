import { straceLineProblemText, type StraceLineProblem } from './lineProblem.ts';
import type { LinePrefix } from './linePrefix.ts';
import type { RecordBase, StraceRecord, UnreadableRecord } from './records.ts';

/**
 * The lines of a strace log that are not calls: signals (`--- SIGCHLD {…} ---`),
 * ends of processes (`+++ exited with 0 +++`, `+++ killed by SIGKILL +++`) and
 * strace's own `strace: Process 1234 attached` messages — and, failing all
 * of those, the reason a line cannot be read.
 * @see strace(1), "DESCRIPTION" (signals, exits) and option -f
 */

const EXITED = /^exited with (-?\d+)$/;
const KILLED = /^killed by (\S+?)( \(core dumped\))?$/;
const SUPERSEDED = /^superseded by execve in pid (\d+)$/;
const ATTACH = /^strace: Process (\d+) (attached|detached)\b/;

export const unreadable = (lineNo: number, text: string, problem: StraceLineProblem): UnreadableRecord => ({ type: 'unreadable', lineNo, text: text.trimEnd(), why: straceLineProblemText(problem), problem });

/** The event at `start` of `line`; `p` is the prefix read before it (null when there was none). */
export function readMarker(line: string, start: number, lineNo: number, p: LinePrefix | null): StraceRecord {
  const base: RecordBase = { lineNo, pid: p?.pid ?? null, time: p?.time ?? null, delta: p?.delta ?? null };
  if (line.startsWith('--- ', start)) return signalLine(line, start, base);
  if (line.startsWith('+++ ', start)) return endLine(line, start, base);
  const attach = ATTACH.exec(line.slice(start));
  if (attach) return { ...base, type: attach[2] === 'attached' ? 'attach' : 'detach', target: Number(attach[1]) };
  return unreadable(lineNo, line, whyUnknown(line, start));
}

/** The text between `open` and a closing `close` marker, or null when the line does not end with it. */
function between(line: string, start: number, close: string): string | null {
  const text = line.trimEnd();
  if (text.length < start + 4 + close.length || !text.endsWith(close)) return null;
  return text.slice(start + 4, text.length - close.length).trim();
}

function signalLine(line: string, start: number, base: RecordBase): StraceRecord {
  const body = between(line, start, ' ---');
  if (!body) return unreadable(base.lineNo, line, { type: 'signal-open' });
  if (body.startsWith('stopped by ')) return { ...base, type: 'signal', signal: body.slice(11).trim(), info: null, stopped: true };
  const space = body.indexOf(' ');
  const signal = space < 0 ? body : body.slice(0, space);
  return { ...base, type: 'signal', signal, info: space < 0 ? null : body.slice(space + 1).trim(), stopped: false };
}

function endLine(line: string, start: number, base: RecordBase): StraceRecord {
  const body = between(line, start, ' +++');
  if (body === null) return unreadable(base.lineNo, line, { type: 'end-open' });
  const exited = EXITED.exec(body);
  if (exited) return { ...base, type: 'exit', code: Number(exited[1]) };
  const killed = KILLED.exec(body);
  if (killed) return { ...base, type: 'killed', signal: killed[1] ?? '', coreDumped: killed[2] !== undefined };
  const superseded = SUPERSEDED.exec(body);
  if (superseded) return { ...base, type: 'superseded', byPid: Number(superseded[1]) };
  return unreadable(base.lineNo, line, { type: 'end-unknown', body });
}

function whyUnknown(line: string, start: number): StraceLineProblem {
  if (line.startsWith('strace: ', start)) return { type: 'strace-message' };
  if (line.startsWith('% time', start) || line.startsWith('------', start)) return { type: 'summary-table' };
  if (line.startsWith('> ', start)) return { type: 'stack-frame' };
  return { type: 'unexpected-start', column: start > 0 ? start + 1 : null, char: charAt(line, start) };
}

/** The UTF-16 code at `i`, or -1 past the end (what `show` calls the end of the text). */
const charAt = (line: string, i: number): number => (i < line.length ? line.charCodeAt(i) : -1);
