import { describe, expect, it } from 'vitest';
import type { PathCtx, VfsEnv } from '../../../src/sim/vfs/env.ts';
import { msFlagNames, msFlagValue } from '../../../src/sim/vfs/mountFlags.ts';
import { sysMount, sysUmount2, type MountCall } from '../../../src/sim/vfs/mountSyscalls.ts';
import { openFile } from '../../../src/sim/vfs/open.ts';
import { renderMountinfo, renderMounts } from '../../../src/sim/vfs/procMounts.ts';
import { resolve } from '../../../src/sim/vfs/resolve.ts';
import { mkdirAll, writeWholeFile } from '../../../src/sim/vfs/setupHelpers.ts';
import { ctxOf, hostEnv, must, NOW, ROOT } from './fixtures.ts';

const root = ctxOf(ROOT);
const base = hostEnv();
const result = (r: { ok: boolean; errno?: string }) => (r.ok ? 'ok' : r.errno);

function mount(env: VfsEnv, call: Partial<MountCall> & { target: string }, ctx: PathCtx = root): VfsEnv {
  const r = must(sysMount(env, ctx, { source: null, fstype: null, flags: [], data: null, ...call }));
  return { ...env, ...r };
}

const fsTypeAt = (env: VfsEnv, path: string) => env.store.filesystems[must(resolve(env, root, path)).fsId]?.type;

describe('mount(2): new filesystems', () => {
  it('mounts a tmpfs on /mnt and lists it as /proc/mounts does', () => {
    const env = mount(base, { source: 'tmpfs', target: '/mnt', fstype: 'tmpfs', data: 'size=1m' });
    expect(fsTypeAt(env, '/mnt')).toBe('tmpfs');
    expect(renderMounts(env.store, env.ns)).toContain('tmpfs /mnt tmpfs rw,relatime,size=1024k,inode64 0 0\n');
  });

  it.each<[string, Partial<MountCall> & { target: string }, string]>([
    ['a target that is a file', { source: 'tmpfs', target: '/etc/passwd', fstype: 'tmpfs' }, 'ENOTDIR'],
    ['a missing target', { source: 'tmpfs', target: '/nope', fstype: 'tmpfs' }, 'ENOENT'],
    ['an unknown filesystem type', { source: 'x', target: '/mnt', fstype: 'zfs' }, 'ENODEV'],
    ['no filesystem type', { source: 'x', target: '/mnt' }, 'EINVAL'],
    ['ext4 from a character device', { source: '/dev/null', target: '/mnt', fstype: 'ext4' }, 'ENOTBLK'],
    ['ext4 from a disk with no ext4 on it', { source: '/dev/sda', target: '/mnt', fstype: 'ext4' }, 'EINVAL'],
    ['more than one propagation flag', { target: '/', flags: ['MS_PRIVATE', 'MS_SHARED'] }, 'EINVAL'],
  ])('%s → %s', (_name, call, want) => {
    expect(result(sysMount(base, root, { source: null, fstype: null, flags: [], data: null, ...call }))).toBe(want);
  });

  it('mounting the host disk again shows the same files (the classic escape with CAP_SYS_ADMIN)', () => {
    const env = mount(base, { source: '/dev/sda1', target: '/mnt', fstype: 'ext4' });
    const shadow = must(resolve(env, root, '/mnt/etc/shadow'));
    expect(shadow.ino).toBe(must(resolve(env, root, '/etc/shadow')).ino);
    expect(shadow.mountId).not.toBe(must(resolve(env, root, '/etc/shadow')).mountId);
  });

  it('the topmost mount wins, and unmounting it uncovers the one below', () => {
    let env = mount(base, { source: 'first', target: '/mnt', fstype: 'tmpfs' });
    env = { ...env, store: must(writeWholeFile(env, root, '/mnt/a', 'a', 0o644, NOW)) };
    env = mount(env, { source: 'second', target: '/mnt', fstype: 'tmpfs' });
    expect(result(resolve(env, root, '/mnt/a'))).toBe('ENOENT');
    const un = must(sysUmount2(env, root, '/mnt', []));
    expect(result(resolve({ ...env, ns: un.ns }, root, '/mnt/a'))).toBe('ok');
  });

  it('a new mount under a shared parent is shared in a new peer group', () => {
    const env = mount(base, { source: 'tmpfs', target: '/mnt', fstype: 'tmpfs' });
    expect(renderMountinfo(env.store, env.ns)).toMatch(/ \/mnt rw,relatime shared:\d+ - tmpfs tmpfs rw,inode64\n/);
  });
});

