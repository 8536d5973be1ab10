import { binaries, dir, file, type TreeEntry } from '../treeSpec.ts';
import { debianBase } from './debianBase.ts';
import type { ImageSpec } from './imageSpec.ts';
import type { ImageOci } from './ociTypes.ts';

/**
 * debian:bookworm-slim: a debootstrap minbase (Priority: required packages
 * only) with documentation and locales stripped. It has no procps (so no ps,
 * kill as a program, top), no iproute2 (no ip, ss), no iputils (no ping), no
 * libcap2-bin (no capsh), no sudo, curl, wget or editor. Shells still have
 * `kill` as a builtin.
 * @see https://github.com/debuerreotype/docker-debian-artifacts (how the image is built)
 */

/** apt 2.6.1 and dpkg 1.21.22, both in minbase (Priority: required); sizes as on Debian 12 amd64. */
const PACKAGE_TOOLS: Record<string, number> = {
  apt: 18752, 'apt-get': 51592, 'apt-cache': 88456, 'apt-config': 26944, 'apt-mark': 59784,
  dpkg: 318096, 'dpkg-query': 162384, 'dpkg-deb': 170512, 'dpkg-divert': 158264, 'dpkg-split': 129520,
  'dpkg-statoverride': 63824, 'dpkg-trigger': 88560,
};

/**
 * How debuerreotype writes the image (examples/oci-image.sh): Env PATH, an
 * empty Entrypoint, Cmd ["bash"], one history entry naming the debian.sh
 * call (the real entry also has a `comment` with debuerreotype's version,
 * which the lab leaves out), one layer. The build and its figures are the
 * 2026-08-03 build, amd64: the layer is 28,232,590 bytes compressed, the
 * unpacked image ~74.83 MB (docker-library/repo-info).
 * @see https://github.com/debuerreotype/debuerreotype/blob/master/examples/oci-image.sh
 * @see https://github.com/docker-library/repo-info/blob/master/repos/debian/remote/bookworm-slim.md
 * @see https://github.com/docker-library/repo-info/blob/master/repos/debian/local/bookworm-20260803-slim.md
 */
export const DEBIAN_BUILD = {
  created: '2026-08-03T00:00:00Z',
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Entrypoint: [], Cmd: ['bash'] },
  /** `debian.sh --arch amd64 out/ bookworm @1785715200` (1785715200 = 2026-08-03T00:00:00Z). */
  createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1785715200'",
} as const;

const SLIM_OCI: ImageOci = {
  created: DEBIAN_BUILD.created,
  config: { Env: [...DEBIAN_BUILD.config.Env], Entrypoint: [], Cmd: [...DEBIAN_BUILD.config.Cmd] },
  steps: [{ createdBy: DEBIAN_BUILD.createdBy, layer: { size: 28232590, diffSize: 74830000 } }],
  source: 'docker-library/repo-info, debian:bookworm-slim amd64 built 2026-08-03: layer 28,232,590 B compressed (measured); unpacked ~74.83 MB (repo-info, rounded to 10 kB).',
};

function imageEtc(): TreeEntry[] {
  return [
    // Docker bind-mounts its own hostname, hosts and resolv.conf over these at run time.
    file('/etc/hostname', ''),
    file('/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n'),
    file('/etc/resolv.conf', ''),
    file('/etc/apt/sources.list.d/debian.sources', 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'),
    dir('/var/lib/apt/lists'), dir('/var/lib/dpkg'),
    ...binaries('/usr/bin', PACKAGE_TOOLS),
  ];
}

export const DEBIAN_BOOKWORM_SLIM: ImageSpec = {
  ref: 'debian:bookworm-slim',
  description: 'Debian 12 minbase without docs: bash, dash, coreutils, util-linux, mount, apt; no ps, no ip.',
  entries: () => [...debianBase(), ...imageEtc()],
  shell: '/bin/bash',
  oci: SLIM_OCI,
  missing: {
    ps: 'procps is not in minbase', top: 'procps is not in minbase', kill: 'procps is not in minbase (the shell builtin remains)',
    ip: 'iproute2 is not in minbase', ss: 'iproute2 is not in minbase', ping: 'iputils-ping is not in minbase',
    capsh: 'libcap2-bin is not in minbase', strace: 'not installed', sudo: 'not installed',
    curl: 'not installed', wget: 'not installed', vi: 'no editor in minbase', less: 'not installed',
  },
};
