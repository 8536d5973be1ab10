import { describe, expect, it } from 'vitest';
import type { PathCtx, VfsEnv } from '../../../src/sim/vfs/env.ts';
import { sysMount, sysPivotRoot, sysUmount2, type MountCall } from '../../../src/sim/vfs/mountSyscalls.ts';
import { rebasePathAfterPivot } from '../../../src/sim/vfs/pivotRoot.ts';
import { renderMounts } from '../../../src/sim/vfs/procMounts.ts';
import { resolve } from '../../../src/sim/vfs/resolve.ts';
import { mkdirAll, writeWholeFile } from '../../../src/sim/vfs/setupHelpers.ts';
import { ctxOf, hostEnv, must, NOW, ROOT } from './fixtures.ts';

const root = ctxOf(ROOT);
const result = (r: { ok: boolean; errno?: string }) => (r.ok ? 'ok' : r.errno);

function mount(env: VfsEnv, call: Partial<MountCall> & { target: string }): VfsEnv {
  return { ...env, ...must(sysMount(env, root, { source: null, fstype: null, flags: [], data: null, ...call })) };
}

/** The host with / made rprivate, tmpfs on /newroot (holding old/ and hello) and on /etc/nr, and a plain dir /plain. */
function prepared(): VfsEnv {
  let env = hostEnv();
  env = { ...env, store: must(mkdirAll(env, root, '/newroot', 0o755, NOW)) };
  env = { ...env, store: must(mkdirAll(env, root, '/plain/old', 0o755, NOW)) };
  env = { ...env, store: must(mkdirAll(env, root, '/etc/nr', 0o755, NOW)) };
  env = mount(env, { target: '/', flags: ['MS_PRIVATE', 'MS_REC'] });
  env = mount(env, { source: 'tmpfs', target: '/newroot', fstype: 'tmpfs' });
  env = mount(env, { source: 'tmpfs', target: '/etc/nr', fstype: 'tmpfs' });
  env = { ...env, store: must(mkdirAll(env, root, '/newroot/old', 0o755, NOW)) };
  env = { ...env, store: must(writeWholeFile(env, root, '/newroot/hello', 'hi\n', 0o644, NOW)) };
  return env;
}

const env = prepared();

describe('pivot_root(2) errors', () => {
  it.each<[string, VfsEnv, PathCtx, string, string, string]>([
    ['/ is shared on a systemd host', hostEnv(), root, '/tmp', '/tmp', 'EINVAL'],
    ['new_root is a plain directory on the root mount (same mount: checked first)', env, root, '/plain', '/plain/old', 'EBUSY'],
    ['new_root is inside another mount but not its root', env, root, '/newroot/old', '/newroot/old', 'EINVAL'],
    ['new_root is the current root', env, root, '/', '/tmp', 'EBUSY'],
    ['put_old is not under new_root', env, root, '/newroot', '/tmp', 'EBUSY'],
    ['put_old is outside new_root on another mount', env, root, '/newroot', '/dev/pts', 'EINVAL'],
    ['new_root is a file', env, root, '/etc/passwd', '/tmp', 'ENOTDIR'],
    ['new_root does not exist', env, root, '/nope', '/tmp', 'ENOENT'],
    ['the caller is chrooted into a subdirectory', env, ctxOf(ROOT, '/etc', '/etc'), '/nr', '/nr', 'EINVAL'],
  ])('%s', (_name, e, ctx, newRoot, putOld, want) => {
    expect(`${result(sysPivotRoot(e, ctx, newRoot, putOld))}`).toBe(want);
  });
});

describe('pivot_root(2) success', () => {
  const pivoted = must(sysPivotRoot(env, root, '/newroot', '/newroot/old'));
  const after: VfsEnv = { ...env, ns: pivoted.ns };

  it('new_root is now /, the old root sits at put_old', () => {
    expect(must(resolve(after, root, '/hello')).path).toBe('/hello');
    expect(after.store.filesystems[must(resolve(after, root, '/')).fsId]?.type).toBe('tmpfs');
    expect(after.store.filesystems[must(resolve(after, root, '/old/etc/passwd')).fsId]?.type).toBe('ext4');
    expect(renderMounts(after.store, after.ns)).toMatch(/^tmpfs \/ tmpfs /m);
    expect(renderMounts(after.store, after.ns)).toContain('proc /old/proc proc ');
  });

  it.each([
    ['/', '/'],
    ['/newroot', '/'],
    ['/newroot/sub', '/sub'],
    ['/etc', '/old/etc'],
  ])('a cwd or root of %s becomes %s', (before, want) => {
    expect(rebasePathAfterPivot(before, pivoted.rebase)).toBe(want);
  });

  it('then umount2("/old", MNT_DETACH) leaves only the new root', () => {
    const un = must(sysUmount2(after, root, '/old', ['MNT_DETACH']));
    expect(renderMounts(after.store, un.ns).trim().split('\n')).toHaveLength(1);
  });

  it('pivot_root(".", ".") stacks the old root on the new one; umount2(".", MNT_DETACH) removes it', () => {
    const inNew = ctxOf(ROOT, '/newroot');
    const p = must(sysPivotRoot(env, inNew, '.', '.'));
    const cwd = rebasePathAfterPivot('/newroot', p.rebase);
    expect(cwd).toBe('/');
    const stacked: VfsEnv = { ...env, ns: p.ns };
    const un = must(sysUmount2(stacked, ctxOf(ROOT, cwd), '.', ['MNT_DETACH']));
    const lines = renderMounts(env.store, un.ns).trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^tmpfs \/ tmpfs /)]);
    expect(must(resolve({ ...env, ns: un.ns }, root, '/hello')).path).toBe('/hello');
  });
});
