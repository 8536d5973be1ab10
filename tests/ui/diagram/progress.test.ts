import { describe, expect, it } from 'vitest';
import { formatDuration, progress } from '../../../src/ui/diagram/progress.ts';
import { RUNC_KEYCTL, hop } from './fixtures.ts';

describe('progress through a call', () => {
  it.each([
    { at: -1, timeNs: 0, hostCalls: 0, visited: {}, stoppedAt: null, current: null },
    { at: 0, timeNs: 1.11, hostCalls: 0, visited: { app: 'pass' }, stoppedAt: null, current: 'app' },
    { at: 2, timeNs: 63.11, hostCalls: 1, visited: { app: 'pass', libc: 'pass', syscall: 'pass' }, stoppedAt: null, current: 'syscall' },
    { at: 3, timeNs: 137.11, hostCalls: 1, visited: { app: 'pass', libc: 'pass', syscall: 'pass', seccomp: 'deny' }, stoppedAt: 'seccomp', current: 'seccomp' },
    { at: 4, timeNs: 137.11, hostCalls: 1, visited: { app: 'pass', libc: 'pass', syscall: 'deny', seccomp: 'deny' }, stoppedAt: 'seccomp', current: 'syscall' },
    // Past the end: held at the last hop.
    { at: 99, timeNs: 137.11, hostCalls: 1, visited: { app: 'pass', libc: 'pass', syscall: 'deny', seccomp: 'deny' }, stoppedAt: 'seccomp', current: 'syscall' },
  ])("runc's keyctl at hop $at: $timeNs ns, $hostCalls host syscall(s), stopped at $stoppedAt", ({ at, timeNs, hostCalls, visited, stoppedAt, current }) => {
    const p = progress(RUNC_KEYCTL, at);
    expect(p.timeNs).toBeCloseTo(timeNs, 6);
    expect(p.hostCalls).toBe(hostCalls);
    expect(Object.fromEntries(p.visited)).toEqual(visited);
    expect(p.stoppedAt).toBe(stoppedAt);
    expect(p.current?.layerId ?? null).toBe(current);
  });

  it.each([
    { name: 'a deny stays once a later visit passes', hops: [hop('gate', 'deny'), hop('gate', 'pass')], verdict: 'deny' },
    { name: 'otherwise the latest visit decides', hops: [hop('gate', 'pass'), hop('gate', 'forwarded')], verdict: 'forwarded' },
  ])('$name', ({ hops, verdict }) => {
    expect(progress(hops, hops.length - 1).visited.get('gate')).toBe(verdict);
  });

  it('counts every hop that was a host syscall, and ignores a cost that is not a number', () => {
    const hops = [hop('a', 'pass', 10, 'openat by Sentry'), hop('b', 'pass', Number.NaN), hop('c', 'handled', 5, 'statx by Sentry')];
    expect(progress(hops, 2)).toMatchObject({ timeNs: 15, hostCalls: 2 });
  });

  it('has nothing for a call with no hops', () => {
    expect(progress([], 0)).toMatchObject({ timeNs: 0, hostCalls: 0, stoppedAt: null, current: null });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ns'],
    [1.11, '1.1 ns'],
    [74, '74 ns'],
    [999.4, '999 ns'],
    [999.7, '1 µs'],
    [1_500, '1.5 µs'],
    [13_219, '13.2 µs'],
    [137_110, '137 µs'],
    [1_050_000, '1.05 ms'],
    [250_000_000, '250 ms'],
    [2_000_000_000, '2 s'],
    [Number.NaN, '—'],
    [-1, '—'],
  ])('%d ns reads %s', (ns, text) => {
    expect(formatDuration(ns)).toBe(text);
  });
});
