import { IMAGES } from './catalog.ts';
import { dockerImageSize, humanDuration } from './dockerUnits.ts';
import type { ImageSpec } from './imageSpec.ts';
import { ociImage, unpackedSize } from './ociImage.ts';

/**
 * `docker images` as the classic table prints it: REPOSITORY, TAG, IMAGE ID,
 * CREATED, SIZE (docker/cli formatter/image.go defaultImageTableFormat),
 * newest first (the daemon sorts by `created`, descending). IMAGE ID is the
 * config digest's first 12 hex digits and SIZE the unpacked layers' total,
 * as with the graphdriver (overlay2) image store; with the containerd image
 * store IMAGE ID is the manifest or index digest instead. Since docker CLI
 * 29 a bare `docker images` prints a tree view by default; this table is
 * what `docker images --format table` (and earlier CLIs) print.
 * @see https://github.com/docker/cli/blob/master/cli/command/formatter/image.go
 * @see https://github.com/docker/cli/blob/master/cli/command/image/list.go (shouldUseTree)
 */

export interface ImagesRow {
  repository: string;
  tag: string;
  imageId: string;
  /** `3 months ago`, from the image's `created` and the lab's clock. */
  created: string;
  /** `74.8MB` */
  size: string;
  sizeBytes: number;
  createdAt: string;
}

/** `gcr.io/distroless/static-debian12:nonroot` → repository and tag; no tag means `latest`. */
export function splitRef(ref: string): { repository: string; tag: string } {
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repository: ref, tag: 'latest' };
}

/** Seconds since 1970 of an RFC 3339 UTC time (`2026-08-03T00:00:00Z`), without Date. */
export function rfc3339Seconds(time: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(time);
  if (!m) throw new Error(`not an RFC 3339 UTC time: ${time}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  // Days from civil date (proleptic Gregorian), H. Hinnant's algorithm.
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * 86400 + h * 3600 + mi * 60 + s;
}

/**
 * The rows for these images at the lab's time `now` (seconds since 1970;
 * the lab's clock is IMAGE_MTIME in kernel/boot.ts). Images without build
 * facts are left out.
 */
export function imagesTable(now: number, specs: readonly ImageSpec[] = Object.values(IMAGES)): ImagesRow[] {
  const rows = specs.flatMap((spec) => {
    const img = ociImage(spec);
    if (!img || !spec.oci) return [];
    const sizeBytes = unpackedSize(spec.oci);
    const age = humanDuration(now - rfc3339Seconds(spec.oci.created));
    return [{ ...splitRef(spec.ref), imageId: img.imageId, created: `${age} ago`, size: dockerImageSize(sizeBytes), sizeBytes, createdAt: spec.oci.created }];
  });
  // Newest first; Array.prototype.sort is stable, so equal times keep the catalog's order.
  return rows.sort((a, b) => rfc3339Seconds(b.createdAt) - rfc3339Seconds(a.createdAt));
}

/**
 * The table as the CLI writes it: Go's text/tabwriter with minwidth 10,
 * tabwidth 1, padding 3, padded with spaces (docker/cli formatter.go); the
 * last column is not padded.
 */
export function formatImagesTable(rows: readonly ImagesRow[]): string {
  const lines = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...rows.map((r) => [r.repository, r.tag, r.imageId, r.created, r.size])];
  const widths = [0, 1, 2, 3].map((c) => Math.max(10, ...lines.map((l) => l[c]!.length + 3)));
  return lines.map((l) => l.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join('')).join('\n') + '\n';
}
