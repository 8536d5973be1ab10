import { describe, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS } from '../../../src/sim/kernel/capabilities.ts';
import { chmod, chown, symlink } from '../../../src/sim/vfs/attrOps.ts';
import { mkdir } from '../../../src/sim/vfs/dirOps.ts';
import type { VfsEnv } from '../../../src/sim/vfs/env.ts';
import { readFile, truncateFile, writeFile } from '../../../src/sim/vfs/fileData.ts';
import { openFile, type OpenFlags } from '../../../src/sim/vfs/open.ts';
import { resolve } from '../../../src/sim/vfs/resolve.ts';
import { stat } from '../../../src/sim/vfs/stat.ts';
import { cred, ctxOf, hostEnv, LAB, must, NOW, ROOT } from './fixtures.ts';

const base = hostEnv();
const env: VfsEnv = { ...base, store: must(symlink(base, ctxOf(ROOT), '/tmp/made-by-link', '/tmp/dangling', NOW)).store };
const lab = ctxOf(LAB);
const root = ctxOf(ROOT);

describe('openFile', () => {
  it.each<[string, ReturnType<typeof ctxOf>, string, OpenFlags, string]>([
    ['opens a readable file', lab, '/etc/passwd', { access: 'r' }, 'ok'],
    ['O_CREAT|O_EXCL on an existing file', root, '/etc/passwd', { access: 'w', creat: true, excl: true }, 'EEXIST'],
    ['O_CREAT on an existing file just opens it', root, '/etc/passwd', { access: 'r', creat: true }, 'ok'],
    ['O_CREAT where lab may not write', lab, '/etc/new', { access: 'w', creat: true }, 'EACCES'],
    ['O_CREAT with a trailing slash', root, '/tmp/new/', { access: 'w', creat: true }, 'EISDIR'],
    ['O_CREAT on a directory', root, '/tmp', { access: 'r', creat: true }, 'EISDIR'],
    ['O_CREAT|O_EXCL on a directory', root, '/tmp/.', { access: 'r', creat: true, excl: true }, 'EEXIST'],
    ['write on a directory', root, '/tmp', { access: 'w' }, 'EISDIR'],
    ['O_DIRECTORY on a file', root, '/etc/passwd', { access: 'r', directory: true }, 'ENOTDIR'],
    ['O_NOFOLLOW on a symlink', root, '/bin/sh', { access: 'r', nofollow: true }, 'ELOOP'],
    ['O_TRUNC needs write permission even with O_RDONLY', lab, '/etc/passwd', { access: 'r', trunc: true }, 'EACCES'],
    ['write to a file lab does not own', lab, '/etc/hostname', { access: 'w' }, 'EACCES'],
    ['open a socket', root, '/run/docker.sock', { access: 'rw' }, 'ENXIO'],
    ['/dev/mem for root without CAP_SYS_RAWIO', ctxOf(cred(0, 0, DOCKER_DEFAULT_CAPS)), '/dev/mem', { access: 'r' }, 'EPERM'],
    ['/dev/mem for lab (0640 root:kmem)', lab, '/dev/mem', { access: 'r' }, 'EACCES'],
    ['/dev/mem for full root', root, '/dev/mem', { access: 'r' }, 'ok'],
    ['/dev/null for lab', lab, '/dev/null', { access: 'rw' }, 'ok'],
  ])('%s', (_name, ctx, path, flags, want) => {
    const r = openFile(env, ctx, path, flags, NOW);
    expect(r.ok ? 'ok' : r.errno).toBe(want);
  });

  it('creates with mode & ~umask, owned by fsuid:fsgid', () => {
    const r = must(openFile(env, { ...lab, umask: 0o027 }, '/tmp/notes', { access: 'w', creat: true, mode: 0o666 }, NOW));
    expect(r.created).toBe(true);
    expect([r.file.node.mode, r.file.node.uid, r.file.node.gid]).toEqual([0o640, 1000, 1000]);
  });

  it('mkdir drops S_ISGID from its mode; a setgid directory passes its group and the bit on', () => {
    const made = must(mkdir(env, root, '/tmp/shared', 0o2775, NOW));
    expect(made.file.node.mode).toBe(0o755);
    let e2: VfsEnv = { ...env, store: made.store };
    e2 = { ...e2, store: must(chmod(e2, root, '/tmp/shared', 0o2775, NOW)) };
    e2 = { ...e2, store: must(chown(e2, root, '/tmp/shared', -1, 50)) };
    const staffLab = ctxOf(cred(1000, 1000, [], [1000, 50]));
    const f = must(openFile(e2, staffLab, '/tmp/shared/f', { access: 'w', creat: true }, NOW));
    expect(f.file.node.gid).toBe(50);
    const sub = must(mkdir({ ...e2, store: f.store }, root, '/tmp/shared/sub', 0o755, NOW));
    expect([sub.file.node.gid, sub.file.node.mode]).toEqual([50, 0o2755]);
  });

  it('O_CREAT through a dangling symlink creates its target', () => {
    const r = must(openFile(env, root, '/tmp/dangling', { access: 'w', creat: true }, NOW));
    expect(r.file.path).toBe('/tmp/made-by-link');
  });

  it('O_TRUNC empties the file', () => {
    const r = must(openFile(env, root, '/etc/hostname', { access: 'w', trunc: true }, NOW));
    const after = must(stat({ ...env, store: r.store }, root, '/etc/hostname'));
    expect(after.st_size).toBe(0);
  });
});

