import { binary, dir, file, link, type TreeEntry } from '../treeSpec.ts';
import type { ImageSpec } from './imageSpec.ts';

/**
 * alpine:3.20, abridged: musl libc and BusyBox, whose applets are symlinks to
 * /bin/busybox. Only the applets the lab's lessons use are listed.
 * @see https://gitlab.alpinelinux.org/alpine/aports (main/busybox, main/alpine-baselayout)
 */

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
  missing: { bash: 'Alpine ships BusyBox ash as /bin/sh; bash is a separate package', capsh: 'libcap is not installed', strace: 'not installed' },
};
