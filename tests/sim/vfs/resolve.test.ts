import { describe, expect, it } from 'vitest';
import type { ErrnoName } from '../../../src/sim/errno.ts';
import type { PathCtx, VfsEnv } from '../../../src/sim/vfs/env.ts';
import { MAX_SYMLINKS, resolve, resolveParent } from '../../../src/sim/vfs/resolve.ts';
import { mkdirAll, writeWholeFile } from '../../../src/sim/vfs/setupHelpers.ts';
import { symlink } from '../../../src/sim/vfs/attrOps.ts';
import { cred, ctxOf, hostEnv, LAB, must, NOW, ROOT } from './fixtures.ts';

/** The host plus a jail at /srv/jail and a few symlinks under /tmp. */
function world(): VfsEnv {
  let env = hostEnv();
  const c = ctxOf(ROOT);
  const step = (r: { store: VfsEnv['store'] }) => { env = { ...env, store: r.store }; };
  env = { ...env, store: must(mkdirAll(env, c, '/srv/jail/etc', 0o755, NOW)) };
  env = { ...env, store: must(writeWholeFile(env, c, '/srv/jail/etc/passwd', 'root:x:0:0:jail:/:/bin/sh\n', 0o644, NOW)) };
  step(must(symlink(env, c, '/etc/passwd', '/srv/jail/abs', NOW)));
  step(must(symlink(env, c, '../../../../etc', '/srv/jail/up', NOW)));
  step(must(symlink(env, c, '/tmp/loop2', '/tmp/loop1', NOW)));
  step(must(symlink(env, c, '/tmp/loop1', '/tmp/loop2', NOW)));
  step(must(symlink(env, c, 'nowhere', '/tmp/dangling', NOW)));
  for (let i = 0; i <= MAX_SYMLINKS; i++) step(must(symlink(env, c, i === MAX_SYMLINKS ? '/etc/hostname' : `/tmp/chain${i + 1}`, `/tmp/chain${i}`, NOW)));
  return env;
}

const env = world();
const root = ctxOf(ROOT);

type Row = { name: string; path: string; ctx?: PathCtx; follow?: boolean; expect: string | ErrnoName };

