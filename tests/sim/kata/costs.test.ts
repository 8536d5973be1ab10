import { describe, expect, it } from 'vitest';
import { BACKEND, BOOT_COST, BOOT_TOTAL, FILTER_CHECK_NS, HOST_WORK, KATA_COST, MEASURED } from '../../../src/sim/kata/costs.ts';
import { fsTrip } from '../../../src/sim/kata/fsTrips.ts';
import { kataSettings } from '../../../src/sim/kata/options.ts';
import { packetTrip } from '../../../src/sim/kata/netTrips.ts';
import { runHostCalls, type DeviceTrip } from '../../../src/sim/kata/trips.ts';
import type { Cost } from '../../../src/sim/kernel/costs.ts';
import { measurements } from '../../helpers/reference.ts';

const BY_ID = new Map(measurements().map((m) => [m.id, m]));
const ALL: [string, Cost][] = [
  ...Object.entries<Cost>({ ...KATA_COST, ...HOST_WORK, ...MEASURED, ...BACKEND, ...BOOT_COST }),
  ...Object.entries(BOOT_TOTAL).flatMap(([k, c]): [string, Cost][] => (c ? [[k, c]] : [])),
];

/** Bytes per second of a throughput figure. */
const perSecond = (id: string) => {
  const m = BY_ID.get(id);
  const scale: Record<string, number> = { 'MB/s': 1e6, IOPS: 1 };
  return (m?.value ?? NaN) * (scale[m?.unit ?? ''] ?? NaN);
};

/** Every hop of a trip, its host calls run as the machine runs them. */
const tripNs = (t: DeviceTrip) => [t.guest, t.kick, ...t.backend, ...runHostCalls(t.hostCalls).hops, ...t.completion].reduce((s, h) => s + h.costNs, 0);

describe('Kata costs', () => {
  it.each(ALL)('%s cites a published measurement or estimate', (_name, cost) => {
    expect(cost.source === 'estimate' || BY_ID.has(cost.source)).toBe(true);
    expect(Number.isFinite(cost.ns) && cost.ns >= 0).toBe(true);
  });

  it.each<[keyof typeof MEASURED, number]>([
    ['virtioFsRead4k', (4096 / perSecond('goyal20-seqread-psync-virtio-fs')) * 1e9],
    ['virtio9pRead4k', (4096 / perSecond('goyal20-seqread-psync-virtio-9p')) * 1e9],
    ['daxRead4k', (4096 / perSecond('goyal20-seqread-psync-virtio-fs-dax')) * 1e9],
    ['fcBlockRead4k', 1e9 / perSecond('fc-nsdi-randread-iops')],
    ['packetOut', ((BY_ID.get('fc-spec-net-latency')?.value ?? NaN) * 1e6) / 2],
  ])('%s is derived from its source figure', (name, ns) => {
    expect(MEASURED[name].ns).toBeCloseTo(ns, 6);
  });

  it('a VM exit is the Nehalem figure in ns: 2,000 cycles at 2.93 GHz', () => {
    expect(BY_ID.get('vmexit-direct-cost-nehalem')?.value).toBe(2000);
    expect(KATA_COST.vmExit.ns).toBeCloseTo(2000 / 2.93, 6);
  });

  it("the helper's filter check the wholes count equals what hostSyscall adds", () => {
    const filtered = runHostCalls([{ proc: { layer: 'x', label: 'x', allowed: new Set(['read']), onDeny: 'kill', filterLabel: 'x' }, name: 'read', purpose: 'p', cost: { ns: 0, source: 'estimate' } }]);
    expect(filtered.hops[0]?.costNs).toBe(FILTER_CHECK_NS);
  });

  it.each<[string, DeviceTrip | null, number]>([
    ['a 4 KiB FUSE_READ over virtio-fs (cache=none)', fsTrip({ op: 'read', path: '/f' }, kataSettings({ 'virtio-fs-cache': 'never' })), MEASURED.virtioFsRead4k.ns],
    ['a 4 KiB Tread over virtio-9p', fsTrip({ op: 'read', path: '/f' }, kataSettings({ 'shared-fs': 'virtio-9p' })), MEASURED.virtio9pRead4k.ns],
    ['a 4 KiB virtio-blk read on Firecracker', fsTrip({ op: 'read', path: '/f' }, kataSettings({ hypervisor: 'firecracker' })), MEASURED.fcBlockRead4k.ns],
    ['a packet through vhost-net', packetTrip(kataSettings({}), 'a segment'), MEASURED.packetOut.ns],
    ['a packet through Firecracker', packetTrip(kataSettings({ hypervisor: 'firecracker' }), 'a segment'), MEASURED.packetOut.ns],
  ])('%s adds up to its measured whole', (_label, trip, ns) => {
    expect(trip).not.toBeNull();
    if (trip) expect(tripNs(trip)).toBeCloseTo(ns, 6);
  });

  it.each(Object.entries(BACKEND))('the backend remainder %s is positive: the named parts fit in the measured whole', (_name, c) => {
    expect(c.ns).toBeGreaterThan(0);
  });
});
