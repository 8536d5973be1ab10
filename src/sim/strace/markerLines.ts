import { show } from './argScanner.ts';
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

export const unreadable = (lineNo: number, text: string, why: string): UnreadableRecord => ({ type: 'unreadable', lineNo, text: text.trimEnd(), why });

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
  if (!body) return unreadable(base.lineNo, line, "a signal line is '--- SIGNAME {…} ---'; this one is not closed by ' ---'");
  if (body.startsWith('stopped by ')) return { ...base, type: 'signal', signal: body.slice(11).trim(), info: null, stopped: true };
  const space = body.indexOf(' ');
  const signal = space < 0 ? body : body.slice(0, space);
  return { ...base, type: 'signal', signal, info: space < 0 ? null : body.slice(space + 1).trim(), stopped: false };
}

function endLine(line: string, start: number, base: RecordBase): StraceRecord {
  const body = between(line, start, ' +++');
  if (body === null) return unreadable(base.lineNo, line, "a line about a process's end is '+++ … +++'; this one is not closed by ' +++'");
  const exited = EXITED.exec(body);
  if (exited) return { ...base, type: 'exit', code: Number(exited[1]) };
  const killed = KILLED.exec(body);
  if (killed) return { ...base, type: 'killed', signal: killed[1] ?? '', coreDumped: killed[2] !== undefined };
  const superseded = SUPERSEDED.exec(body);
  if (superseded) return { ...base, type: 'superseded', byPid: Number(superseded[1]) };
  return unreadable(base.lineNo, line, `'+++ ${body} +++' is none of 'exited with N', 'killed by SIG…' or 'superseded by execve in pid N'`);
}

function whyUnknown(line: string, start: number): string {
  if (line.startsWith('strace: ', start)) return "strace's own message, not an event of a traced process";
  if (line.startsWith('% time', start) || line.startsWith('------', start)) return 'part of a strace -c summary table, not a traced event';
  if (line.startsWith('> ', start)) return 'a stack frame printed by strace -k, not a traced event';
  const what = start > 0 ? `after the prefix, column ${start + 1} has` : 'the line starts with';
  return `expected a call such as getpid() = 1, a signal '--- SIG… ---', an exit '+++ … +++' or a 'strace:' message, but ${what} ${show(line.charCodeAt(start))}`;
}
