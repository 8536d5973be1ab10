import { describe, expect, it } from 'vitest';
import { runInput } from '../../src/machines/runInput.ts';
import { hostCallsOf } from '../../src/sim/hostcalls/helperProcess.ts';
import { FIRECRACKER } from '../../src/sim/runtime/firecracker.ts';
import { LIGHTVM } from '../../src/sim/runtime/lightvm.ts';
import type { Session } from '../../src/sim/runtime/types.ts';

/** Shell commands typed into a Firecracker or LightVM session, through runInput (runtimeCall dispatches on the session's runtime). */
const SESSIONS: Record<string, () => Session> = {
  firecracker: () => FIRECRACKER.boot(),
  'lightvm unikernel': () => LIGHTVM.boot(),
  'lightvm tinyx': () => LIGHTVM.boot({ options: { guest: 'tinyx' } }),
};

describe('shell commands in the microVM runtimes', () => {
  it.each([
    ['firecracker', 'cat /etc/passwd', /^root:x:0:0:/, 0, ['firecracker (vmm thread)']],
    ['firecracker', 'echo hi', /^hi\n$/, 0, []],
    ['lightvm unikernel', 'echo hi', /^hi\n$/, 0, []],
    ['lightvm unikernel', 'cat /etc/passwd', /^$/, 1, []],
    ['lightvm tinyx', 'cat /etc/passwd', /^root:x:0:0:/, 0, []],
  ])('%s: `%s` prints %s, exits %i; host syscalls made by %j', (runtime, line, stdout, status, hostProcesses) => {
    const r = runInput(SESSIONS[runtime]!(), line);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.stdout).toMatch(stdout);
    expect(r.value.status).toBe(status);
    expect([...new Set(r.value.calls.flatMap((c) => hostCallsOf(c.hops).map((h) => h.by)))]).toEqual(hostProcesses);
  });
});
