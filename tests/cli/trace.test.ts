import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { measurements } from '../helpers/reference.ts';
import { fakeIo } from './fakeIo.ts';

/** `isolab trace`: one input through a freshly booted runtime, as text or JSON. */
const KEYCTL = 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)';

interface TraceJson {
  runtime: string;
  input: string;
  calls: { name: string; line: string; retval: number | null; errno: string | null; deniedBy: string | null; reason: string | null; hops: Record<string, unknown>[] }[];
  stdout: string;
  stderr: string;
}

async function trace(...argv: string[]) {
  const io = fakeIo();
  const code = await main(['trace', ...argv], io);
  return { code, out: io.out, err: io.err };
}

describe('isolab trace (text)', () => {
  it.each([
    { runtime: 'runc', input: 'getpid()', line: 'getpid() = 1', layers: ['app', 'libc', 'syscall', 'seccomp', 'kernel'] },
    { runtime: 'runc', input: KEYCTL, line: `${KEYCTL} = -1 EPERM (Operation not permitted)`, layers: ['app', 'libc', 'syscall', 'seccomp'] },
    { runtime: 'host', input: 'mount("none", "/mnt", "tmpfs", 0, NULL)', line: 'mount("none", "/mnt", "tmpfs", 0, NULL) = 0', layers: ['namespaces', 'capabilities', 'vfs', 'kernel'] },
  ])('$runtime $input prints each hop and the strace line', async ({ runtime, input, line, layers }) => {
    const { code, out, err } = await trace('--runtime', runtime, input);
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    for (const layer of layers) expect(lines.some((l) => l.startsWith(`  ${layer} `)), layer).toBe(true);
    expect(lines.some((l) => l.startsWith(line))).toBe(true);
    expect(out).toContain('modelled)');
  });

  it("a denied call's line carries the reason after ←", async () => {
    const { out } = await trace('--runtime', 'runc', KEYCTL);
    expect(out).toMatch(/= -1 EPERM \(Operation not permitted\) {2}← seccomp: /);
  });

  it('a command prints every call it made, then its output', async () => {
    const { code, out } = await trace('--runtime', 'runc', 'hostname');
    expect(code).toBe(0);
    expect(out).toContain('uname({sysname="Linux", nodename="3f6c2a9e1b7d"');
    expect(out).toContain('\n--- stdout ---\n3f6c2a9e1b7d\n');
  });

  it('--memory gives the container a memory.max the OOM killer enforces', async () => {
    const { code, out } = await trace('--runtime', 'runc', '--memory', '64m', 'memhog 100M');
    expect(code).toBe(0);
    expect(out).toContain('+++ killed by SIGKILL +++');
    expect(out).toMatch(/MAP_POPULATE, -1, 0\) = \? {2}← cgroups: /);
  });
});

describe('isolab trace --json', () => {
  const ids = new Set(measurements().map((m) => m.id));

  it.each([
    { runtime: 'runc', input: 'getpid()' },
    { runtime: 'runc', input: KEYCTL },
    { runtime: 'host', input: 'cat /etc/hostname' },
  ])('$runtime $input has the shape {runtime, calls: [{name, line, retval, errno, hops: [{layer, verdict, note, costNs, source}]}]}', async ({ runtime, input }) => {
    const { code, out, err } = await trace('--runtime', runtime, input, '--json');
    expect([code, err]).toEqual([0, '']);
    const doc = JSON.parse(out) as TraceJson;
    expect(doc).toMatchObject({ runtime, input });
    expect(doc.calls.length).toBeGreaterThan(0);
    for (const c of doc.calls) {
      expect(c).toEqual(expect.objectContaining({ name: expect.any(String), line: expect.any(String), hops: expect.any(Array) }));
      expect(c.retval === null || typeof c.retval === 'number').toBe(true);
      expect(c.errno === null || typeof c.errno === 'string').toBe(true);
      expect(c.line.startsWith(`${c.name}(`)).toBe(true);
      for (const h of c.hops) {
        expect(h).toEqual(expect.objectContaining({ layer: expect.any(String), verdict: expect.any(String), note: expect.any(String), costNs: expect.any(Number), source: expect.any(String) }));
        expect(['pass', 'deny', 'handled', 'forwarded', 'emulated']).toContain(h.verdict);
        expect(h.source === 'estimate' || ids.has(h.source as string)).toBe(true);
      }
    }
  });

  it('keyctl under runc: EPERM from seccomp, with the reason', async () => {
    const doc = JSON.parse((await trace('--runtime', 'runc', KEYCTL, '--json')).out) as TraceJson;
    expect(doc.calls).toHaveLength(1);
    expect(doc.calls[0]).toMatchObject({ name: 'keyctl', retval: -1, errno: 'EPERM', deniedBy: 'seccomp' });
    expect(doc.calls[0]?.reason).toMatch(/^seccomp: /);
    expect(doc.calls[0]?.hops.map((h) => [h.layer, h.verdict])).toEqual([['app', 'pass'], ['libc', 'pass'], ['syscall', 'pass'], ['seccomp', 'deny'], ['syscall', 'deny']]);
  });

  it("a command's output is in stdout", async () => {
    const doc = JSON.parse((await trace('--runtime', 'host', 'cat /etc/hostname', '--json')).out) as TraceJson;
    expect(doc.stdout).toBe('lab-host\n');
    expect(doc.calls.map((c) => c.name)).toContain('openat');
  });
});
