import { binary, file, link, type TreeEntry } from '../treeSpec.ts';
import { BASE_STEPS, DISTROLESS_ANNOTATIONS, DISTROLESS_CREATED, DISTROLESS_ENV, DISTROLESS_SOURCE, DISTROLESS_USERS } from './distrolessLayers.ts';
import { distrolessStaticEntries } from './distrolessStatic.ts';
import type { ImageSpec } from './imageSpec.ts';

/**
 * gcr.io/distroless/base-debian12: distroless static plus glibc (libc6) and
 * OpenSSL's libraries (libssl3: libssl.so.3, libcrypto.so.3, its engines and
 * the legacy provider), for programs linked against libc, such as Go with
 * cgo. Still no shell, no package manager and no `openssl` program. libc6
 * unpacks into /lib/x86_64-linux-gnu (Debian 12 packages predate merged-/usr)
 * with the ELF interpreter link /lib64/ld-linux-x86-64.so.2.
 * Abridged: libc6's 258 gconv modules are left out.
 * Sizes: the files of libc6 2.36-9+deb12u14 and libssl3 3.0.19 on Debian 12.
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/base/README.md
 * @see distroless base/config.bzl (BASE_PACKAGES debian12: libc6, libssl3), base/base.bzl
 */

const MULTIARCH = '/lib/x86_64-linux-gnu';
const USR_MULTIARCH = '/usr/lib/x86_64-linux-gnu';

/** libc6's shared objects; libc.so.6 and the loader are mode 0755 (they can be run), the rest 0644. */
const LIBC6: Record<string, number> = {
  'libc.so.6': 1926232, 'ld-linux-x86-64.so.2': 215000, 'libm.so.6': 911904, 'libmvec.so.1': 1019408,
  'libresolv.so.2': 60328, 'libnss_files.so.2': 14400, 'libnss_dns.so.2': 14400, 'libnss_compat.so.2': 39896,
  'libnss_hesiod.so.2': 27136, 'libnsl.so.1': 93248, 'libpthread.so.0': 14480, 'libdl.so.2': 14480,
  'librt.so.1': 14640, 'libutil.so.1': 14480, 'libanl.so.1': 14480, 'libthread_db.so.1': 35752,
  'libBrokenLocale.so.1': 14640, 'libc_malloc_debug.so.0': 50200, 'libmemusage.so': 18880, 'libpcprofile.so': 14592,
};

const LIBSSL3: Record<string, number> = {
  'libssl.so.3': 688160, 'libcrypto.so.3': 4734232, 'engines-3/afalg.so': 22816, 'engines-3/loader_attic.so': 51936,
  'engines-3/padlock.so': 26688, 'ossl-modules/legacy.so': 125000,
};

function libraries(): TreeEntry[] {
  const exec = new Set(['libc.so.6', 'ld-linux-x86-64.so.2']);
  return [
    ...Object.entries(LIBC6).map(([name, size]) => binary(`${MULTIARCH}/${name}`, size, exec.has(name) ? 0o755 : 0o644)),
    link('/lib64/ld-linux-x86-64.so.2', `${MULTIARCH}/ld-linux-x86-64.so.2`),
    file('/etc/ld.so.conf.d/x86_64-linux-gnu.conf', '# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n'),
    ...Object.entries(LIBSSL3).map(([name, size]) => binary(`${USR_MULTIARCH}/${name}`, size, 0o644)),
    file('/var/lib/dpkg/status.d/libc6', 'Package: libc6\n'), file('/var/lib/dpkg/status.d/libssl3', 'Package: libssl3\n'),
  ];
}

export const DISTROLESS_BASE: ImageSpec = {
  ref: 'gcr.io/distroless/base-debian12',
  description: 'Distroless base: static plus glibc and libssl; still no shell, no package manager, no programs. Runs as root (User 0).',
  entries: () => [...distrolessStaticEntries(), ...libraries()],
  shell: null,
  missing: {
    sh: 'distroless images have no shell', bash: 'distroless images have no shell', ls: 'no coreutils', cat: 'no coreutils',
    openssl: 'libssl3 gives the libraries only; the openssl program is not installed', ldd: 'ldd is a shell script and there is no shell',
  },
  oci: { created: DISTROLESS_CREATED, config: { Env: DISTROLESS_ENV, ...DISTROLESS_USERS.root }, steps: BASE_STEPS, annotations: DISTROLESS_ANNOTATIONS, source: DISTROLESS_SOURCE },
};

/** The `:nonroot` tag: the same layers, User 65532 and WorkingDir /home/nonroot. */
export const DISTROLESS_BASE_NONROOT: ImageSpec = {
  ...DISTROLESS_BASE,
  ref: 'gcr.io/distroless/base-debian12:nonroot',
  description: 'Distroless base, nonroot tag: the same files, run as uid 65532 in /home/nonroot.',
  oci: { ...DISTROLESS_BASE.oci!, config: { Env: DISTROLESS_ENV, ...DISTROLESS_USERS.nonroot } },
};