describe('resolve', () => {
  it.each<Row>([
    { name: 'absolute path', path: '/etc/passwd', expect: '/etc/passwd' },
    { name: 'merged /usr symlink and sh → dash', path: '/bin/sh', expect: '/usr/bin/dash' },
    { name: 'final symlink not followed', path: '/bin/sh', follow: false, expect: '/usr/bin/sh' },
    { name: '. and .. inside the path', path: '/etc/../etc/./passwd', expect: '/etc/passwd' },
    { name: '.. at the root stays at the root', path: '/../../etc/passwd', expect: '/etc/passwd' },
    { name: 'relative to the cwd', path: 'passwd', ctx: ctxOf(ROOT, '/etc'), expect: '/etc/passwd' },
    { name: 'relative with ..', path: '../etc/hosts', ctx: ctxOf(ROOT, '/usr'), expect: '/etc/hosts' },
    { name: 'symlink into another mount (/var/run → /run tmpfs)', path: '/var/run/docker.sock', expect: '/run/docker.sock' },
    { name: 'the ELF interpreter path', path: '/lib64/ld-linux-x86-64.so.2', expect: '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2' },
    { name: 'a symlink into proc, then /proc/self', path: '/dev/fd', expect: '/proc/1/fd' },
    { name: 'trailing slash on a file', path: '/etc/passwd/', expect: 'ENOTDIR' },
    { name: 'a file used as a directory', path: '/etc/passwd/x', expect: 'ENOTDIR' },
    { name: 'missing final component', path: '/nope', expect: 'ENOENT' },
    { name: 'missing middle component', path: '/etc/nope/x', expect: 'ENOENT' },
    { name: 'empty path', path: '', expect: 'ENOENT' },
    { name: 'dangling symlink', path: '/tmp/dangling', expect: 'ENOENT' },
    { name: 'a component over NAME_MAX', path: `/tmp/${'a'.repeat(256)}`, expect: 'ENAMETOOLONG' },
    { name: 'a path of PATH_MAX bytes', path: `/${'a/'.repeat(2048)}`, expect: 'ENAMETOOLONG' },
    { name: 'a symlink loop', path: '/tmp/loop1', expect: 'ELOOP' },
    { name: '40 symlinks are allowed', path: '/tmp/chain1', expect: '/etc/hostname' },
    { name: 'the 41st symlink is ELOOP', path: '/tmp/chain0', expect: 'ELOOP' },
    { name: 'chroot: / is the jail', path: '/etc/passwd', ctx: ctxOf(ROOT, '/srv/jail', '/srv/jail'), expect: '/srv/jail/etc/passwd' },
    { name: 'chroot: .. cannot leave the jail', path: '/../../etc/passwd', ctx: ctxOf(ROOT, '/srv/jail', '/srv/jail'), expect: '/srv/jail/etc/passwd' },
    { name: 'chroot: an absolute symlink resolves in the jail', path: '/abs', ctx: ctxOf(ROOT, '/srv/jail', '/srv/jail'), expect: '/srv/jail/etc/passwd' },
    { name: 'chroot: a relative symlink with .. stops at the jail root', path: '/up/passwd', ctx: ctxOf(ROOT, '/srv/jail', '/srv/jail'), expect: '/srv/jail/etc/passwd' },
    { name: 'chroot escape: a cwd outside the root walks up past it', path: '../etc/shadow', ctx: ctxOf(ROOT, '/srv', '/srv/jail'), expect: '/etc/shadow' },
    { name: 'search permission: lab may not enter /var/lib/docker (0710 root)', path: '/var/lib/docker/containers', ctx: ctxOf(LAB), expect: 'EACCES' },
    { name: 'search permission: another user may not enter /home/lab (0700)', path: '/home/lab/.profile', ctx: ctxOf(cred(1001, 1001)), expect: 'EACCES' },
    { name: 'search permission: the owner may', path: '/home/lab', ctx: ctxOf(LAB), expect: '/home/lab' },
  ])('$name: $path', ({ path, ctx, follow, expect: want }) => {
    const r = resolve(env, ctx ?? root, path, { follow: follow !== false });
    if (want.startsWith('/')) expect(must(r).path).toBe(want);
    else expect(r.ok ? r.value.path : r.errno).toBe(want);
  });

  it.each([
    ['/dev/null', 'devtmpfs', 'chardev'],
    ['/dev/pts/ptmx', 'devpts', 'chardev'],
    ['/run/docker.sock', 'tmpfs', 'socket'],
    ['/sys/fs/cgroup', 'cgroup2', 'dir'],
    ['/proc/cpuinfo', 'proc', 'file'],
    ['/etc', 'ext4', 'dir'],
  ])('crosses into the mount at %s (%s)', (path, type, kind) => {
    const r = must(resolve(env, root, path));
    expect(env.store.filesystems[r.fsId]?.type).toBe(type);
    expect(r.node.kind).toBe(kind);
  });

  it('reports the directory a file was found in', () => {
    const r = must(resolve(env, root, '/etc/passwd'));
    expect(r.parent.path).toBe('/etc');
  });
});

describe('resolveParent', () => {
  it.each([
    ['/tmp/new', 'normal', 'new', '/tmp'],
    ['/tmp/new/', 'normal', 'new', '/tmp'],
    ['/tmp/.', 'dot', '.', '/tmp'],
    ['/tmp/..', 'dotdot', '..', '/tmp'],
    ['/', 'root', '', '/'],
    ['/var/run/x', 'normal', 'x', '/run'],
  ])('%s → last %s, name %s, in %s', (path, last, name, dir) => {
    const p = must(resolveParent(env, root, path));
    expect([p.last, p.name, p.dir.path]).toEqual([last, name, dir]);
  });

  it('fails with ENOTDIR when the parent is a file', () => {
    const p = resolveParent(env, root, '/etc/passwd/x');
    expect(p.ok ? 'ok' : p.errno).toBe('ENOTDIR');
  });
});
