import { describe, expect, it } from 'vitest';
import { listCgroupFiles, readCgroupFile, writeCgroupFile } from '../../../src/sim/cgroups/index.ts';
import { hostWith, must, SCOPE } from './helpers.ts';

describe('cgroup interface files: text as the kernel prints it', () => {
  const fresh = hostWith({ procs: [{ pid: 4242, comm: 'python3' }, { pid: 77, comm: 'sh' }] });
  it.each([
    { path: SCOPE, file: 'memory.max', text: 'max\n' },
    { path: SCOPE, file: 'memory.high', text: 'max\n' },
    { path: SCOPE, file: 'memory.current', text: '0\n' },
    { path: SCOPE, file: 'memory.events', text: 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n' },
    { path: SCOPE, file: 'memory.oom.group', text: '0\n' },
    { path: SCOPE, file: 'pids.max', text: 'max\n' },
    { path: SCOPE, file: 'pids.current', text: '2\n' },
    { path: SCOPE, file: 'pids.events', text: 'max 0\n' },
    { path: SCOPE, file: 'cpu.max', text: 'max 100000\n' },
    { path: SCOPE, file: 'cpu.weight', text: '100\n' },
    { path: SCOPE, file: 'cpu.stat', text: 'usage_usec 0\nuser_usec 0\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\nnr_bursts 0\nburst_usec 0\n' },
    { path: SCOPE, file: 'cgroup.procs', text: '77\n4242\n' },
    { path: SCOPE, file: 'cgroup.events', text: 'populated 1\nfrozen 0\n' },
    { path: SCOPE, file: 'cgroup.type', text: 'domain\n' },
    { path: SCOPE, file: 'cgroup.subtree_control', text: '' },
    { path: SCOPE, file: 'cgroup.controllers', text: 'cpuset cpu io memory hugetlb pids rdma misc\n' },
    { path: '/', file: 'cgroup.subtree_control', text: 'cpuset cpu io memory hugetlb pids rdma misc\n' },
    { path: '/user.slice', file: 'cgroup.subtree_control', text: 'cpu memory pids\n' },
    { path: '/system.slice', file: 'cgroup.events', text: 'populated 1\nfrozen 0\n' },
    { path: '/user.slice', file: 'cgroup.events', text: 'populated 0\nfrozen 0\n' },
    { path: '/', file: 'cgroup.procs', text: '' },
    { path: '/init.scope', file: 'cgroup.procs', text: '1\n' },
  ])('$path/$file', ({ path, file, text }) => {
    expect(must(readCgroupFile(fresh, path, file))).toBe(text);
  });

  it.each([
    { file: 'memory.max', value: '64M', text: '67108864\n' },
    { file: 'memory.max', value: '1000', text: '0\n' },
    { file: 'memory.high', value: '1g', text: '1073741824\n' },
    { file: 'pids.max', value: '10', text: '10\n' },
    { file: 'cpu.max', value: '50000 100000', text: '50000 100000\n' },
    { file: 'cpu.max', value: '50000', text: '50000 100000\n' },
    { file: 'cpu.max', value: 'max 20000', text: 'max 20000\n' },
    { file: 'cpu.weight', value: '250', text: '250\n' },
    { file: 'memory.oom.group', value: '1', text: '1\n' },
  ])('writes "$value" to $file and reads back $text', ({ file, value, text }) => {
    expect(must(readCgroupFile(must(writeCgroupFile(hostWith(), SCOPE, file, value)), SCOPE, file))).toBe(text);
  });

  it.each([
    { path: '/', file: 'memory.max' },
    { path: '/', file: 'pids.max' },
    { path: '/', file: 'cpu.max' },
    { path: '/', file: 'memory.current' },
    { path: SCOPE, file: 'nonsense' },
    { path: '/nope', file: 'cgroup.procs' },
    { path: `${SCOPE}/app`, file: 'memory.max' },
  ])('$path/$file does not exist (ENOENT)', ({ path, file }) => {
    const r = readCgroupFile(hostWith({ dirs: [`${SCOPE}/app`] }), path, file);
    expect(r.ok ? 'ok' : r.errno).toBe('ENOENT');
  });

  it('a cgroup whose parent hands it no controllers has only the core files', () => {
    expect(must(readCgroupFile(hostWith({ dirs: [`${SCOPE}/app`] }), `${SCOPE}/app`, 'cgroup.controllers'))).toBe('');
  });

  it.each([
    { path: SCOPE, files: ['cgroup.controllers', 'cgroup.events', 'cgroup.procs', 'cgroup.subtree_control', 'cgroup.type', 'cpu.max', 'cpu.stat', 'cpu.weight', 'memory.current', 'memory.events', 'memory.events.local', 'memory.high', 'memory.max', 'memory.oom.group', 'pids.current', 'pids.events', 'pids.events.local', 'pids.max'] },
    { path: '/', files: ['cgroup.controllers', 'cgroup.procs', 'cgroup.subtree_control', 'cpu.stat'] },
    { path: `${SCOPE}/app`, files: ['cgroup.controllers', 'cgroup.events', 'cgroup.procs', 'cgroup.subtree_control', 'cgroup.type', 'cpu.stat'] },
  ])('ls $path', ({ path, files }) => {
    expect(must(listCgroupFiles(hostWith({ dirs: [`${SCOPE}/app`] }), path))).toEqual(files);
  });
});
