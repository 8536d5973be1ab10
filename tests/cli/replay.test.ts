import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from './fakeIo.ts';

/**
 * `isolab replay`: a strace log (served by a fake readFile) judged by a
 * runtime call by call. A call the log shows succeeding that the runtime
 * denies is counted as denied and as differing from the log.
 */
const LOG = [
  '1234  openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3',
  '1234  keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0) = 123456789',
  '1234  mount("none", "/mnt", "tmpfs", 0, NULL) = -1 EPERM (Operation not permitted)',
  'this is not strace',
  '1234  exit_group(0) = ?',
  '1234  +++ exited with 0 +++',
  '', // the log ends with a newline: six lines, as wc -l counts them
].join('\n');

interface Tally { name: string; count: number; allowed: number; denied: number; differs: number; denials: { layer: string; errno: string | null; count: number }[] }
interface ReplayJson {
  runtime: string;
  file: string;
  lines: number;
  calls: number;
  unreadable: { line: number; text: string; why: string }[];
  bySyscall: Record<string, Tally>;
  totals: { allowed: number; denied: number; differs: number };
}

async function replay(runtime: string, ...extra: string[]) {
  const io = fakeIo({ 'app.strace': LOG });
  const code = await main(['replay', '--runtime', runtime, 'app.strace', ...extra], io);
  return { code, out: io.out, err: io.err, read: io.read };
}

describe('isolab replay --json', () => {
  it('reads the file through io.readFile and reports lines, calls, unreadable lines and bySyscall', async () => {
    const { code, out, err, read } = await replay('runc', '--json');
    expect([code, err, read]).toEqual([0, '', ['app.strace']]);
    const doc = JSON.parse(out) as ReplayJson;
    expect(doc).toMatchObject({ runtime: 'runc', file: 'app.strace', lines: 6, calls: 4 });
    expect(doc.unreadable).toEqual([expect.objectContaining({ line: 4, text: 'this is not strace' })]);
    expect(Object.keys(doc.bySyscall)).toEqual(['openat', 'keyctl', 'mount', 'exit_group']);
  });

  it.each([
    // runc: the log's keyctl succeeded, Docker's profile refuses it — denied, and differs from the log
    { runtime: 'runc', name: 'keyctl', tally: { count: 1, allowed: 0, denied: 1, differs: 1, denials: [{ layer: 'seccomp', errno: 'EPERM', count: 1 }] } },
    // runc: the log's mount already failed with EPERM, as it would under runc — no difference
    { runtime: 'runc', name: 'mount', tally: { count: 1, allowed: 0, denied: 1, differs: 0, denials: [{ layer: 'seccomp', errno: 'EPERM', count: 1 }] } },
    { runtime: 'runc', name: 'openat', tally: { count: 1, allowed: 1, denied: 0, differs: 0, denials: [] } },
    // host: root may mount, so the log's EPERM (a gate's errno) is an outcome the host would not give
    { runtime: 'host', name: 'mount', tally: { count: 1, allowed: 1, denied: 0, differs: 1, denials: [] } },
    { runtime: 'host', name: 'keyctl', tally: { count: 1, allowed: 1, denied: 0, differs: 0, denials: [] } },
  ])('$runtime: $name', async ({ runtime, name, tally }) => {
    const doc = JSON.parse((await replay(runtime, '--json')).out) as ReplayJson;
    expect(doc.bySyscall[name]).toEqual({ name, ...tally });
  });

  it.each([
    { runtime: 'runc', totals: { allowed: 2, denied: 2, differs: 1 } },
    { runtime: 'host', totals: { allowed: 4, denied: 0, differs: 1 } },
  ])('$runtime totals', async ({ runtime, totals }) => {
    const doc = JSON.parse((await replay(runtime, '--json')).out) as ReplayJson;
    expect(doc.totals).toMatchObject(totals);
  });
});

describe('isolab replay (text)', () => {
  it('runc: the summary, then a row for each syscall denied or differing, then the unreadable lines', async () => {
    const { code, out } = await replay('runc');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('app.strace: 6 lines, 4 calls, 1 unreadable');
    expect(lines[1]).toBe('under runc: 2 allowed, 2 denied (2 by seccomp (EPERM)), 1 treated differently from the log');
    expect(lines.find((l) => l.startsWith('keyctl '))).toMatch(/^keyctl\s+1\s+0\s+1\s+1\s+seccomp EPERM$/);
    expect(lines.find((l) => l.startsWith('mount '))).toMatch(/^mount\s+1\s+0\s+1\s+0\s+seccomp EPERM$/);
    expect(lines.some((l) => l.startsWith('openat '))).toBe(false);
    expect(lines.some((l) => l.startsWith('line 4: cannot read: '))).toBe(true);
  });

  it('an empty log passes every gate', async () => {
    const io = fakeIo({ 'empty.strace': '' });
    expect(await main(['replay', '--runtime', 'runc', 'empty.strace'], io)).toBe(0);
    expect(io.out).toContain("every call in the log would pass runc's gates");
  });
});
