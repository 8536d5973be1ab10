import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from './fakeIo.ts';

describe('isolab escapes', () => {
  it('prints one scenario under every runtime with its verdicts', async () => {
    const io = fakeIo();
    expect(await main(['escapes', '--scenario', 'io-uring'], io)).toBe(0);
    expect(io.out).toMatch(/^io-uring: /);
    expect(io.out).toMatch(/runc\s+stopped\s+at seccomp with EPERM/);
    expect(io.out).toMatch(/gvisor\s+contained\s+in sentry/);
    expect(io.out).toMatch(/host\s+THROUGH/);
    expect(io.out).toMatch(/simplified: /);
  });

  it('gives JSON with the trace of every step', async () => {
    const io = fakeIo();
    expect(await main(['escapes', '--scenario=dirty-pipe', '--json'], io)).toBe(0);
    const [row] = JSON.parse(io.out) as { id: string; cells: { runtime: string; verdict: { type: string }; steps: { calls: { hops: unknown[] }[] }[] }[] }[];
    expect(row?.id).toBe('dirty-pipe');
    expect(row?.cells.find((c) => c.runtime === 'gvisor')?.verdict.type).toBe('contained');
    expect(row?.cells.every((c) => c.steps.every((s) => s.calls.every((call) => call.hops.length > 0)))).toBe(true);
  });

  it.each([
    [['escapes', '--scenario', 'nope'], "no escape scenario 'nope'"],
    [['escapes', '--scenario'], '--scenario needs a scenario id'],
    [['escapes', '--bogus'], "unexpected argument '--bogus'"],
  ])('%j is refused with a message', async (argv, message) => {
    const io = fakeIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toContain(message);
  });

  it('is listed in the usage', async () => {
    const io = fakeIo();
    await main(['help'], io);
    expect(io.out).toContain('isolab escapes [--scenario ID]');
  });
});
