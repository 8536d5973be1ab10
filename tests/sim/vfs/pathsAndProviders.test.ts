import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/sim/result.ts';
import { isPathUnder, parsePath, pathFromRoot, rebasePath } from '../../../src/sim/vfs/path.ts';
import { sdir, sfile, staticTreeProvider } from '../../../src/sim/vfs/staticProvider.ts';
import { combineProviders, syntheticIno, type SyntheticProvider } from '../../../src/sim/vfs/synthetic.ts';
import { fsOptions } from '../../../src/sim/vfs/fsOptions.ts';
import { modeString } from '../../../src/sim/vfs/inode.ts';

describe('path strings', () => {
  it.each([
    ['/a//b/', { absolute: true, parts: ['a', 'b'], trailingSlash: true }],
    ['a/./b', { absolute: false, parts: ['a', '.', 'b'], trailingSlash: false }],
    ['/', { absolute: true, parts: [], trailingSlash: false }],
  ])('%s', (path, want) => {
    expect(parsePath(path)).toEqual(ok(want));
  });

  it.each([
    ['/srv/jail/etc', '/srv/jail', '/etc'],
    ['/srv/jail', '/srv/jail', '/'],
    ['/etc', '/srv/jail', undefined],
    ['/etc', '/', '/etc'],
  ])('%s seen from root %s is %s', (path, root, want) => {
    expect(pathFromRoot(path, root)).toBe(want);
  });

  it.each([
    ['/a/b/c', '/a/b', '/x', '/x/c'],
    ['/a/b', '/a/b', '/', '/'],
    ['/proc', '/', '/old', '/old/proc'],
  ])('rebase %s from %s to %s', (path, from, to, want) => {
    expect(rebasePath(path, from, to)).toBe(want);
  });

  it('a prefix is a whole component', () => {
    expect(isPathUnder('/procfs', '/proc')).toBe(false);
  });
});

describe('synthetic providers', () => {
  const a = staticTreeProvider(sdir({ kernel: sdir({ x: sfile('a\n') }) }));
  const writable: SyntheticProvider = {
    lookup: (_f, parts) => (parts.join('/') === 'class/net' ? { kind: 'dir', mode: 0o755, uid: 0, gid: 0 } : parts.length === 0 ? { kind: 'dir', mode: 0o755, uid: 0, gid: 0 } : undefined),
    list: (_f, parts) => (parts.length === 0 ? ['class'] : undefined),
    write: () => ok(1),
  };
  const both = combineProviders(a, writable);

  it('lookups take the first answer; lists are merged', () => {
    expect(both.lookup('sysfs:1', ['kernel', 'x'], null)?.content).toBe('a\n');
    expect(both.lookup('sysfs:1', ['class', 'net'], null)?.kind).toBe('dir');
    expect(both.list('sysfs:1', [], null)).toEqual(['kernel', 'class']);
  });

  it('writes go to the provider that owns the node', () => {
    expect(both.write!('sysfs:1', ['class', 'net'], 'x', null).ok).toBe(true);
    expect(both.write!('sysfs:1', ['kernel', 'x'], 'x', null).ok).toBe(false);
  });

  it('synthetic inode numbers are stable per path', () => {
    expect(syntheticIno('proc:3', ['cpuinfo'])).toBe(syntheticIno('proc:3', ['cpuinfo']));
    expect(syntheticIno('proc:3', ['cpuinfo'])).not.toBe(syntheticIno('proc:3', ['meminfo']));
  });
});

describe('filesystem options as show_options() prints them', () => {
  it.each([
    ['tmpfs', 'mode=755,size=65536k', 'size=65536k,mode=755,inode64', 0o755],
    ['tmpfs', 'mode=1777,size=64m', 'size=65536k,inode64', 0o1777],
    ['tmpfs', '', 'inode64', 0o1777],
    ['devpts', 'newinstance,ptmxmode=0666,mode=0620,gid=5', 'gid=5,mode=620,ptmxmode=666', 0o755],
    ['devpts', '', 'mode=600,ptmxmode=000', 0o755],
    ['mqueue', '', '', 0o1777],
  ] as const)('%s with "%s"', (type, data, shown, rootMode) => {
    expect(fsOptions(type, data)).toMatchObject({ shown, rootMode });
  });
});

describe('ls -l modes', () => {
  it.each([
    ['dir', 0o1777, 'drwxrwxrwt'],
    ['file', 0o4755, '-rwsr-xr-x'],
    ['file', 0o2640, '-rw-r-S---'],
    ['chardev', 0o666, 'crw-rw-rw-'],
    ['symlink', 0o777, 'lrwxrwxrwx'],
  ] as const)('%s %o → %s', (kind, mode, want) => {
    expect(modeString(kind, mode)).toBe(want);
  });
});
