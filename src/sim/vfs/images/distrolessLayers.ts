import type { BuildStep, ContainerConfig } from './ociTypes.ts';

/**
 * How GoogleContainerTools/distroless builds its Debian 12 images with
 * rules_oci, as the lab models them.
 *
 * static (static/static.bzl, static/config.bzl): one layer per tar, in this
 * order: the Debian packages base-files, netbase, tzdata and media-types,
 * then //common's rootfs, passwd, home, group and tmp, static's nsswitch.conf,
 * the os-release and the CA bundle (12 layers). base (base/base.bzl,
 * base/config.bzl) is static plus libc6 and libssl3 (14 layers). No
 * Entrypoint or Cmd; Env PATH and SSL_CERT_FILE; User `0`, WorkingDir `/` for
 * `:latest`, User `65532`, WorkingDir `/home/nonroot` for `:nonroot`.
 * Every history entry and `created` is 1970-01-01T00:00:00Z, and each history
 * entry reads `bazel build <label>` (rules_oci oci/private/descriptor.sh,
 * image.sh); the labels below are the apparent ones (Bazel writes the
 * canonical repository name).
 *
 * Layer sizes are the lab's estimates, not registry figures: `diffSize` is the
 * sum of the file sizes the same Debian 12 packages install (measured on a
 * bookworm system: base-files 12.4+deb12u11, netbase 6.4, tzdata 2025b,
 * media-types 10.0.0, ca-certificates 20230311 bundle and copyright, libc6
 * 2.36-9+deb12u14, libssl3 3.0.19), `size` that content as a gzip -6 tar.
 * @see https://github.com/GoogleContainerTools/distroless (commit cd080764, 2026-08-21)
 * @see https://github.com/bazel-contrib/rules_oci/blob/main/oci/private/image.sh
 */

export const DISTROLESS_CREATED = '1970-01-01T00:00:00Z';
export const DISTROLESS_ANNOTATIONS = { 'org.opencontainers.image.source': 'https://github.com/GoogleContainerTools/distroless' } as const;

/** Env as static.bzl sets it: the usual PATH, and SSL_CERT_FILE so OpenSSL finds the bundle. */
export const DISTROLESS_ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'];

/** USER_VARIANTS in static.bzl: ("root", 0, "/"), ("nonroot", 65532, "/home/nonroot"). */
export const DISTROLESS_USERS = {
  root: { User: '0', WorkingDir: '/' },
  nonroot: { User: '65532', WorkingDir: '/home/nonroot' },
} as const satisfies Record<string, ContainerConfig>;

export const NONROOT_UID = 65532;

const step = (label: string, diffSize: number, size: number): BuildStep => ({ createdBy: `bazel build ${label}`, layer: { size, diffSize } });

export const STATIC_STEPS: readonly BuildStep[] = [
  step('@bookworm//base-files/amd64', 268065, 83195),
  step('@bookworm//netbase/amd64', 22269, 11899),
  step('@bookworm//tzdata/amd64', 1399140, 416746),
  step('@bookworm//media-types/amd64', 81035, 27777),
  step('//common:rootfs', 0, 104),
  step('//common:passwd', 149, 191),
  step('//common:home', 0, 143),
  step('//common:group', 64, 163),
  step('//common:tmp', 0, 110),
  step('//static:nsswitch', 497, 373),
  step('//common:os_release_debian12', 346, 307),
  step('//common:cacerts_debian12_amd64', 238537, 133908),
];

/** BASE_PACKAGES["debian12"] in base/config.bzl, added on top of static. */
export const BASE_STEPS: readonly BuildStep[] = [
  ...STATIC_STEPS,
  step('@bookworm//libc6/amd64', 12802831, 4976787),
  step('@bookworm//libssl3/amd64', 5906968, 2510194),
];

export const DISTROLESS_SOURCE =
  'Build steps, config and user variants: distroless static.bzl/base.bzl and rules_oci. Layer sizes: lab estimates from the installed Debian 12 packages (file sizes; gzip -6 for the blob), not registry measurements.';