describe('mount(2): bind mounts', () => {
  it('shows the same inode in a second place', () => {
    const env = mount(base, { source: '/etc', target: '/mnt', flags: ['MS_BIND'] });
    expect(must(resolve(env, root, '/mnt/passwd')).ino).toBe(must(resolve(env, root, '/etc/passwd')).ino);
    expect(renderMountinfo(env.store, env.ns)).toMatch(/ 8:1 \/etc \/mnt rw,relatime shared:1 - ext4 \/dev\/sda1 /);
  });

  it('a file on a directory is ENOTDIR', () => {
    expect(result(sysMount(base, root, { source: '/etc/passwd', target: '/mnt', fstype: null, flags: ['MS_BIND'] }))).toBe('ENOTDIR');
  });

  it.each([
    [['MS_BIND'], 'ENOENT'],
    [['MS_BIND', 'MS_REC'], 'ok'],
  ] as const)('%j of /dev: /mnt/pts/ptmx is %s', (flags, want) => {
    const env = mount(base, { source: '/dev', target: '/mnt', flags });
    expect(result(resolve(env, root, '/mnt/pts/ptmx'))).toBe(want);
  });
});

describe('mount(2): remount', () => {
  const bound = mount(base, { source: '/tmp', target: '/mnt', flags: ['MS_BIND'] });

  it('MS_REMOUNT|MS_BIND|MS_RDONLY makes only that mount read-only', () => {
    const env = mount(bound, { target: '/mnt', flags: ['MS_REMOUNT', 'MS_BIND', 'MS_RDONLY'] });
    expect(result(openFile(env, root, '/mnt/x', { access: 'w', creat: true }, NOW))).toBe('EROFS');
    expect(result(openFile(env, root, '/tmp/x', { access: 'w', creat: true }, NOW))).toBe('ok');
    expect(renderMounts(env.store, env.ns)).toContain('/dev/sda1 /mnt ext4 ro,relatime,errors=remount-ro 0 0');
  });

  it('a bind remount clears the flags it is not given', () => {
    const env = mount(base, { target: '/dev/shm', flags: ['MS_REMOUNT', 'MS_BIND', 'MS_RDONLY'] });
    expect(renderMounts(env.store, env.ns)).toContain('tmpfs /dev/shm tmpfs ro,inode64 0 0');
  });

  it('MS_REMOUNT without MS_BIND makes the superblock read-only for every mount of it', () => {
    let env = mount(base, { source: '/run', target: '/mnt', flags: ['MS_BIND'] });
    env = mount(env, { target: '/run', flags: ['MS_REMOUNT', 'MS_RDONLY'] });
    expect(result(openFile(env, root, '/mnt/new', { access: 'w', creat: true }, NOW))).toBe('EROFS');
  });

  it('a remount of a directory that is not a mount point is EINVAL', () => {
    expect(result(sysMount(base, root, { source: null, target: '/etc', fstype: null, flags: ['MS_REMOUNT', 'MS_BIND', 'MS_RDONLY'] }))).toBe('EINVAL');
  });

  it('device nodes stay writable on a read-only mount; regular files do not', () => {
    const env = mount(base, { target: '/dev', flags: ['MS_REMOUNT', 'MS_BIND', 'MS_RDONLY'] });
    expect(result(openFile(env, root, '/dev/null', { access: 'w' }, NOW))).toBe('ok');
    expect(result(openFile(env, root, '/dev/newfile', { access: 'w', creat: true }, NOW))).toBe('EROFS');
  });
});

