import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/sim/strace/argParser.ts';
import { parseCall } from '../../../src/sim/strace/callParser.ts';
import { createLogReader, readLog } from '../../../src/sim/strace/logReader.ts';
import { replayLog } from '../../../src/sim/strace/replay.ts';
import type { StraceRecord } from '../../../src/sim/strace/records.ts';
import { FILE_F_TT_T_Y, TERMINAL_CLONE_SPLIT, TERMINAL_F_R, TERMINAL_PID_DROPPED } from './fixtures.ts';
import { prng } from '../../helpers/prng.ts';


const REAL_LINES = [FILE_F_TT_T_Y, TERMINAL_F_R, TERMINAL_CLONE_SPLIT, TERMINAL_PID_DROPPED]
  .flatMap((text) => text.split('\n'))
  .filter((line) => line !== '');
const CALLS = REAL_LINES.map((line) => line.replace(/^.*?(?=[a-z_0-9]+\()/, '').replace(/ += .*$/, ''));
/** What strace's syntax is made of, and some of what it is not. */
const SYNTAX = '()[]{}<>"\\,=|.~/* -+?:x0123456789AEabcdef\n\r\t…';

function mangle(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const pick = (): string =>
    rand() < 0.7 ? (SYNTAX[Math.floor(rand() * SYNTAX.length)] ?? '') : String.fromCharCode(Math.floor(rand() * 0xffff));
  switch (Math.floor(rand() * 6)) {
    case 0: return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 4));
    case 1: return text.slice(0, at) + pick() + text.slice(at);
    case 2: return text.slice(0, at) + text.slice(at, at + Math.floor(rand() * 20)).repeat(2) + text.slice(at);
    case 3: return text.slice(0, at);
    case 4: return text.slice(at);
    default: return Array.from({ length: Math.floor(rand() * 60) }, pick).join('');
  }
}

function mangledCorpus(seed: number, count: number, base: readonly string[]): string[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    let text = base[Math.floor(rand() * base.length)] ?? '';
    for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) text = mangle(text, rand);
    return text;
  });
}

const isWellFormed = (r: StraceRecord): boolean =>
  Number.isInteger(r.lineNo) && r.lineNo >= 1 && (r.type !== 'unreadable' || (r.why.length > 0 && typeof r.text === 'string'));

describe('no input makes the strace readers throw', () => {
  const calls = mangledCorpus(1, 5000, CALLS);
  const lines = mangledCorpus(2, 5000, REAL_LINES);

  it.each([
    ['parseCall', calls, parseCall],
    ['parseArgs', calls, parseArgs],
  ])('%s on 5,000 mangled calls: a value, or an error with a column in range', (_name, inputs, parse) => {
    for (const input of inputs) {
      const r = parse(input);
      if (r.ok) continue;
      expect(r.message.length, input).toBeGreaterThan(0);
      expect(r.column, input).toBeGreaterThanOrEqual(1);
      expect(r.column, input).toBeLessThanOrEqual(input.length + 1);
    }
  });

  it('readLog on 5,000 mangled lines, one at a time and all together: every record well formed', () => {
    for (const line of lines) for (const r of readLog(line)) expect(isWellFormed(r), line).toBe(true);
    const all = [...readLog(lines.join('\n'))];
    expect(all.every(isWellFormed)).toBe(true);
    expect(all.some((r) => r.type === 'unreadable')).toBe(true);
    expect(all.some((r) => r.type === 'call')).toBe(true);
  });

  it('parseArgs on the arguments of every call read from mangled lines', () => {
    for (const r of readLog(lines.join('\n'))) if (r.type === 'call') expect(typeof parseArgs(r.rawArgs).ok).toBe('boolean');
  });

  it('replayLog on mangled logs, with a classifier that reads every argument list', () => {
    const report = replayLog(lines.join('\n'), (_name, args) => ({ allowed: args().length % 2 === 0, errno: null, layer: 'x', reason: '' }));
    expect(report.lines).toBe(lines.join('\n').split('\n').length);
    expect(report.unreadable.every((u) => u.why.length > 0)).toBe(true);
  });

  it.each([
    ['deep nesting', `f(${'['.repeat(100_000)}`],
    ['deep nesting in a log', `f(${'{'.repeat(100_000)}) = 0`],
    ['a huge string', `write(1, "${'a'.repeat(200_000)}", 1) = 1`],
    ['quotes only', '"'.repeat(10_001)],
    ['NUL bytes', '\0'.repeat(1000)],
    ['many " = "', `f(${' = '.repeat(50_000)}`],
    ['lone surrogates', '\ud800(\udc00) = \ud800'],
  ])('%s', (_what, input) => {
    expect(parseCall(input).ok).toBe(false);
    expect(typeof parseArgs(input).ok).toBe('boolean');
    const reader = createLogReader(input);
    const got: StraceRecord[] = [];
    while (reader.read(10, (r) => got.push(r)));
    expect(got.every(isWellFormed)).toBe(true);
  });
});
