import { describe, expect, it } from 'vitest';
import { findRuntime } from '../../../src/sim/runtime/registry.ts';
import { inspect } from '../../../src/store/inspector.ts';
import { bytesText, capName, cpuText, gaugeFraction, gaugeLevel, omittedText, pidText, summaries } from '../../../src/ui/inspector/inspectorFormat.ts';

describe('inspectorFormat', () => {
  it.each([
    [0, '0 B'], [512, '512 B'], [12 * 1024, '12 KiB'], [64 * 1024 * 1024, '64 MiB'], [1.5 * 1024 ** 3, '1.5 GiB'],
  ])('bytesText(%d) = %s', (n, text) => expect(bytesText(n)).toBe(text));

  it.each([
    { g: { current: 0, max: 100 }, fraction: 0, level: 'ok' },
    { g: { current: 85, max: 100 }, fraction: 0.85, level: 'high' },
    { g: { current: 120, max: 100 }, fraction: 1, level: 'full' },
    { g: { current: 5, max: null }, fraction: null, level: 'none' },
    { g: { current: 5, max: 0 }, fraction: null, level: 'none' },
  ])('gauge $g.current of $g.max: $fraction ($level)', ({ g, fraction, level }) => {
    expect(gaugeFraction(g)).toBe(fraction);
    expect(gaugeLevel(gaugeFraction(g))).toBe(level);
  });

  it.each([
    [null, 'no limit'], [0.5, '0.5 CPUs'], [1, '1 CPU'], [2, '2 CPUs'],
  ])('cpuText(%s) = %s', (cpus, text) => expect(cpuText(cpus)).toBe(text));

  it('shortens capability names and pids the workload cannot see', () => {
    expect(capName('CAP_SYS_ADMIN')).toBe('SYS_ADMIN');
    expect(capName('odd')).toBe('odd');
    expect(pidText({ pid: null })).toBe('—');
    expect(pidText({ pid: 1 })).toBe('1');
    expect(omittedText(0, 'mounts')).toBeNull();
    expect(omittedText(3, 'mounts')).toBe('3 more mounts not shown');
  });

  it.each([
    { id: 'runc', opts: { resources: { memory: '64m', cpus: '0.5' } }, cgroup: 'Memory 0 B of 64 MiB · Tasks (pids) 1 of no limit · CPU 0.5 CPUs' },
    { id: 'nabla', opts: {}, cgroup: 'no limit files' },
  ])('$id: the cgroup line is its gauges', ({ id, opts, cgroup }) => {
    expect(summaries(inspect(findRuntime(id)!.boot(opts))).cgroup).toBe(cgroup);
  });

  it.each([
    { id: 'runc', processes: '1 inside its pid namespace, 5 outside', caps: "14 of 41 capabilities · seccomp: Docker's default profile", mounts: '28 mounts, 11 masked' },
    { id: 'host', processes: '4 processes', caps: '41 of 41 capabilities · seccomp: no filter', mounts: '9 mounts' },
  ])('$id: each folded section says what it holds', ({ id, processes, caps, mounts }) => {
    const s = summaries(inspect(findRuntime(id)!.boot()));
    expect(s).toMatchObject({ processes, caps, mounts, fds: '3 open' });
  });
});

describe('inspectorFormat in Chinese', () => {
  it.each([
    [() => cpuText(null, 'zh'), '无限制'],
    [() => cpuText(0.5, 'zh'), '0.5 个 CPU'],
    [() => omittedText(3, 'mounts', 'zh'), '另有 3 个挂载未显示'],
    [() => summaries(inspect(findRuntime('runc')!.boot()), 'zh').processes, '其 pid 命名空间内 1 个，外 5 个'],
    [() => summaries(inspect(findRuntime('runc')!.boot()), 'zh').mounts, '28 个挂载，11 个被屏蔽'],
    [() => summaries(inspect(findRuntime('runc')!.boot({ resources: { memory: '64m' } })), 'zh').cgroup, '内存 0 B / 64 MiB · 任务数（pids） 1 / 无限制 · CPU 无限制'],
  ])('%#: %s', (text, expected) => expect(text()).toBe(expected));
});
