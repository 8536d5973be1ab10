import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from './fakeIo.ts';

/** `isolab trace 'docker run …'`: the same path as the page, on a fresh host (issue 5, point 7). */
describe('isolab trace of a docker line', () => {
  it.each([
    ['runc: runc\'s syscalls in the host kernel', 'docker run -it --pids-limit 10 debian sh', ['unshare(', 'pids.max>, "10"', 'pivot_root(".", ".") = 0', 'the terminal would now be in']],
    ['runsc: the Sentry\'s filter and the sandbox', 'docker run -it --runtime=runsc debian sh', ['containerd-shim-runsc-v1', 'runsc-sandbox', 'sandbox-kernel']],
    ['a refusal in docker\'s words', 'docker run --runtime=bogus debian', ['unknown or invalid runtime name: bogus']],
  ])('%s', async (_what, line, texts) => {
    const io = fakeIo();
    expect(await main(['trace', line], io)).toBe(0);
    for (const t of texts) expect(io.out).toContain(t);
  });

  it('prints JSON with --format json', async () => {
    const io = fakeIo();
    await main(['trace', '--format', 'json', 'docker run -it --cap-add SYS_ADMIN debian sh'], io);
    const data = JSON.parse(io.out) as { calls: { line: string }[]; container: { runtime: string } | null };
    expect(data.calls.some((c) => c.line.startsWith('capset('))).toBe(true);
    expect(data.container?.runtime).toBe('runc');
  });
});
