import { CH, isDigit } from './argScanner.ts';

/**
 * The prefix strace puts before each event: the pid (`-f`: `1234  ` when
 * writing to a file, `[pid  1234] ` on a terminal), the timestamp (`-t`
 * `04:07:51`, `-tt` `04:07:51.123456`, `-ttt` `1732853271.123456`), the
 * relative time (`-r`: `     0.000185`, or `(+     0.000060)` after an
 * absolute one) and the `-i` instruction pointer or `-n` syscall number
 * in brackets. Read into a reused object: it runs once per line.
 * @see strace(1), options -f, -t, -tt, -ttt, -r, -i, -n
 */
export interface LinePrefix {
  pid: number | null;
  time: number | null;
  delta: number | null;
  /** Index of the first character of the event after the prefix. */
  start: number;
}

export const newPrefix = (): LinePrefix => ({ pid: null, time: null, delta: null, start: 0 });

/** `-r` pads its seconds to six places; an epoch time (`-ttt`) has ten digits. */
const MIN_EPOCH_DIGITS = 7;

const COLON = 58;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** Scratch for the integer readers below: the value read and how many digits it had. */
let num = 0;
let digits = 0;

function readUint(line: string, i: number): number {
  num = 0;
  const from = i;
  for (let c = line.charCodeAt(i); c >= CH.ZERO && c <= CH.NINE; c = line.charCodeAt(++i)) num = num * 10 + c - CH.ZERO;
  digits = i - from;
  return i;
}

/** Reads `.ffffff` at `i` into a fraction of a second; returns the index after it. */
function readFraction(line: string, i: number): number {
  if (line.charCodeAt(i) !== CH.DOT) {
    num = 0;
    return i;
  }
  const end = readUint(line, i + 1);
  num = digits < POW10.length ? num / (POW10[digits] ?? 1) : Number(`0.${line.slice(i + 1, end)}`);
  return end;
}

const skipSpaces = (line: string, i: number): number => {
  while (line.charCodeAt(i) === CH.SPACE) i++;
  return i;
};

export function readPrefix(line: string, p: LinePrefix): void {
  p.pid = null;
  p.time = null;
  p.delta = null;
  let i = skipSpaces(line, 0);
  if (line.startsWith('[pid', i)) {
    const end = readUint(line, skipSpaces(line, i + 4));
    if (digits > 0 && line.charCodeAt(end) === CH.RBRACKET) {
      p.pid = num;
      i = skipSpaces(line, end + 1);
    }
  } else if (isDigit(line.charCodeAt(i))) {
    const end = readUint(line, i);
    if (line.charCodeAt(end) === CH.SPACE) {
      p.pid = num;
      i = skipSpaces(line, end);
    }
  }
  if (isDigit(line.charCodeAt(i))) i = skipSpaces(line, readTime(line, i, p));
  if (line.startsWith('(+', i)) i = skipSpaces(line, readDelta(line, i, p));
  p.start = skipBracket(line, i);
}

/** `04:07:51[.123456]` → seconds since midnight; `1732853271.123456` → epoch seconds; `0.000185` → delta. */
function readTime(line: string, i: number, p: LinePrefix): number {
  let end = readUint(line, i);
  const whole = num;
  const wholeDigits = digits;
  if (line.charCodeAt(end) === COLON) {
    end = readUint(line, end + 1);
    const minutes = num;
    if (line.charCodeAt(end) !== COLON) return i;
    end = readUint(line, end + 1);
    const seconds = num;
    end = readFraction(line, end);
    p.time = whole * 3600 + minutes * 60 + seconds + num;
    return end;
  }
  if (line.charCodeAt(end) !== CH.DOT) return i;
  end = readFraction(line, end);
  if (wholeDigits >= MIN_EPOCH_DIGITS) p.time = whole + num;
  else p.delta = whole + num;
  return end;
}

/** `(+     0.000060)` after an absolute timestamp. */
function readDelta(line: string, i: number, p: LinePrefix): number {
  let end = skipSpaces(line, i + 2);
  end = readUint(line, end);
  const whole = num;
  end = readFraction(line, end);
  if (line.charCodeAt(end) !== CH.RPAREN) return i;
  p.delta = whole + num;
  return end + 1;
}

/** `[00007f3a1c2b4e1d] ` (-i) or `[ 257] ` (-n): kept out of the event text. */
function skipBracket(line: string, i: number): number {
  if (line.charCodeAt(i) !== CH.LBRACKET) return i;
  let j = i + 1;
  for (let c = line.charCodeAt(j); c === CH.SPACE || isHexDigit(c); c = line.charCodeAt(++j));
  if (j === i + 1 || line.charCodeAt(j) !== CH.RBRACKET) return i;
  return skipSpaces(line, j + 1);
}

const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
