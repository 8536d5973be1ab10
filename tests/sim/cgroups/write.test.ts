import { describe, expect, it } from 'vitest';
import { addProcess, mkdirCgroup, readCgroupFile, writeCgroupFile, writeWouldOom, chargeMemory, type CgroupTree } from '../../../src/sim/cgroups/index.ts';
import { hostWith, MiB, must, SCOPE } from './helpers.ts';

const APP = `${SCOPE}/app`;

/** SCOPE with a child `app`, pid 100 in SCOPE and pid 200 in /system.slice/other.scope. */
function host(): CgroupTree {
  let tree = must(mkdirCgroup(hostWith({ dirs: [APP, '/system.slice/other.scope'] }), `${APP}/worker`));
  tree = must(addProcess(tree, { pid: 200, comm: 'sh', cgroup: '/system.slice/other.scope' }));
  return tree;
}

describe('writing cgroup files', () => {
  it.each([
    { name: 'a value memory.max will not take', path: SCOPE, file: 'memory.max', data: '64MB', errno: 'EINVAL' },
    { name: 'pids.max below zero', path: SCOPE, file: 'pids.max', data: '-1', errno: 'EINVAL' },
    { name: 'cpu.max with a period over a second', path: SCOPE, file: 'cpu.max', data: '50000 2000000', errno: 'EINVAL' },
    { name: 'cpu.weight out of range', path: SCOPE, file: 'cpu.weight', data: '0', errno: 'ERANGE' },
    { name: 'a read-only file', path: SCOPE, file: 'memory.current', data: '0', errno: 'EACCES' },
    { name: 'memory.max on the root', path: '/', file: 'memory.max', data: '1G', errno: 'ENOENT' },
    { name: 'a missing cgroup', path: '/nope', file: 'pids.max', data: '1', errno: 'ENOENT' },
    { name: 'a pid nobody has', path: SCOPE, file: 'cgroup.procs', data: '31337', errno: 'ESRCH' },
    { name: 'a pid that is not a number', path: SCOPE, file: 'cgroup.procs', data: 'init', errno: 'EINVAL' },
    { name: 'a process into a cgroup that enables controllers for its children', path: '/system.slice', file: 'cgroup.procs', data: '200', errno: 'EBUSY' },
    { name: 'enabling a controller the cgroup does not have', path: APP, file: 'cgroup.subtree_control', data: '+memory', errno: 'ENOENT' },
    { name: 'an unknown controller', path: SCOPE, file: 'cgroup.subtree_control', data: '+blkio', errno: 'EINVAL' },
    { name: 'disabling a controller a child still hands on', path: '/', file: 'cgroup.subtree_control', data: '-memory', errno: 'EBUSY' },
  ])('refuses $name with $errno', ({ path, file, data, errno }) => {
    const r = writeCgroupFile(host(), path, file, data);
    expect(r.ok ? 'ok' : r.errno).toBe(errno);
  });

  it('moves a process with a write to cgroup.procs, and pid 0 means the writer', () => {
    const tree = must(writeCgroupFile(host(), SCOPE, 'cgroup.procs', '200\n'));
    expect(must(readCgroupFile(tree, SCOPE, 'cgroup.procs'))).toBe('200\n');
    const self = must(writeCgroupFile(tree, APP, 'cgroup.procs', '0', { writerPid: 200 }));
    expect(must(readCgroupFile(self, APP, 'cgroup.procs'))).toBe('200\n');
  });

  it('enables controllers for children through cgroup.subtree_control, and the no-internal-process rule holds', () => {
    const tree = must(writeCgroupFile(host(), SCOPE, 'cgroup.subtree_control', '+memory +pids'));
    expect(must(readCgroupFile(tree, SCOPE, 'cgroup.subtree_control'))).toBe('memory pids\n');
    expect(must(readCgroupFile(tree, APP, 'cgroup.controllers'))).toBe('memory pids\n');
    const busy = must(writeCgroupFile(tree, APP, 'cgroup.procs', '200'));
    const r = writeCgroupFile(busy, APP, 'cgroup.subtree_control', '+memory');
    expect(r.ok ? 'ok' : r.errno).toBe('EBUSY');
  });

  it('disabling a controller drops the children\'s limits with it', () => {
    let tree = must(writeCgroupFile(host(), SCOPE, 'cgroup.subtree_control', '+pids'));
    tree = must(writeCgroupFile(tree, APP, 'pids.max', '5'));
    tree = must(writeCgroupFile(tree, SCOPE, 'cgroup.subtree_control', '-pids'));
    tree = must(writeCgroupFile(tree, SCOPE, 'cgroup.subtree_control', '+pids'));
    expect(must(readCgroupFile(tree, APP, 'pids.max'))).toBe('max\n');
  });

  it('returns a new tree and leaves its input alone', () => {
    const before = host();
    const copy = structuredClone(before);
    must(writeCgroupFile(before, SCOPE, 'memory.max', '1M'));
    expect(before).toEqual(copy);
  });

  it.each([
    { data: '16M', oom: true },
    { data: '32M', oom: false },
    { data: 'max', oom: false },
    { data: 'junk', oom: false },
  ])('writeWouldOom(memory.max, $data) with 20 MiB in use is $oom', ({ data, oom }) => {
    const tree = chargeMemory(hostWith({ procs: [{ pid: 100, comm: 'a' }] }), 100, 20 * MiB).tree;
    expect(writeWouldOom(tree, SCOPE, 'memory.max', data)).toBe(oom);
  });
});
