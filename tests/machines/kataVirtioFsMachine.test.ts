import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { runDeviceTrip, virtioFsMachine } from '../../src/machines/virtioFsMachine.ts';
import { fsTrip } from '../../src/sim/kata/fsTrips.ts';
import { packetTrip } from '../../src/sim/kata/netTrips.ts';
import { kataSettings } from '../../src/sim/kata/options.ts';
import type { DeviceTrip } from '../../src/sim/kata/trips.ts';
import type { HelperProcess } from '../../src/sim/hostcalls/helperProcess.ts';

const trip = (t: DeviceTrip | null): DeviceTrip => {
  if (!t) throw new Error('no trip');
  return t;
};
const OPEN = trip(fsTrip({ op: 'open', path: '/etc/passwd' }, kataSettings({})));

/** A server whose filter does not allow what the trip needs. */
const STRICT: HelperProcess = { layer: 'virtiofsd', label: 'virtiofsd', allowed: new Set(['read']), onDeny: 'kill', filterLabel: 'a filter without openat' };

describe('virtioFsMachine', () => {
  it.each<[string, DeviceTrip, string, string[]]>([
    ['FUSE_OPEN: the guest waits for the answer', OPEN, 'completion', ['guestDriver', 'kick', 'server', 'server', 'hostSeccomp', 'hostKernel', 'hostSeccomp', 'hostKernel', 'hostSeccomp', 'hostKernel', 'completion', 'completion']],
    ['a packet: queued, nothing comes back', packetTrip(kataSettings({}), 'a segment'), 'queued', ['guestDriver', 'kick', 'server', 'server']],
    ['a server its filter kills', { ...OPEN, hostCalls: OPEN.hostCalls.map((c) => ({ ...c, proc: STRICT })) }, 'serverDied', ['guestDriver', 'kick', 'server', 'server', 'hostSeccomp', 'hostKernel', 'hostSeccomp']],
  ])('%s ends in %s through %j', (_label, t, end, states) => {
    const [snapshot] = initialTransition(virtioFsMachine, { trip: t });
    expect(snapshot.value).toBe(end);
    expect(snapshot.context.hops.map((h) => h.state)).toEqual(states);
  });

  it('a killed server ends the sandbox and stops the trip at the refused call', () => {
    const r = runDeviceTrip({ ...OPEN, hostCalls: OPEN.hostCalls.map((c) => ({ ...c, proc: STRICT })) });
    expect(r.fatal).toMatch(/virtiofsd's seccomp filter does not allow openat: virtiofsd is gone/);
    expect(r.hops.at(-1)?.hostCall).toEqual({ by: 'virtiofsd', name: 'openat', filter: 'killed' });
  });
});