describe('read, write and truncate', () => {
  const at = (path: string) => must(resolve(env, root, path));

  it.each([
    ['/etc/hostname', 0, 100, 'lab-host\n'],
    ['/etc/hostname', 4, 4, 'host'],
    ['/etc/hostname', 100, 10, ''],
    ['/usr/bin/cat', 0, 6, '\x7fELF\0\0'],
    ['/dev/null', 0, 10, ''],
    ['/dev/zero', 0, 4, '\0\0\0\0'],
    ['/dev/full', 0, 2, '\0\0'],
    ['/proc/cpuinfo', 0, 9, 'processor'],
  ])('read %s at %i, %i bytes', (path, offset, count, want) => {
    expect(must(readFile(env, at(path), offset, count))).toBe(want);
  });

  it('/dev/urandom gives the asked number of bytes', () => {
    expect(must(readFile(env, at('/dev/urandom'), 0, 16))).toHaveLength(16);
  });

  it.each([
    ['/dev/null', 'discarded', 'ok'],
    ['/dev/zero', 'discarded', 'ok'],
    ['/dev/full', 'x', 'ENOSPC'],
  ])('write to %s', (path, data, want) => {
    const r = writeFile(env, at(path), data, 0, NOW);
    expect(r.ok ? 'ok' : r.errno).toBe(want);
  });

  it('a directory is not read with read(2)', () => {
    const r = readFile(env, at('/etc'), 0, 10);
    expect(r.ok ? 'ok' : r.errno).toBe('EISDIR');
  });

  it('writes at an offset, appends and truncates, leaving the input store alone', () => {
    const f = at('/etc/hostname');
    const w1 = must(writeFile(env, f, 'LAB', 0, NOW + 1));
    const e1 = { ...env, store: w1.store };
    expect(must(readFile(e1, f, 0, 100))).toBe('LAB-host\n');
    const w2 = must(writeFile(e1, f, 'extra\n', 'append', NOW + 2));
    const e2 = { ...env, store: w2.store };
    expect(must(readFile(e2, f, 0, 100))).toBe('LAB-host\nextra\n');
    const e3 = { ...env, store: must(truncateFile(e2, f, 3, NOW + 3)) };
    expect(must(readFile(e3, f, 0, 100))).toBe('LAB');
    expect(must(readFile(env, f, 0, 100))).toBe('lab-host\n');
  });

  it('a write past the end pads with zero bytes', () => {
    const f = at('/etc/hostname');
    const w = must(writeFile(env, f, '!', 12, NOW));
    expect(must(readFile({ ...env, store: w.store }, f, 0, 100))).toBe('lab-host\n\0\0\0!');
  });

  it('writes to a synthetic file go to its provider', () => {
    const r = writeFile(env, at('/proc/sys/kernel/hostname'), 'box\n', 0, NOW);
    expect(must(r).written).toBe(4);
  });
});
