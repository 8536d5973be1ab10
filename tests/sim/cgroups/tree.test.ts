import { describe, expect, it } from 'vitest';
import { addProcess, attachProcess, childCgroups, controllersOf, createCgroupTree, memoryCurrent, mkdirCgroup, rmdirCgroup, chargeMemory } from '../../../src/sim/cgroups/index.ts';
import { must, SCOPE } from './helpers.ts';

describe('the cgroup tree', () => {
  it('starts as systemd leaves a host: init.scope, system.slice, user.slice', () => {
    const tree = createCgroupTree();
    expect(childCgroups(tree, '/')).toEqual(['/init.scope', '/system.slice', '/user.slice']);
    expect(tree.procs[1]?.cgroup).toBe('/init.scope');
  });

  it('hands controllers down through subtree_control', () => {
    const tree = must(mkdirCgroup(createCgroupTree(), SCOPE));
    expect(controllersOf(tree, '/')).toContain('memory');
    expect(controllersOf(tree, SCOPE)).toEqual(expect.arrayContaining(['cpu', 'memory', 'pids']));
    expect(controllersOf(tree, '/init.scope')).toEqual(['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc']);
  });

  it.each([
    { name: 'mkdir of an existing cgroup', run: () => mkdirCgroup(createCgroupTree(), '/system.slice'), errno: 'EEXIST' },
    { name: 'mkdir of the root', run: () => mkdirCgroup(createCgroupTree(), '/'), errno: 'EEXIST' },
    { name: 'mkdir under a missing parent', run: () => mkdirCgroup(createCgroupTree(), '/nope/child'), errno: 'ENOENT' },
    { name: 'rmdir of a cgroup with processes', run: () => rmdirCgroup(createCgroupTree(), '/init.scope'), errno: 'EBUSY' },
    { name: 'rmdir of a cgroup with children', run: () => rmdirCgroup(must(mkdirCgroup(createCgroupTree(), SCOPE)), '/system.slice'), errno: 'EBUSY' },
    { name: 'rmdir of the root', run: () => rmdirCgroup(createCgroupTree(), '/'), errno: 'EBUSY' },
    { name: 'rmdir of a missing cgroup', run: () => rmdirCgroup(createCgroupTree(), '/nope'), errno: 'ENOENT' },
  ])('$name fails with $errno', ({ run, errno }) => {
    const r = run();
    expect(r.ok ? 'ok' : r.errno).toBe(errno);
  });

  it('rmdir of an empty cgroup removes it and leaves its input alone', () => {
    const tree = must(mkdirCgroup(createCgroupTree(), SCOPE));
    const after = must(rmdirCgroup(tree, SCOPE));
    expect(childCgroups(after, '/system.slice')).toEqual([]);
    expect(childCgroups(tree, '/system.slice')).toEqual([SCOPE]);
  });

  it('rmdir moves memory still charged to the removed cgroup to its parent', () => {
    let tree = must(mkdirCgroup(must(mkdirCgroup(createCgroupTree(), '/system.slice/a')), '/system.slice/b'));
    tree = must(addProcess(tree, { pid: 10, comm: 'sh', cgroup: '/system.slice/a' }));
    tree = chargeMemory(tree, 10, 8192).tree;
    tree = must(attachProcess(tree, 10, '/system.slice/b'));
    const after = must(rmdirCgroup(tree, '/system.slice/a'));
    expect(after.procs[10]?.charged).toEqual({ '/system.slice': 8192 });
    expect(memoryCurrent(after, '/system.slice')).toBe(8192);
    expect(memoryCurrent(after, '/system.slice/b')).toBe(0);
  });
});
