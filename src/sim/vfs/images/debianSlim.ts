import { dir, file, type TreeEntry } from '../treeSpec.ts';
import { debianBase } from './debianBase.ts';
import type { ImageSpec } from './imageSpec.ts';

/**
 * debian:bookworm-slim: a debootstrap minbase (Priority: required packages
 * only) with documentation and locales stripped. It has no procps (so no ps,
 * kill as a program, top), no iproute2 (no ip, ss), no iputils (no ping), no
 * libcap2-bin (no capsh), no sudo, curl, wget or editor. Shells still have
 * `kill` as a builtin.
 * @see https://github.com/debuerreotype/docker-debian-artifacts (how the image is built)
 */

function imageEtc(): TreeEntry[] {
  return [
    // Docker bind-mounts its own hostname, hosts and resolv.conf over these at run time.
    file('/etc/hostname', ''),
    file('/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n'),
    file('/etc/resolv.conf', ''),
    file('/etc/apt/sources.list.d/debian.sources', 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'),
    dir('/var/lib/apt/lists'), dir('/var/lib/dpkg'),
  ];
}

export const DEBIAN_BOOKWORM_SLIM: ImageSpec = {
  ref: 'debian:bookworm-slim',
  description: 'Debian 12 minbase without docs: bash, dash, coreutils, util-linux, mount; no ps, no ip.',
  entries: () => [...debianBase(), ...imageEtc()],
  shell: '/bin/bash',
  missing: {
    ps: 'procps is not in minbase', top: 'procps is not in minbase', kill: 'procps is not in minbase (the shell builtin remains)',
    ip: 'iproute2 is not in minbase', ss: 'iproute2 is not in minbase', ping: 'iputils-ping is not in minbase',
    capsh: 'libcap2-bin is not in minbase', strace: 'not installed', sudo: 'not installed',
    curl: 'not installed', wget: 'not installed', vi: 'no editor in minbase', less: 'not installed',
  },
};
