import { binary, dir, file, link, type TreeEntry } from '../treeSpec.ts';
import {
  DISTROLESS_ANNOTATIONS, DISTROLESS_CREATED, DISTROLESS_ENV, DISTROLESS_SOURCE, DISTROLESS_USERS, NONROOT_UID, STATIC_STEPS,
} from './distrolessLayers.ts';
import type { ImageSpec } from './imageSpec.ts';

/**
 * gcr.io/distroless/static-debian12: for statically linked programs. No
 * shell, no package manager, no libc and no program at all: the Debian
 * packages base-files, netbase, tzdata and media-types unpacked (their
 * maintainer scripts never run, so there is no /etc/localtime), the CA
 * bundle, /etc/passwd with root, nobody and nonroot (65532), and /tmp.
 * Debian 12 packages are not merged-/usr, so /bin, /sbin and /lib are empty
 * directories. Abridged: tzdata's ~900 zone files are represented by a few.
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/base/README.md
 * @see distroless common/BUILD.bazel (passwd, group, home), common/variables.bzl (os-release), static/nsswitch.conf
 */

const PASSWD = 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n';
const GROUP = 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n';
/** The databases of static/nsswitch.conf; the real file also has Debian's comment header. */
const NSSWITCH = [
  'passwd:         compat', 'group:          compat', 'shadow:         compat', 'gshadow:        files', '',
  'hosts:          files dns', 'networks:       files', '',
  'protocols:      db files', 'services:       db files', 'ethers:         db files', 'rpc:            db files', '',
  'netgroup:       nis', '',
].join('\n');
/** OS_RELEASE in common/variables.bzl for debian12. */
const OS_RELEASE = [
  'PRETTY_NAME="Distroless"', 'NAME="Debian GNU/Linux"', 'ID="debian"', 'VERSION_ID="12"', 'VERSION="Debian GNU/Linux 12 (bookworm)"',
  'HOME_URL="https://github.com/GoogleContainerTools/distroless"',
  'SUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"',
  'BUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"', '',
].join('\n');

/** base-files 12.4: the FHS directories (not merged-/usr), a few /etc files, the os-release link. */
function baseFiles(): TreeEntry[] {
  const dirs = ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/run', '/sbin', '/usr/bin', '/usr/games', '/usr/include', '/usr/lib', '/usr/sbin', '/usr/share', '/usr/src',
    '/var/backups', '/var/cache', '/var/lib/dpkg', '/var/lib/misc', '/var/local', '/var/log', '/var/spool'];
  return [
    ...dirs.map((d) => dir(d)), dir('/proc', 0o555), dir('/sys', 0o555), dir('/var/tmp', 0o1777),
    link('/var/run', '/run'), link('/var/lock', '/run/lock'),
    file('/etc/debian_version', '12.15\n'), file('/etc/host.conf', 'multi on\n'),
    file('/etc/issue', 'Debian GNU/Linux 12 \\n \\l\n\n'), file('/etc/issue.net', 'Debian GNU/Linux 12\n'),
    // A shell script, mode 0755, with no shell to run it.
    file('/etc/update-motd.d/10-uname', '#!/bin/sh\nuname -snrvm\n', 0o755),
    file('/etc/dpkg/origins/debian', 'Vendor: Debian\nVendor-URL: https://www.debian.org/\nBugs: debbugs://bugs.debian.org\n'),
    link('/etc/os-release', '../usr/lib/os-release'),
  ];
}

/** netbase, media-types and tzdata (abridged), as their packages unpack them. */
function dataPackages(): TreeEntry[] {
  const z = '/usr/share/zoneinfo';
  return [
    binary('/etc/services', 12813, 0o644), binary('/etc/protocols', 3144, 0o644), binary('/etc/rpc', 911, 0o644),
    binary('/etc/ethertypes', 1853, 0o644), binary('/etc/mime.types', 73816, 0o644),
    binary(`${z}/Etc/UTC`, 114, 0o644), binary(`${z}/Etc/GMT`, 114, 0o644), link(`${z}/UTC`, 'Etc/UTC'), link(`${z}/GMT`, 'Etc/GMT'),
    binary(`${z}/Europe/London`, 3664, 0o644), binary(`${z}/Europe/Berlin`, 2298, 0o644), binary(`${z}/America/New_York`, 3552, 0o644),
    binary(`${z}/Asia/Tokyo`, 309, 0o644), binary(`${z}/Australia/Sydney`, 2190, 0o644), binary(`${z}/zone1970.tab`, 17597, 0o644),
    binary(`${z}/tzdata.zi`, 114350, 0o644),
    // tzdata ships this link; the /etc/localtime it points to is made by tzdata's postinst, which distroless never runs.
    link(`${z}/localtime`, '/etc/localtime'),
  ];
}

/** The files distroless adds itself (common/BUILD.bazel, static/BUILD). */
function distrolessFiles(): TreeEntry[] {
  return [
    file('/etc/passwd', PASSWD), file('/etc/group', GROUP), file('/etc/nsswitch.conf', NSSWITCH), file('/usr/lib/os-release', OS_RELEASE),
    dir('/root', 0o700), dir('/home'), dir('/home/nonroot', 0o700, { uid: NONROOT_UID, gid: NONROOT_UID }), dir('/tmp', 0o1777),
    file('/etc/ssl/certs/ca-certificates.crt', '-----BEGIN CERTIFICATE-----\n(the Mozilla CA bundle; content not modelled)\n-----END CERTIFICATE-----\n'),
    binary('/usr/share/doc/ca-certificates/copyright', 18940, 0o644),
    ...['base-files', 'netbase', 'tzdata', 'media-types', 'ca-certificates'].map((p) => file(`/var/lib/dpkg/status.d/${p}`, `Package: ${p}\n`)),
  ];
}

/** The static image's tree (distroless base adds libc6 and libssl3 to it). */
export function distrolessStaticEntries(): TreeEntry[] {
  return [...baseFiles(), ...dataPackages(), ...distrolessFiles()];
}

export const DISTROLESS_STATIC: ImageSpec = {
  ref: 'gcr.io/distroless/static-debian12',
  description: 'Distroless static: CA certificates, tzdata and three users; no shell, no libc, no programs. Runs as root (User 0).',
  entries: distrolessStaticEntries,
  shell: null,
  missing: { sh: 'distroless images have no shell', bash: 'distroless images have no shell', ls: 'no coreutils', cat: 'no coreutils' },
  oci: { created: DISTROLESS_CREATED, config: { Env: DISTROLESS_ENV, ...DISTROLESS_USERS.root }, steps: STATIC_STEPS, annotations: DISTROLESS_ANNOTATIONS, source: DISTROLESS_SOURCE },
};

/** The `:nonroot` tag: the same layers, User 65532 and WorkingDir /home/nonroot in the config. */
export const DISTROLESS_STATIC_NONROOT: ImageSpec = {
  ...DISTROLESS_STATIC,
  ref: 'gcr.io/distroless/static-debian12:nonroot',
  description: 'Distroless static, nonroot tag: the same files, run as uid 65532 in /home/nonroot.',
  oci: { ...DISTROLESS_STATIC.oci!, config: { Env: DISTROLESS_ENV, ...DISTROLESS_USERS.nonroot } },
};
