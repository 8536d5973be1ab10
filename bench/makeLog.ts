// Produces the logs the replay benchmark reads, by running strace for real:
// bench/out/replay-200k.strace (exactly 200,000 lines) and
// bench/out/replay-100k-calls.strace (the lines holding the first 100,000 calls).
// Without a working strace it repeats bench/sample.strace, a real capture.
// Run alone with `node bin/run-ts.mjs bench/makeLog.ts [--force]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT = join(HERE, 'out');
export const BIG_LOG = join(OUT, 'replay-200k.strace');
export const CALLS_LOG = join(OUT, 'replay-100k-calls.strace');
const SOURCE = join(OUT, 'replay-source.txt');
export const LINES = 200_000;
export const CALLS = 100_000;

/** What the traced shell does: directory listings and file reads, like a small container workload. */
const SCRIPT = 'for i in $(seq 1 60); do ls -la /usr/lib >/dev/null; cat /etc/passwd >/dev/null; done';
const STRACE_ARGS = ['-f', '-tt', '-T', '-y'];

/** A line that completes a call: a call or a resumed half, not an `<unfinished ...>` start. */
const COMPLETES_CALL = /^\d+ +[\d:.]+ (?:[A-Za-z_][A-Za-z0-9_]*\(|<\.\.\. )/;

export interface LogFiles {
  big: string;
  calls: string;
  source: 'strace' | 'sample';
}

export function makeLogs(force = false): LogFiles {
  if (!force && existsSync(BIG_LOG) && existsSync(CALLS_LOG) && existsSync(SOURCE)) {
    const source = readFileSync(SOURCE, 'utf8').trim() === 'sample' ? 'sample' : 'strace';
    return { big: BIG_LOG, calls: CALLS_LOG, source };
  }
  mkdirSync(OUT, { recursive: true });
  const traced = traceForReal();
  const lines = traced ?? fromSample();
  writeFileSync(BIG_LOG, `${lines.slice(0, LINES).join('\n')}\n`);
  writeFileSync(CALLS_LOG, `${firstCalls(lines, CALLS).join('\n')}\n`);
  writeFileSync(SOURCE, traced ? 'strace\n' : 'sample\n');
  return { big: BIG_LOG, calls: CALLS_LOG, source: traced ? 'strace' : 'sample' };
}

function traceForReal(): string[] | null {
  if (spawnSync('strace', ['-V'], { stdio: 'ignore' }).status !== 0) return null;
  const part = join(OUT, 'part.strace');
  const lines: string[] = [];
  while (lines.length < LINES) {
    const run = spawnSync('strace', [...STRACE_ARGS, '-o', part, 'sh', '-c', SCRIPT], { cwd: OUT, stdio: 'ignore' });
    if (run.status !== 0 || !existsSync(part)) return null;
    for (const line of readFileSync(part, 'utf8').split('\n')) if (line !== '') lines.push(line);
    process.stderr.write(`  traced ${Math.min(lines.length, LINES)} / ${LINES} lines\r`);
  }
  process.stderr.write('\n');
  rmSync(part, { force: true });
  return lines;
}

function fromSample(): string[] {
  const sample = readFileSync(join(HERE, 'sample.strace'), 'utf8').split('\n').filter((l) => l !== '');
  const lines: string[] = [];
  while (lines.length < LINES) for (const line of sample) lines.push(line);
  return lines;
}

function firstCalls(lines: string[], calls: number): string[] {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (COMPLETES_CALL.test(line) && !line.endsWith('<unfinished ...>') && ++seen === calls) return lines.slice(0, i + 1);
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = makeLogs(process.argv.includes('--force'));
  process.stdout.write(`wrote ${files.big} and ${files.calls} (from ${files.source})\n`);
}
