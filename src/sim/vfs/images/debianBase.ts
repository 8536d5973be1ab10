import { binaries, binary, dir, file, link, type TreeEntry } from '../treeSpec.ts';
import { debianAccounts, LAB_USER, SHADOW_GID, type AccountOptions } from './debianAccounts.ts';

/**
 * What every Debian 12 (bookworm) root the lab builds shares: the merged-/usr
 * layout, the minbase essentials (coreutils, util-linux, mount, dash, bash,
 * grep, sed, tar, passwd, login, libc) and the account files. The image and
 * the host add their own files on top.
 * Binary sizes are approximate bookworm amd64 sizes; the lab reads none of their bytes.
 * @see debuerreotype (how the official Debian images are built), Debian Policy 10.9 (setuid/setgid)
 */

/** bookworm is merged-/usr: /bin, /sbin, /lib, /lib64 are symlinks into /usr. */
const MERGED_USR: TreeEntry[] = [link('/bin', 'usr/bin'), link('/sbin', 'usr/sbin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64')];

const USR_BIN: Record<string, number> = {
  bash: 1265648, dash: 125560, cat: 44016, ls: 151344, id: 48152, whoami: 35632, hostname: 22760,
  unshare: 59720, nsenter: 39376, setpriv: 43616, findmnt: 72000, mkdir: 72136, rm: 72240, rmdir: 39920,
  touch: 93776, echo: 35632, dd: 76720, sleep: 35632, env: 48184, uname: 35632, chmod: 64464,
  chown: 72624, chgrp: 68528, ln: 72272, cp: 151152, mv: 142968, stat: 88920, head: 43904, tail: 64568,
  grep: 203152, sed: 122224, tar: 527024, readlink: 43904, mknod: 72096, getent: 35168, nproc: 35600,
  df: 89416, du: 101624, pwd: 35632, true: 27208, false: 27208, test: 48232, '[': 52328,
  getconf: 35000, ldd: 5460, which: 1902, mktemp: 43856, tee: 39824, wc: 48240, sort: 117776, date: 109720,
};

const USR_SBIN: Record<string, number> = {
  chroot: 40008, pivot_root: 14600, switch_root: 22920, nologin: 14600, ldconfig: 988184,
  useradd: 145784, groupadd: 85600, usermod: 137592, losetup: 101000, blkid: 80000,
};

/**
 * Set-user-ID and set-group-ID programs of a bookworm minbase: mount, umount,
 * su and the passwd package's chfn, chsh, gpasswd, newgrp and passwd run as
 * root; chage, expiry and unix_chkpwd run with group shadow so they can read
 * /etc/shadow.
 */
const PRIVILEGED: TreeEntry[] = [
  binary('/usr/bin/mount', 59704, 0o4755), binary('/usr/bin/umount', 35128, 0o4755), binary('/usr/bin/su', 72000, 0o4755),
  binary('/usr/bin/passwd', 68248, 0o4755), binary('/usr/bin/newgrp', 40496, 0o4755), binary('/usr/bin/chsh', 48896, 0o4755),
  binary('/usr/bin/chfn', 62672, 0o4755), binary('/usr/bin/gpasswd', 88496, 0o4755),
  { ...binary('/usr/bin/chage', 80256, 0o2755), gid: SHADOW_GID },
  { ...binary('/usr/bin/expiry', 31184, 0o2755), gid: SHADOW_GID },
  { ...binary('/usr/sbin/unix_chkpwd', 31184, 0o2755), gid: SHADOW_GID },
];

const LIBS: TreeEntry[] = [
  binary('/usr/lib/x86_64-linux-gnu/libc.so.6', 1922136),
  binary('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', 210968),
  binary('/usr/lib/x86_64-linux-gnu/libselinux.so.1', 174376, 0o644),
  binary('/usr/lib/x86_64-linux-gnu/libtinfo.so.6.4', 200136, 0o644),
  link('/usr/lib/x86_64-linux-gnu/libtinfo.so.6', 'libtinfo.so.6.4'),
  binary('/usr/lib/x86_64-linux-gnu/libpcre2-8.so.0.11.2', 629384, 0o644),
  link('/usr/lib/x86_64-linux-gnu/libpcre2-8.so.0', 'libpcre2-8.so.0.11.2'),
  // The ELF interpreter path in every x86-64 binary; Debian keeps it as a link into the multiarch dir.
  link('/usr/lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
];

const OS_RELEASE = [
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"', 'NAME="Debian GNU/Linux"', 'VERSION_ID="12"',
  'VERSION="12 (bookworm)"', 'VERSION_CODENAME=bookworm', 'ID=debian', 'HOME_URL="https://www.debian.org/"',
  'SUPPORT_URL="https://www.debian.org/support"', 'BUG_REPORT_URL="https://bugs.debian.org/"', '',
].join('\n');

/** nsswitch(5) databases as Debian's libc-bin default sets them. */
const NSSWITCH = [
  'passwd:         files', 'group:          files', 'shadow:         files', 'gshadow:        files', '',
  'hosts:          files dns', 'networks:       files', '',
  'protocols:      db files', 'services:       db files', 'ethers:         db files', 'rpc:            db files', '',
  'netgroup:       nis', '',
].join('\n');

function etc(accounts: AccountOptions): TreeEntry[] {
  const a = debianAccounts(accounts);
  return [
    file('/etc/passwd', a.passwd), file('/etc/group', a.group),
    file('/etc/shadow', a.shadow, 0o640, { gid: SHADOW_GID }), file('/etc/gshadow', a.gshadow, 0o640, { gid: SHADOW_GID }),
    file('/usr/lib/os-release', OS_RELEASE), link('/etc/os-release', '../usr/lib/os-release'),
    // 12.15: the point release of the debian:bookworm build the images model (tagged 12.15 on Docker Hub, base-files 12.4+deb12u15).
    file('/etc/debian_version', '12.15\n'), file('/etc/nsswitch.conf', NSSWITCH),
    file('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n'),
  ];
}

function layout(): TreeEntry[] {
  return [
    ...MERGED_USR,
    dir('/root', 0o700), dir('/home'), dir(LAB_USER.home, 0o755, { uid: LAB_USER.uid, gid: LAB_USER.gid }),
    dir('/tmp', 0o1777), dir('/var/tmp', 0o1777), dir('/var/lib'), dir('/var/log'), dir('/var/cache'),
    dir('/var/mail', 0o2775, { gid: 8 }), dir('/var/spool'), dir('/var/backups'), dir('/var/opt'), dir('/var/local', 0o2775, { gid: 50 }),
    dir('/run'), dir('/run/lock', 0o1777), link('/var/run', '/run'), link('/var/lock', '/run/lock'),
    dir('/mnt'), dir('/media'), dir('/opt'), dir('/srv'), dir('/boot'),
    dir('/usr/local/bin'), dir('/usr/local/sbin'), dir('/usr/share'), dir('/usr/games'),
    // Mount points the runtime (or the host's init) covers with proc, sysfs and a /dev.
    dir('/dev'), dir('/proc', 0o555), dir('/sys', 0o555),
  ];
}

/** The shared Debian root: layout, essentials, libraries, account files. */
export function debianBase(accounts: AccountOptions = {}): TreeEntry[] {
  return [
    ...layout(),
    ...binaries('/usr/bin', USR_BIN), link('/usr/bin/sh', 'dash'),
    ...binaries('/usr/sbin', USR_SBIN),
    ...PRIVILEGED, ...LIBS, ...etc(accounts),
  ];
}