describe('mount(2): propagation and MS_MOVE', () => {
  it.each([
    [['MS_PRIVATE', 'MS_REC'], /^21 1 8:1 \/ \/ rw,relatime - ext4/],
    [['MS_SLAVE', 'MS_REC'], /^21 1 8:1 \/ \/ rw,relatime master:1 - ext4/],
    [['MS_UNBINDABLE'], /^21 1 8:1 \/ \/ rw,relatime unbindable - ext4/],
  ] as const)('%j on / → %s', (flags, pattern) => {
    const env = mount(base, { target: '/', flags });
    expect(renderMountinfo(env.store, env.ns)).toMatch(pattern);
  });

  it('MS_REC reaches every mount below', () => {
    const env = mount(base, { target: '/', flags: ['MS_PRIVATE', 'MS_REC'] });
    expect(renderMountinfo(env.store, env.ns)).not.toContain('shared:');
  });

  it('MS_MOVE moves a mount and its submounts', () => {
    let env = mount(base, { target: '/', flags: ['MS_PRIVATE', 'MS_REC'] });
    env = { ...env, store: must(mkdirAll(env, root, '/srv/dev', 0o755, NOW)) };
    env = mount(env, { source: '/dev', target: '/srv/dev', flags: ['MS_MOVE'] });
    expect(result(resolve(env, root, '/srv/dev/pts/ptmx'))).toBe('ok');
    expect(fsTypeAt(env, '/dev')).toBe('ext4');
  });

  it('MS_MOVE into itself is ELOOP', () => {
    const env = mount(base, { target: '/', flags: ['MS_PRIVATE', 'MS_REC'] });
    expect(result(sysMount(env, root, { source: '/dev', target: '/dev/pts', fstype: null, flags: ['MS_MOVE'] }))).toBe('ELOOP');
  });
});

describe('umount2(2)', () => {
  it.each<[string, string, number | readonly string[], string]>([
    ['not a mount point', '/etc', [], 'EINVAL'],
    ['a mount with mounts below it', '/dev', [], 'EBUSY'],
    ['the same with MNT_DETACH', '/dev', ['MNT_DETACH'], 'ok'],
    ['the root', '/', [], 'EBUSY'],
    ['a leaf mount', '/dev/pts', [], 'ok'],
    ['a missing path', '/nope', [], 'ENOENT'],
    ['MNT_EXPIRE with MNT_DETACH', '/dev/pts', ['MNT_EXPIRE', 'MNT_DETACH'], 'EINVAL'],
  ])('%s: %s', (_name, path, flags, want) => {
    expect(result(sysUmount2(base, root, path, flags as never))).toBe(want);
  });

  it('MNT_DETACH takes the submounts too', () => {
    const r = must(sysUmount2(base, root, '/dev', ['MNT_DETACH']));
    expect(r.removed).toHaveLength(4);
    expect(renderMounts(base.store, r.ns)).not.toMatch(/ \/dev[ /]/);
  });

  it('a mount some process still uses is busy', () => {
    const pts = must(resolve(base, root, '/dev/pts')).mountId;
    expect(result(sysUmount2(base, root, '/dev/pts', 0, { busyMountIds: [pts] }))).toBe('EBUSY');
  });
});

describe('mount flag numbers', () => {
  it.each([
    [0x1000 | 0x4000, ['MS_BIND', 'MS_REC']],
    [0x20 | 0x1000 | 0x1, ['MS_RDONLY', 'MS_REMOUNT', 'MS_BIND']],
    [0xc0ed0001, ['MS_RDONLY']],
  ])('%i → %j', (value, names) => {
    expect(msFlagNames(value)).toEqual(names);
    if (value < 0x10000000) expect(msFlagValue(msFlagNames(value))).toBe(value);
  });
});
