import { binary, dir, file, link, type TreeEntry } from '../treeSpec.ts';
import type { ImageSpec } from './imageSpec.ts';
import type { ImageOci } from './ociTypes.ts';

/**
 * alpine:3.20 (3.20.3), abridged: musl libc and BusyBox, whose applets are
 * symlinks to /bin/busybox, and apk-tools. Only the applets the lab's lessons
 * use are listed; binary sizes are approximate.
 * @see https://gitlab.alpinelinux.org/alpine/aports (main/busybox, main/alpine-baselayout, main/apk-tools)
 */

/**
 * The Docker Official Image is built by BuildKit from a two-line Dockerfile:
 * ADD the minirootfs tarball (one layer), CMD ["/bin/sh"] (no layer); Env is
 * the default PATH. Figures: the 3.20.3 amd64 layer is 3,623,904 bytes
 * compressed, built 2024-09-06T12:05:36Z (its history as repo-info records it
 * in images built FROM alpine:3.20.3). Unpacked ~7.8 MB: repo-info's on-disk
 * figure for 3.21.8, which ships the same package set (OpenSSL 3's
 * libcrypto3 is most of it); 3.20.3's own on-disk figure is not recorded there.
 * @see https://github.com/docker-library/repo-info/blob/master/repos/alpine/local/3.21.8.md
 * @see https://github.com/docker-library/repo-info/blob/master/repos/alpine/remote/3.21.8.md
 */
const ALPINE_OCI: ImageOci = {
  created: '2024-09-06T12:05:36Z',
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
  steps: [
    { createdBy: 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit', comment: 'buildkit.dockerfile.v0', layer: { size: 3623904, diffSize: 7800000 } },
    { createdBy: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0' },
  ],
  source: 'docker-library/repo-info: 3.20.3 amd64 layer 3,623,904 B compressed (measured); unpacked ~7.8 MB (3.21.8\'s figure, same packages).',
};

const BIN_APPLETS = ['sh', 'ash', 'cat', 'ls', 'mkdir', 'rm', 'touch', 'echo', 'dd', 'sleep', 'uname', 'hostname', 'ps', 'kill', 'mount', 'umount', 'chmod', 'chown', 'ln', 'cp', 'mv', 'stat', 'grep', 'sed', 'dmesg', 'mknod'];
const USR_BIN_APPLETS = ['id', 'whoami', 'env', 'nsenter', 'unshare', 'head', 'tail', 'wc', 'which', 'top', 'free'];
const SBIN_APPLETS = ['ip', 'pivot_root', 'switch_root', 'ifconfig', 'route'];

const PASSWD = [
  'root:x:0:0:root:/root:/bin/sh', 'bin:x:1:1:bin:/bin:/sbin/nologin', 'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin', 'sync:x:5:0:sync:/sbin:/bin/sync', 'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:x:7:0:halt:/sbin:/sbin/halt', 'mail:x:8:12:mail:/var/mail:/sbin/nologin', 'news:x:9:13:news:/usr/lib/news:/sbin/nologin',
  'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin', 'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
  'ftp:x:21:21::/var/lib/ftp:/sbin/nologin', 'sshd:x:22:22:sshd:/dev/null:/sbin/nologin', 'games:x:35:35:games:/usr/games:/sbin/nologin',
  'ntp:x:123:123:NTP:/var/empty:/sbin/nologin', 'guest:x:405:100:guest:/dev/null:/sbin/nologin', 'nobody:x:65534:65534:nobody:/:/sbin/nologin',
  // Added by the lab, as in every image.
  'lab:x:1000:1000::/home/lab:/bin/sh', '',
].join('\n');

function entries(): TreeEntry[] {
  return [
    binary('/bin/busybox', 808712),
    ...BIN_APPLETS.map((a) => link(`/bin/${a}`, '/bin/busybox')),
    ...USR_BIN_APPLETS.map((a) => link(`/usr/bin/${a}`, '/bin/busybox')),
    ...SBIN_APPLETS.map((a) => link(`/sbin/${a}`, '/bin/busybox')),
    binary('/lib/ld-musl-x86_64.so.1', 663152), link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1'),
    // apk-tools: the package manager (size approximate).
    binary('/sbin/apk', 67960),
    file('/etc/apk/repositories', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n'),
    file('/etc/passwd', PASSWD), file('/etc/group', 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\ntty:x:5:\nshadow:x:42:\nnobody:x:65534:\nlab:x:1000:\n'),
    // Root's password field is `*` since the 2019 fix for CVE-2019-5021 (it was empty).
    file('/etc/shadow', 'root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\nlab:!::0:::::\n', 0o640, { gid: 42 }),
    file('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\n'),
    file('/etc/alpine-release', '3.20.3\n'), file('/etc/hostname', ''), file('/etc/hosts', '127.0.0.1\tlocalhost\n'), file('/etc/resolv.conf', ''),
    dir('/root', 0o700), dir('/home/lab', 0o755, { uid: 1000, gid: 1000 }), dir('/tmp', 0o1777), dir('/var/tmp', 0o1777),
    dir('/run'), link('/var/run', '../run'), dir('/dev'), dir('/proc', 0o555), dir('/sys', 0o555), dir('/usr/sbin'), dir('/mnt'),
  ];
}

export const ALPINE: ImageSpec = {
  ref: 'alpine:3.20',
  description: 'Alpine Linux: musl and BusyBox applets (sh, ps, ip, mount…) in a few megabytes.',
  entries,
  shell: '/bin/sh',
  oci: ALPINE_OCI,
  missing: { bash: 'Alpine ships BusyBox ash as /bin/sh; bash is a separate package', capsh: 'libcap is not installed', strace: 'not installed' },
};
