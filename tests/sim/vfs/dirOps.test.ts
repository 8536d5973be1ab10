import { describe, expect, it } from 'vitest';
import { mkdir, readdir, rmdir, unlink } from '../../../src/sim/vfs/dirOps.ts';
import type { PathCtx, VfsEnv } from '../../../src/sim/vfs/env.ts';
import { openFile } from '../../../src/sim/vfs/open.ts';
import { resolve } from '../../../src/sim/vfs/resolve.ts';
import { cred, ctxOf, hostEnv, LAB, must, NOW, ROOT } from './fixtures.ts';

/** Host plus /tmp/lab-file (owned by lab) and /tmp/full/inner. */
function world(): VfsEnv {
  let env = hostEnv();
  env = { ...env, store: must(openFile(env, ctxOf(LAB), '/tmp/lab-file', { access: 'w', creat: true }, NOW)).store };
  env = { ...env, store: must(mkdir(env, ctxOf(ROOT), '/tmp/full', 0o755, NOW)).store };
  env = { ...env, store: must(mkdir(env, ctxOf(ROOT), '/tmp/full/inner', 0o755, NOW)).store };
  env = { ...env, store: must(mkdir(env, ctxOf(ROOT), '/tmp/empty', 0o755, NOW)).store };
  return env;
}

const env = world();
const root = ctxOf(ROOT);
const lab = ctxOf(LAB);
const stranger = ctxOf(cred(1001, 1001));
const result = (r: { ok: boolean; errno?: string }) => (r.ok ? 'ok' : r.errno);

describe('mkdir', () => {
  it.each<[string, string, PathCtx, string]>([
    ['a new directory', '/tmp/d', lab, 'ok'],
    ['with a trailing slash', '/tmp/d/', lab, 'ok'],
    ['an existing name', '/etc', root, 'EEXIST'],
    ['an existing name, even where the caller may not write', '/etc/passwd', lab, 'EEXIST'],
    ['the root', '/', root, 'EEXIST'],
    ['in a missing directory', '/tmp/none/d', root, 'ENOENT'],
    ['where lab may not write', '/etc/d', lab, 'EACCES'],
    ['inside a file', '/etc/passwd/d', root, 'ENOTDIR'],
    ['in proc', '/proc/d', root, 'ENOENT'],
    ['in sysfs', '/sys/d', root, 'EACCES'],
  ])('%s: %s', (_name, path, ctx, want) => {
    expect(result(mkdir(env, ctx, path, 0o755, NOW))).toBe(want);
  });

  it('applies the umask and sets the owner', () => {
    const d = must(mkdir(env, { ...lab, umask: 0o077 }, '/tmp/private', 0o777, NOW));
    expect([d.file.node.mode, d.file.node.uid, d.file.node.nlink]).toEqual([0o700, 1000, 2]);
  });
});

describe('unlink and the sticky bit of /tmp (1777)', () => {
  it.each<[string, string, PathCtx, string]>([
    ['the owner removes their file', '/tmp/lab-file', lab, 'ok'],
    ['another user may not, though /tmp is world-writable', '/tmp/lab-file', stranger, 'EPERM'],
    ['CAP_DAC_OVERRIDE does not override the sticky bit', '/tmp/lab-file', ctxOf(cred(1001, 1001, ['CAP_DAC_OVERRIDE'])), 'EPERM'],
    ['the directory owner (root owns /tmp) may, even without capabilities', '/tmp/lab-file', ctxOf(cred(0, 0, [])), 'ok'],
    ['root with CAP_FOWNER may', '/tmp/lab-file', root, 'ok'],
    ['a directory', '/tmp/full', root, 'EISDIR'],
    ['a missing file', '/tmp/none', root, 'ENOENT'],
    ['a path ending in .', '/tmp/.', root, 'EISDIR'],
    ['a file with a trailing slash', '/etc/passwd/', root, 'ENOTDIR'],
    ['in a directory lab may not write', '/etc/passwd', lab, 'EACCES'],
    ['a symlink itself, not its target', '/usr/bin/sh', root, 'ok'],
    ['a file in proc', '/proc/cpuinfo', root, 'EPERM'],
  ])('%s: %s', (_name, path, ctx, want) => {
    expect(result(unlink(env, ctx, path, NOW))).toBe(want);
  });

  it('removes the entry and leaves the input store untouched', () => {
    const store = must(unlink(env, lab, '/tmp/lab-file', NOW));
    expect(result(resolve({ ...env, store }, root, '/tmp/lab-file'))).toBe('ENOENT');
    expect(result(resolve(env, root, '/tmp/lab-file'))).toBe('ok');
  });
});

describe('rmdir', () => {
  it.each<[string, string, PathCtx, string]>([
    ['an empty directory', '/tmp/empty', root, 'ok'],
    ['a directory with entries', '/tmp/full', root, 'ENOTEMPTY'],
    ['a file', '/etc/passwd', root, 'ENOTDIR'],
    ['a path ending in .', '/tmp/empty/.', root, 'EINVAL'],
    ['a path ending in ..', '/tmp/empty/..', root, 'ENOTEMPTY'],
    ['the root', '/', root, 'EBUSY'],
    ['a mount point', '/dev/pts', root, 'EBUSY'],
    ['a missing directory', '/tmp/none', root, 'ENOENT'],
  ])('%s: %s', (_name, path, ctx, want) => {
    expect(result(rmdir(env, ctx, path, NOW))).toBe(want);
  });

  it('drops the parent link count', () => {
    const before = must(resolve(env, root, '/tmp')).node.nlink;
    const store = must(rmdir(env, root, '/tmp/empty', NOW));
    expect(must(resolve({ ...env, store }, root, '/tmp')).node.nlink).toBe(before - 1);
  });
});

describe('readdir', () => {
  const names = (path: string) => must(readdir(env, must(resolve(env, root, path)))).map((e) => e.name);

  it.each([
    ['/tmp/full', ['.', '..', 'inner']],
    ['/dev/pts', ['.', '..', 'ptmx']],
    ['/sys/fs', ['.', '..', 'cgroup', 'bpf', 'fuse']],
  ])('%s lists %j', (path, want) => {
    expect(names(path)).toEqual(want);
  });

  it('gives d_type and ino', () => {
    const entries = must(readdir(env, must(resolve(env, root, '/dev'))));
    expect(entries.find((e) => e.name === 'null')).toMatchObject({ kind: 'chardev', dType: 2 });
    expect(entries.find((e) => e.name === 'sda')).toMatchObject({ kind: 'blockdev', dType: 6 });
    expect(entries.find((e) => e.name === 'fd')).toMatchObject({ kind: 'symlink', dType: 10 });
  });

  it('lists proc through its provider', () => {
    expect(names('/proc')).toEqual(expect.arrayContaining(['.', '..', 'kcore', 'sys', 'self', 'cpuinfo']));
  });

  it('a file is not a directory', () => {
    expect(result(readdir(env, must(resolve(env, root, '/etc/passwd'))))).toBe('ENOTDIR');
  });
});
