import { describe, expect, it } from 'vitest';
import { addProcess, cgroupNsResolve, cgroupNsView, procCgroupText, readCgroupFile } from '../../../src/sim/cgroups/index.ts';
import { hostWith, must, SCOPE } from './helpers.ts';

describe('cgroup namespace view', () => {
  it.each([
    { root: SCOPE, viewed: '/', abs: SCOPE },
    { root: SCOPE, viewed: '/app', abs: `${SCOPE}/app` },
    { root: SCOPE, viewed: 'app/../..', abs: SCOPE },
    { root: SCOPE, viewed: '/../../etc', abs: `${SCOPE}/etc` },
    { root: '/', viewed: '/system.slice', abs: '/system.slice' },
  ])('from $root, $viewed is $abs', ({ root, viewed, abs }) => {
    expect(cgroupNsResolve(root, viewed)).toBe(abs);
  });

  it.each([
    { root: '/', abs: SCOPE, seen: SCOPE },
    { root: SCOPE, abs: SCOPE, seen: '/' },
    { root: SCOPE, abs: `${SCOPE}/app`, seen: '/app' },
    { root: SCOPE, abs: '/init.scope', seen: '/../../init.scope' },
  ])('from $root, $abs shows as $seen', ({ root, abs, seen }) => {
    expect(cgroupNsView(root, abs)).toBe(seen);
  });

  it.each([
    { pid: 4242, viewer: '/', text: `0::${SCOPE}\n` },
    { pid: 4242, viewer: SCOPE, text: '0::/\n' },
    { pid: 1, viewer: SCOPE, text: '0::/../../init.scope\n' },
    { pid: 1, viewer: '/', text: '0::/init.scope\n' },
  ])('/proc/$pid/cgroup read from a namespace rooted at $viewer', ({ pid, viewer, text }) => {
    const tree = hostWith({ procs: [{ pid: 4242, comm: 'python3' }] });
    expect(must(procCgroupText(tree, pid, viewer))).toBe(text);
  });

  it('a container reads its own limits at the top of its /sys/fs/cgroup', () => {
    const tree = must(addProcess(hostWith({ files: { 'memory.max': '64M' } }), { pid: 7, comm: 'sh', cgroup: SCOPE }));
    expect(must(readCgroupFile(tree, cgroupNsResolve(SCOPE, '/'), 'memory.max'))).toBe('67108864\n');
  });

  it('an unknown pid has no /proc entry', () => {
    const r = procCgroupText(hostWith(), 99);
    expect(r.ok ? 'ok' : r.errno).toBe('ESRCH');
  });
});
