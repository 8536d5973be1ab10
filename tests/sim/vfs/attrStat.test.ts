import { describe, expect, it } from 'vitest';
import { chmod, chown, mknod, readlink, symlink } from '../../../src/sim/vfs/attrOps.ts';
import type { VfsEnv } from '../../../src/sim/vfs/env.ts';
import { openFile } from '../../../src/sim/vfs/open.ts';
import { formatMode, formatStat, stat } from '../../../src/sim/vfs/stat.ts';
import { cred, ctxOf, hostEnv, LAB, must, NOW, ROOT } from './fixtures.ts';

const base = hostEnv();
const env: VfsEnv = { ...base, store: must(openFile(base, ctxOf(LAB), '/tmp/mine', { access: 'w', creat: true, mode: 0o755 }, NOW)).store };
const root = ctxOf(ROOT);
const lab = ctxOf(LAB);
const result = (r: { ok: boolean; errno?: string }) => (r.ok ? 'ok' : r.errno);

describe('stat and how strace prints it', () => {
  it.each([
    ['/etc/passwd', true, /^\{st_mode=S_IFREG\|0644, st_size=\d+, \.\.\.\}$/],
    ['/tmp', true, /^\{st_mode=S_IFDIR\|S_ISVTX\|0777, st_size=4096, \.\.\.\}$/],
    ['/dev/null', true, /^\{st_mode=S_IFCHR\|0666, st_rdev=makedev\(0x1, 0x3\), \.\.\.\}$/],
    ['/dev/sda1', true, /^\{st_mode=S_IFBLK\|0660, st_rdev=makedev\(0x8, 0x1\), \.\.\.\}$/],
    ['/bin/sh', false, /^\{st_mode=S_IFLNK\|0777, st_size=4, \.\.\.\}$/],
    ['/usr/bin/mount', true, /^\{st_mode=S_IFREG\|S_ISUID\|0755, /],
    ['/run/docker.sock', true, /^\{st_mode=S_IFSOCK\|0660, /],
  ])('%s', (path, follow, pattern) => {
    expect(formatStat(must(stat(env, root, path, { follow })))).toMatch(pattern);
  });

  it('verbose form has the device, inode and owner', () => {
    const s = must(stat(env, root, '/etc/hostname'));
    expect(formatStat(s, true)).toMatch(/^\{st_dev=makedev\(0x8, 0x1\), st_ino=\d+, st_mode=S_IFREG\|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=9, /);
  });

  it.each([
    ['file', 0o644, 'S_IFREG|0644'],
    ['dir', 0o1777, 'S_IFDIR|S_ISVTX|0777'],
    ['file', 0o2755, 'S_IFREG|S_ISGID|0755'],
    ['fifo', 0, 'S_IFIFO|000'],
  ] as const)('%s %o → %s', (kind, mode, want) => {
    expect(formatMode(kind, mode)).toBe(want);
  });

  it('st_dev tells filesystems apart', () => {
    expect(must(stat(env, root, '/etc')).st_dev).toEqual({ major: 8, minor: 1 });
    expect(must(stat(env, root, '/dev')).st_dev.major).toBe(0);
  });
});

describe('chmod, chown, mknod, symlink', () => {
  it.each([
    ['the owner', lab, '/tmp/mine', 'ok'],
    ['someone else', ctxOf(cred(1001, 1001)), '/tmp/mine', 'EPERM'],
    ['root with CAP_FOWNER', root, '/tmp/mine', 'ok'],
    ['a proc file', root, '/proc/cpuinfo', 'EPERM'],
  ])('chmod by %s', (_n, ctx, path, want) => {
    expect(result(chmod(env, ctx, path, 0o600, NOW))).toBe(want);
  });

  it('an owner outside the file group loses S_ISGID on chmod', () => {
    const rootOwned = must(chown(env, root, '/tmp/mine', -1, 50));
    const store = must(chmod({ ...env, store: rootOwned }, lab, '/tmp/mine', 0o2755, NOW));
    expect(must(stat({ ...env, store }, root, '/tmp/mine')).st_mode & 0o7777).toBe(0o755);
  });

  it.each([
    ['lab gives the file away', lab, 0, -1, 'EPERM'],
    ['lab changes the group to one it is not in', lab, -1, 0, 'EPERM'],
    ['lab keeps its own ids', lab, 1000, 1000, 'ok'],
    ['root with CAP_CHOWN', root, 0, 0, 'ok'],
    ['root without CAP_CHOWN', ctxOf(cred(0, 0, ['CAP_DAC_OVERRIDE'])), 1001, -1, 'EPERM'],
  ])('chown: %s', (_n, ctx, uid, gid, want) => {
    expect(result(chown(env, ctx, '/tmp/mine', uid, gid))).toBe(want);
  });

  it('chown clears S_ISUID', () => {
    const s1 = must(chmod(env, root, '/tmp/mine', 0o4755, NOW));
    const s2 = must(chown({ ...env, store: s1 }, root, '/tmp/mine', 0, 0));
    expect(must(stat({ ...env, store: s2 }, root, '/tmp/mine')).st_mode & 0o7777).toBe(0o755);
  });

  it('mknod makes a device node (the caller checked CAP_MKNOD)', () => {
    const made = must(mknod(env, root, '/tmp/sda1', 'blockdev', 0o600, { major: 8, minor: 1 }, NOW));
    expect(formatStat(must(stat({ ...env, store: made.store }, root, '/tmp/sda1')))).toBe('{st_mode=S_IFBLK|0600, st_rdev=makedev(0x8, 0x1), ...}');
  });

  it.each([
    ['dir', 'EPERM'],
    ['fifo', 'ok'],
  ] as const)('mknod of a %s: %s', (kind, want) => {
    expect(result(mknod(env, root, '/tmp/n', kind, 0o644, undefined, NOW))).toBe(want);
  });

  it('symlink stores its target as given; readlink returns it', () => {
    const made = must(symlink(env, lab, '../etc/passwd', '/tmp/pw', NOW));
    expect(must(readlink({ ...env, store: made.store }, lab, '/tmp/pw'))).toBe('../etc/passwd');
    expect(result(readlink(env, lab, '/etc/passwd'))).toBe('EINVAL');
  });
});
