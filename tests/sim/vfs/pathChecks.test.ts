import { describe, expect, it } from 'vitest';
import type { VfsEnv } from '../../../src/sim/vfs/env.ts';
import { accessPath, cwdText, resolveDirectory, resolveExecutable } from '../../../src/sim/vfs/pathChecks.ts';
import { writeWholeFile } from '../../../src/sim/vfs/setupHelpers.ts';
import { containerFs, CONTAINER_ROOT, cred, ctxOf, hostEnv, LAB, must, NOW, ROOT } from './fixtures.ts';

const base = hostEnv();
let env: VfsEnv = { ...base, store: must(writeWholeFile(base, ctxOf(ROOT), '/dev/shm/tool', '#!/bin/sh\n', 0o755, NOW)) };
env = { ...env, store: must(writeWholeFile(env, ctxOf(ROOT), '/run/suid-tool', '', 0o4755, NOW)) };
const root = ctxOf(ROOT);
const result = (r: { ok: boolean; errno?: string }) => (r.ok ? 'ok' : r.errno);

describe('chdir and chroot targets', () => {
  it.each([
    ['/tmp', LAB, 'ok'],
    ['/etc/passwd', LAB, 'ENOTDIR'],
    ['/var/lib/docker', LAB, 'EACCES'],
    ['/home/lab', cred(1001, 1001), 'EACCES'],
    ['/nope', LAB, 'ENOENT'],
  ] as const)('%s for uid %j', (path, c, want) => {
    expect(result(resolveDirectory(env, ctxOf(c), path))).toBe(want);
  });

  it.each([
    ['/srv/jail/etc', '/srv/jail', '/etc'],
    ['/srv', '/srv/jail', '(unreachable)/srv'],
  ])('getcwd of %s with root %s is %s', (cwd, r, want) => {
    expect(cwdText(cwd, r)).toBe(want);
  });
});

describe('access(2)', () => {
  const c = containerFs().env;
  it.each([
    [env, LAB, '/etc/shadow', 'r', 'EACCES'],
    [env, LAB, '/etc/passwd', 'r', 'ok'],
    [env, LAB, '/nope', 'f', 'ENOENT'],
    [c, CONTAINER_ROOT, '/proc/sys/kernel/hostname', 'w', 'EROFS'],
    [c, CONTAINER_ROOT, '/etc/hostname', 'w', 'ok'],
    [c, CONTAINER_ROOT, '/dev/null', 'w', 'ok'],
  ] as const)('%#: %s %s', (e, who, path, want, expected) => {
    expect(result(accessPath(e, ctxOf(who), path, want))).toBe(expected);
  });
});

describe('execve file checks', () => {
  it.each([
    ['/usr/bin/mount', 'setuid 0'],
    ['/usr/bin/chage', 'setgid 42'],
    ['/usr/bin/cat', 'plain'],
    ['/etc/passwd', 'EACCES'],
    ['/tmp', 'EACCES'],
    ['/dev/null', 'EACCES'],
    ['/dev/shm/tool', 'plain'],
    ['/run/tool-missing', 'ENOENT'],
    ['/run/suid-tool', 'EACCES'],
  ])('%s → %s', (path, want) => {
    const r = resolveExecutable(env, root, path);
    const got = !r.ok ? r.errno : r.value.setuid !== null ? `setuid ${r.value.setuid}` : r.value.setgid !== null ? `setgid ${r.value.setgid}` : 'plain';
    expect(got).toBe(want);
  });

  it('nosuid ignores the set-user-ID bit', () => {
    const c = containerFs().env;
    const withTool = { ...c, store: must(writeWholeFile(c, ctxOf(ROOT), '/dev/suid', '', 0o4755, NOW)) };
    const r = must(resolveExecutable(withTool, ctxOf(ROOT), '/dev/suid'));
    expect(r.setuid).toBeNull();
  });
});
