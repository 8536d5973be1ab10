import { describe, expect, it } from 'vitest';
import { normalizeCgroupPath, parentCgroupPath, relativeCgroupPath, selfAndAncestors } from '../../../src/sim/cgroups/paths.ts';

describe('cgroup paths', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/system.slice/', '/system.slice'],
    ['system.slice//docker-1.scope', '/system.slice/docker-1.scope'],
    ['/a/./b/../c', '/a/c'],
    ['/../..', '/'],
  ])('normalizes %j to %j', (input, want) => {
    expect(normalizeCgroupPath(input)).toBe(want);
  });

  it.each([
    ['/', undefined],
    ['/system.slice', '/'],
    ['/system.slice/docker-1.scope', '/system.slice'],
  ])('the parent of %j is %j', (input, want) => {
    expect(parentCgroupPath(input)).toBe(want);
  });

  it('lists a path and its ancestors nearest first', () => {
    expect(selfAndAncestors('/a/b/c')).toEqual(['/a/b/c', '/a/b', '/a', '/']);
  });

  it.each([
    ['/system.slice/docker-1.scope', '/system.slice/docker-1.scope', '/'],
    ['/system.slice/docker-1.scope', '/system.slice/docker-1.scope/app', '/app'],
    ['/system.slice/docker-1.scope', '/system.slice/docker-2.scope', '/../docker-2.scope'],
    ['/system.slice/docker-1.scope', '/', '/../..'],
    ['/system.slice/docker-1.scope', '/init.scope', '/../../init.scope'],
    ['/', '/user.slice', '/user.slice'],
  ])('from %j, %j reads as %j', (from, target, want) => {
    expect(relativeCgroupPath(from, target)).toBe(want);
  });
});
