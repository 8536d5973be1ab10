import { dir, file, link, type TreeEntry } from '../treeSpec.ts';
import type { ImageSpec } from './imageSpec.ts';

/**
 * gcr.io/distroless/static-debian12: for statically linked programs. No
 * shell, no package manager, no libc: only CA certificates, time zone data,
 * /etc/passwd with root, nobody and nonroot (65532), and an empty /tmp.
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/base/README.md
 */

const PASSWD = 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n';
const GROUP = 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n';

function entries(): TreeEntry[] {
  return [
    file('/etc/passwd', PASSWD), file('/etc/group', GROUP),
    file('/etc/nsswitch.conf', 'hosts: files dns\n'),
    file('/etc/os-release', 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n'),
    file('/etc/ssl/certs/ca-certificates.crt', '-----BEGIN CERTIFICATE-----\n(the Mozilla CA bundle; content not modelled)\n-----END CERTIFICATE-----\n'),
    dir('/usr/share/zoneinfo'), file('/usr/share/zoneinfo/UTC', 'TZif2'), link('/etc/localtime', '/usr/share/zoneinfo/UTC'),
    dir('/root', 0o700), dir('/home/nonroot', 0o700, { uid: 65532, gid: 65532 }),
    dir('/tmp', 0o1777), dir('/var/lib/dpkg/status.d'), file('/etc/hostname', ''), file('/etc/hosts', ''), file('/etc/resolv.conf', ''),
    dir('/dev'), dir('/proc', 0o555), dir('/sys', 0o555),
  ];
}

export const DISTROLESS_STATIC: ImageSpec = {
  ref: 'gcr.io/distroless/static-debian12',
  description: 'Distroless static: CA certificates, tzdata and three users; no shell, no libc, no tools.',
  entries,
  shell: null,
  missing: { sh: 'distroless images have no shell', bash: 'distroless images have no shell', ls: 'no coreutils', cat: 'no coreutils' },
};
