import { describe, expect, it } from 'vitest';
import { imageAccounts, resolveDockerUser } from '../../../src/sim/oci/dockerUser.ts';

/**
 * `--user` as moby/sys/user GetExecUser reads it against an image's
 * /etc/passwd and /etc/group (moby/moby vendor/github.com/moby/sys/user/user.go).
 */
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\n  \nnginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n1234:x:555:555::/:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n';
const GROUP = 'root:x:0:root\nbin:x:1:root,bin,daemon\nwww-data:x:82:nginx\nnginx:x:101:\nnogroup:x:65534:\n';
const accounts = imageAccounts(PASSWD, GROUP);

describe('resolveDockerUser', () => {
  it.each([
    ['', { uid: 0, gid: 0, additionalGids: [0, 0, 1] }],
    ['root', { uid: 0, gid: 0, additionalGids: [0, 0, 1] }],
    ['0', { uid: 0, gid: 0, additionalGids: [0, 0, 1] }],
    ['nginx', { uid: 101, gid: 101, additionalGids: [101, 82] }],
    ['101', { uid: 101, gid: 101, additionalGids: [101, 82] }],
    ['nginx:nogroup', { uid: 101, gid: 65534, additionalGids: [65534] }],
    ['nginx:82', { uid: 101, gid: 82, additionalGids: [82] }],
    ['nginx:4000', { uid: 101, gid: 4000, additionalGids: [4000] }],
    ['1234 (a number is a uid, never a name)', { uid: 1234, gid: 0, additionalGids: [0] }],
    ['+101', { uid: 101, gid: 101, additionalGids: [101, 82] }],
    ['2147483647', { uid: 2147483647, gid: 0, additionalGids: [0] }],
    ['nginx:nogroup:extra', { uid: 101, gid: 65534, additionalGids: [65534] }],
    [':82', { uid: 0, gid: 82, additionalGids: [82] }],
  ])('%s', (spec, user) => {
    expect(resolveDockerUser(spec.split(' ')[0] ?? '', accounts)).toEqual({ ok: true, value: user });
  });

  it.each([
    ['ghost', 'unable to find user ghost: no matching entries in passwd file'],
    ['nginx:ghosts', 'unable to find group ghosts: no matching entries in group file'],
    ['2147483648', 'uids and gids must be in range 0-2147483647'],
    ['nginx:-1', 'uids and gids must be in range 0-2147483647'],
  ])('%s is refused: %s', (spec, reason) => {
    expect(resolveDockerUser(spec, accounts)).toEqual({ ok: false, errno: 'EINVAL', reason });
  });

  it('with no passwd lookups by uid, a numeric user keeps gid 0 and root is 0:0', () => {
    const bare = { lookupUser: () => undefined };
    expect(resolveDockerUser('', bare)).toEqual({ ok: true, value: { uid: 0, gid: 0, additionalGids: [0] } });
    expect(resolveDockerUser('7:7', bare)).toEqual({ ok: true, value: { uid: 7, gid: 7, additionalGids: [7] } });
  });
});
