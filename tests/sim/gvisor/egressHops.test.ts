import { describe, expect, it } from 'vitest';
import { egressHops } from '../../../src/sim/gvisor/egressHops.ts';
import type { Egress } from '../../../src/sim/gvisor/egress.ts';
import { sentryProcess } from '../../../src/sim/gvisor/sentryFilter.ts';
import { goferProcess } from '../../../src/sim/gvisor/goferFilter.ts';
import { hostSyscall } from '../../../src/sim/hostcalls/helperProcess.ts';

/** A host syscall outside the Sentry's or the Gofer's filter ends the process (SECCOMP_RET_KILL_PROCESS). */
const file = (hostCalls: string[]): Egress => ({ type: 'file', kind: 'walk', hostCalls, path: '/data/x', home: { type: 'host', fsType: 'ext4', mountpoint: '/data' } });
const call = { name: 'openat', args: [] };

describe("the sandbox's own filters", () => {
  it.each([
    [{}, ['openat', 'statx'], null],
    [{}, ['socket'], "runsc-sandbox (Sentry)'s seccomp filter does not allow socket"],
    [{ directfs: 'off' }, ['openat', 'statx'], null],
    [{ directfs: 'off' }, ['connect'], "runsc-gofer (Gofer)'s seccomp filter does not allow connect"],
  ])('%o %o → %s', (options, hostCalls, killed) => {
    const run = egressHops(file(hostCalls), call, options);
    expect(run.killed).toBe(killed);
    const last = run.hops.at(-1);
    if (killed) expect(last).toMatchObject({ layer: 'host-seccomp', verdict: 'deny', hostCall: { filter: 'killed' } });
    else expect(last).toMatchObject({ layer: 'host-kernel', verdict: 'handled', hostCall: { filter: 'allowed' } });
  });

  it.each([
    ['socket', false], ['ptrace', true], ['openat', true], ['execve', false], ['mount', false],
  ])('the Sentry (default settings) may call %s: %s', (name, allowed) => {
    expect(hostSyscall(sentryProcess({}), name, { purpose: 'test', costNs: 0, source: 'estimate' }).allowed).toBe(allowed);
  });

  it('the Gofer, serving LISAFS, has 70 syscalls (54 always, 16 for LISAFS)', () => {
    expect(goferProcess().allowed?.size).toBe(70);
  });
});
