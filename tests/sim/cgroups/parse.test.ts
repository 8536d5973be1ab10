import { describe, expect, it } from 'vitest';
import { parseCpuMax, parseCpuWeight, parseMemoryLimit, parseOomGroup, parsePidsMax, parseProcsPid, parseSubtreeControl } from '../../../src/sim/cgroups/parse.ts';
import { kstrtoll, memparse } from '../../../src/sim/cgroups/kstrto.ts';
import type { SimResult } from '../../../src/sim/result.ts';

const outcome = <T>(r: SimResult<T>): T | string => (r.ok ? r.value : r.errno);

describe('writes to cgroup files are parsed as the kernel parses them', () => {
  it.each([
    ['max', 'max'],
    ['max\n', 'max'],
    ['67108864', 67108864],
    ['64M', 67108864],
    ['64m', 67108864],
    ['1G\n', 1073741824],
    ['512k', 524288],
    ['0x1000', 4096],
    ['010', 0], // octal 8 bytes, less than a page
    ['4097', 4096], // rounded down to pages
    ['', 0], // memparse("") is 0: `echo > memory.max` sets 0
    ['64MB', 'EINVAL'],
    ['64 M', 'EINVAL'],
    ['-1', 'EINVAL'],
    ['1.5G', 'EINVAL'],
    ['unlimited', 'EINVAL'],
    ['7E', 7 * 2 ** 60],
    ['8E', 'max'], // PAGE_COUNTER_MAX pages or more reads back as "max"
  ] as [string, number | string][])('memory.max %j → %j', (input, want) => {
    expect(outcome(parseMemoryLimit(input))).toBe(want);
  });

  it.each([
    ['max', 'max'],
    ['10', 10],
    [' 10\n', 10],
    ['0', 0],
    ['0x10', 16],
    ['4194304', 4194304],
    ['4194305', 'EINVAL'],
    ['-1', 'EINVAL'],
    ['ten', 'EINVAL'],
    ['10 20', 'EINVAL'],
    ['', 'EINVAL'],
  ] as [string, number | string][])('pids.max %j → %j', (input, want) => {
    expect(outcome(parsePidsMax(input))).toEqual(want);
  });

  it.each([
    ['50000 100000', { quotaUsec: 50000, periodUsec: 100000 }],
    ['50000', { quotaUsec: 50000, periodUsec: 20000 }], // keeps the current period
    ['max', { quotaUsec: 'max', periodUsec: 20000 }],
    ['max 100000\n', { quotaUsec: 'max', periodUsec: 100000 }],
    ['  150000   100000', { quotaUsec: 150000, periodUsec: 100000 }],
    ['50000 abc', { quotaUsec: 50000, periodUsec: 20000 }], // sscanf stops at the bad period
    ['999 100000', 'EINVAL'], // quota under 1 ms
    ['50000 999', 'EINVAL'], // period under 1 ms
    ['50000 1000001', 'EINVAL'], // period over 1 s
    ['-1 100000', 'EINVAL'],
    ['half', 'EINVAL'],
    ['', 'EINVAL'],
  ] as [string, unknown][])('cpu.max %j → %j', (input, want) => {
    expect(outcome(parseCpuMax(input, 20000))).toEqual(want);
  });

  it.each([
    ['100', 100], ['1\n', 1], ['10000', 10000], ['0', 'ERANGE'], ['10001', 'ERANGE'], [' 100', 'EINVAL'], ['abc', 'EINVAL'],
  ] as [string, number | string][])('cpu.weight %j → %j', (input, want) => {
    expect(outcome(parseCpuWeight(input))).toBe(want);
  });

  it.each([
    ['4242', 4242], ['4242\n', 4242], ['0', 0], ['-1', 'EINVAL'], ['abc', 'EINVAL'], ['1 2', 'EINVAL'],
  ] as [string, number | string][])('cgroup.procs %j → %j', (input, want) => {
    expect(outcome(parseProcsPid(input))).toBe(want);
  });

  it.each([
    ['1', true], ['0\n', false], ['2', 'EINVAL'], ['yes', 'EINVAL'],
  ] as [string, boolean | string][])('memory.oom.group %j → %j', (input, want) => {
    expect(outcome(parseOomGroup(input))).toBe(want);
  });

  it.each([
    ['+memory +pids', { enable: ['memory', 'pids'], disable: [] }],
    ['+cpu -cpu', { enable: [], disable: ['cpu'] }],
    ['-io\n', { enable: [], disable: ['io'] }],
    ['memory', 'EINVAL'],
    ['+blkio', 'EINVAL'],
  ] as [string, unknown][])('cgroup.subtree_control %j → %j', (input, want) => {
    expect(outcome(parseSubtreeControl(input))).toEqual(want);
  });

  it.each([
    ['64k', 65536n, ''], ['1e', 1n << 60n, ''], ['12abc', 12n, 'abc'], ['0x', 0n, 'x'],
  ] as [string, bigint, string][])('memparse %s', (input, value, rest) => {
    expect(memparse(input)).toEqual({ value, rest });
  });

  it.each([
    ['9223372036854775807', 9223372036854775807n], ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775808', 'ERANGE'], ['18446744073709551616', 'ERANGE'], ['+5', 5n], ['5\n', 5n], ['5\n\n', 'EINVAL'],
  ] as [string, bigint | string][])('kstrtoll %s → %s', (input, want) => {
    expect(outcome(kstrtoll(input))).toBe(want);
  });
});
