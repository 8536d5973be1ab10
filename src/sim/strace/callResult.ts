import { errnoByName } from '../errno.ts';
import { CH, isDigit } from './argScanner.ts';
import type { StraceLineProblem } from './lineProblem.ts';

/**
 * The part of a call line after ` = `: the return value (`3`, `0x7f12…`,
 * `-1`, `?`), the errno and its text (`ENOENT (No such file or directory)`),
 * what strace annotates the value with (`</etc/passwd>` with -y,
 * `(flags O_RDONLY)`, `(Timeout)`) and the `-T` time `<0.000012>`.
 * Read into a reused object: it runs once per call line.
 * @see strace(1), "DESCRIPTION" (return values) and option -T
 */
export interface CallResult {
  retval: number | null;
  errno: string | null;
  errnoText: string | null;
  annotation: string | null;
  duration: number | null;
}

export const newResult = (): CallResult => ({ retval: null, errno: null, errnoText: null, annotation: null, duration: null });

const QUESTION = 63;
const UPPER_E = 69;
/** Beyond 15 digits a running product may round; let Number() parse those. */
const EXACT_DIGITS = 15;

const skipSpaces = (line: string, i: number): number => {
  while (line.charCodeAt(i) === CH.SPACE) i++;
  return i;
};

const trimEnd = (line: string, end: number): number => {
  while (end > 0 && line.charCodeAt(end - 1) === CH.SPACE) end--;
  return end;
};

/** Reads the result starting at `at` (just after the `=`); null when it reads, else why it does not. */
export function readResult(line: string, at: number, r: CallResult): StraceLineProblem | null {
  r.retval = null;
  r.errno = null;
  r.errnoText = null;
  r.annotation = null;
  r.duration = null;
  const end = readDuration(line, at, trimEnd(line, line.length), r);
  let i = skipSpaces(line, at);
  const c = line.charCodeAt(i);
  if (c === QUESTION) i++;
  else if (isDigit(c) || (c === CH.MINUS && isDigit(line.charCodeAt(i + 1)))) i = readRetval(line, i, r);
  else if (i >= end) return { type: 'no-return-value' };
  else return { type: 'bad-return-value', text: line.slice(i, Math.min(end, i + 24)) };
  const next = line.charCodeAt(i);
  if (i < end && next !== CH.SPACE && next !== CH.LT) return { type: 'after-return-value', char: next, column: i + 1 };
  i = skipSpaces(line, readErrno(line, i, end, r));
  if (i < end) r.annotation = line.slice(i, end);
  return null;
}

/** `<0.000012>` at the end of the line (-T); returns where the rest of the result ends. */
function readDuration(line: string, at: number, end: number, r: CallResult): number {
  if (line.charCodeAt(end - 1) !== CH.GT) return end;
  const lt = line.lastIndexOf('<', end - 1);
  if (lt <= at || !isDigit(line.charCodeAt(lt + 1))) return end;
  let seconds = 0;
  let scale = 0;
  for (let i = lt + 1; i < end - 1; i++) {
    const c = line.charCodeAt(i);
    if (c === CH.DOT && scale === 0) scale = 1;
    else if (!isDigit(c)) return end;
    else if (scale === 0) seconds = seconds * 10 + c - CH.ZERO;
    else seconds += (c - CH.ZERO) / (scale *= 10);
  }
  r.duration = seconds;
  return trimEnd(line, lt);
}

function readRetval(line: string, i: number, r: CallResult): number {
  const start = i;
  const neg = line.charCodeAt(i) === CH.MINUS;
  if (neg) i++;
  let v = 0;
  if (line.charCodeAt(i) === CH.ZERO && line.charCodeAt(i + 1) === 120) {
    for (i += 2; ; i++) {
      const c = line.charCodeAt(i) | 32;
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (d < 0) break;
      v = v * 16 + d;
    }
  } else {
    for (let c = line.charCodeAt(i); isDigit(c); c = line.charCodeAt(++i)) v = v * 10 + c - CH.ZERO;
    if (i - start > EXACT_DIGITS) v = Math.abs(Number(line.slice(start, i)));
  }
  r.retval = neg ? -v : v;
  return i;
}

/** `ENOENT (No such file or directory)` after the value; returns the index after it, or `i` if none. */
function readErrno(line: string, i: number, end: number, r: CallResult): number {
  const j = skipSpaces(line, i);
  if (line.charCodeAt(j) !== UPPER_E) return i;
  let k = j + 1;
  for (let c = line.charCodeAt(k); (c >= 65 && c <= 90) || isDigit(c) || c === 95; c = line.charCodeAt(++k));
  if (k < end && line.charCodeAt(k) !== CH.SPACE) return i;
  const name = line.slice(j, k);
  r.errno = errnoByName(name) ?? name;
  const open = skipSpaces(line, k);
  if (line.charCodeAt(open) !== CH.LPAREN) return k;
  const close = line.indexOf(')', open);
  if (close < 0 || close >= end) return k;
  r.errnoText = line.slice(open + 1, close);
  return close + 1;
}
