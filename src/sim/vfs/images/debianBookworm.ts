import { DEBIAN_BOOKWORM_SLIM, DEBIAN_BUILD } from './debianSlim.ts';
import type { ImageSpec } from './imageSpec.ts';

/**
 * debian:bookworm (also tagged debian:12): the same minbase as -slim with
 * the documentation, man pages and locales that -slim strips left in. The
 * programs are the same, so the lab serves -slim's tree for it; only the
 * image's size and digests differ, and those are this image's own.
 * Figures: the 2026-08-03 amd64 build's layer is 48,497,091 bytes
 * compressed; the unpacked image ~116.57 MB (repo-info's on-disk figure for
 * the 2026-07-13 build, the nearest one it records).
 * @see https://github.com/docker-library/repo-info/blob/master/repos/debian/remote/bookworm.md
 * @see https://github.com/docker-library/repo-info/blob/master/repos/debian/local/bookworm.md
 * @see https://github.com/debuerreotype/debuerreotype/blob/master/examples/oci-image.sh
 */
export const DEBIAN_BOOKWORM: ImageSpec = {
  ref: 'debian:bookworm',
  description: 'Debian 12 minbase with docs and locales (the lab serves the -slim tree): bash, dash, coreutils, apt; no ps, no ip.',
  entries: DEBIAN_BOOKWORM_SLIM.entries,
  shell: DEBIAN_BOOKWORM_SLIM.shell,
  missing: DEBIAN_BOOKWORM_SLIM.missing,
  oci: {
    created: DEBIAN_BUILD.created,
    config: { Env: [...DEBIAN_BUILD.config.Env], Entrypoint: [], Cmd: [...DEBIAN_BUILD.config.Cmd] },
    steps: [{ createdBy: DEBIAN_BUILD.createdBy, layer: { size: 48497091, diffSize: 116570000 } }],
    source: 'docker-library/repo-info, debian:bookworm amd64: layer 48,497,091 B compressed (2026-08-03 build, measured); unpacked ~116.57 MB (2026-07-13 build, rounded to 10 kB). The lab serves the -slim tree.',
  },
};
