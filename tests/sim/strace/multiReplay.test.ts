import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNTIMES } from '../../../src/sim/runtime/registry.ts';
import { multiReplay, multiReplayChunks } from '../../../src/sim/strace/multiReplay.ts';
import { replayLog } from '../../../src/sim/strace/replay.ts';

/**
 * The page's report on a strace log judges every runtime in one read, with
 * the same totals `isolab replay` prints, and names the line of each call a
 * runtime would stop. The logs are real: made on the lab's build machine with
 * `strace -f -o strace-ls.strace ls /` and `strace -f -tt -o strace-cat-tt.strace
 * sh -c 'cat /etc/passwd >/dev/null; unshare -U true; mount -t tmpfs none /mnt'`.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const LOGS = ['strace-ls.strace', 'strace-cat-tt.strace'] as const;
const JUDGES = RUNTIMES.map((r) => ({ id: r.id, classify: r.classify, argDependent: r.argDependent }));

describe('multiReplay', () => {
  it.each(LOGS.flatMap((log) => RUNTIMES.map((r) => [log, r.id] as const)))('%s under %s: the same totals as isolab replay', (log, id) => {
    const text = fixture(log);
    const runtime = RUNTIMES.find((r) => r.id === id);
    if (!runtime) throw new Error(id);
    const cli = replayLog(text, runtime.classify, runtime.argDependent);
    const page = multiReplay(text, JUDGES).runtimes.find((r) => r.runtime === id);
    expect(page?.report.totals).toEqual(cli.totals);
    expect(page?.report.calls).toBe(cli.calls);
    expect(page?.stopped).toHaveLength(cli.totals.denied);
  });

  it.each([
    // Docker's default profile lets neither unshare(CLONE_NEWUSER) nor mount through without CAP_SYS_ADMIN: EPERM from seccomp.
    ['runc', [[324, 'unshare', 'seccomp', 'EPERM'], [557, 'mount', 'seccomp', 'EPERM']]],
    ['host', []],
  ] as const)('the cat/unshare/mount log under %s stops exactly these calls, at these lines', (id, expected) => {
    const r = multiReplay(fixture('strace-cat-tt.strace'), JUDGES).runtimes.find((x) => x.runtime === id);
    expect(r?.stopped.map((s) => [s.line, s.name, s.layer, s.errno])).toEqual(expected);
  });

  it('each stopped line really holds that call in the log', () => {
    const text = fixture('strace-cat-tt.strace');
    const lines = text.split('\n');
    for (const r of multiReplay(text, JUDGES).runtimes) {
      for (const s of r.stopped) expect(lines[s.line - 1]).toMatch(new RegExp(`\\b${s.name}\\(|<\\.\\.\\. ${s.name} resumed>`));
    }
  });

  it('keeps every call with its line, in log order, for a replay of a range', () => {
    const r = multiReplay(fixture('strace-ls.strace'), []);
    expect(r.calls.length).toBeGreaterThan(100);
    expect(r.calls[0]).toMatchObject({ line: 1, name: 'execve' });
    expect(r.calls.map((c) => c.line)).toEqual([...r.calls.map((c) => c.line)].sort((a, b) => a - b));
  });

  it.each([
    ['', 0, 0],
    ['getpid() = 7\nnot strace at all\nopenat(AT_FDCWD, "/x", O_RDONLY = 3\n', 1, 2],
    ['\u0000\n)))(((\n= -1 EPERM\n', 0, 3],
  ])('bad lines are listed with their numbers and the good ones still counted: %j', (text, calls, unreadable) => {
    const r = multiReplay(text, JUDGES);
    expect(r.calls).toHaveLength(calls);
    expect(r.unreadable).toHaveLength(unreadable);
    expect(r.unreadable.every((u) => u.line >= 1 && u.why.length > 0)).toBe(true);
  });

  it('hands control back between chunks and ends with the same result', () => {
    const text = fixture('strace-cat-tt.strace');
    const steps = [...multiReplayChunks(text, JUDGES, 100)];
    expect(steps.filter((s) => s.type === 'progress').length).toBeGreaterThanOrEqual(5);
    const done = steps.at(-1);
    expect(done?.type === 'done' && done.result.runtimes.map((r) => r.report.totals)).toEqual(multiReplay(text, JUDGES).runtimes.map((r) => r.report.totals));
  });
});
