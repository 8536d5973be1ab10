import { describe, expect, it } from 'vitest';
import { IMAGE_MTIME } from '../../../src/sim/kernel/boot.ts';
import { findImage } from '../../../src/sim/vfs/images/catalog.ts';
import { goFormatG, humanDuration, humanSizeWithPrecision } from '../../../src/sim/vfs/images/dockerUnits.ts';
import { formatImagesTable, imagesTable, rfc3339Seconds, splitRef } from '../../../src/sim/vfs/images/imagesTable.ts';
import { ociImage } from '../../../src/sim/vfs/images/ociImage.ts';

const KB = 1000;
const MB = 1000 * KB;
const GB = 1000 * MB;
const PB = 1000 * 1000 * GB;

describe('docker/go-units sizes', () => {
  // HumanSize is HumanSizeWithPrecision(size, 4); these are go-units' own expectations (size_test.go).
  it.each([
    [1000, '1kB'], [1024, '1.024kB'], [1000000, '1MB'], [1048576, '1.049MB'], [2 * MB, '2MB'],
    [3.42 * GB, '3.42GB'], [5.372 * 1000 * GB, '5.372TB'], [2.22 * PB, '2.22PB'], [10000000000000 * PB, '1e+04YB'],
  ])('HumanSize(%d) = %s', (size, want) => {
    expect(humanSizeWithPrecision(size, 4)).toBe(want);
  });

  // docker images uses precision 3 (docker/cli formatter/image.go).
  it.each([
    [0, '0B'], [999, '999B'], [74_830_000, '74.8MB'], [116_570_000, '117MB'], [7_800_000, '7.8MB'],
    [2_010_102, '2.01MB'], [20_719_901, '20.7MB'], [999_500, '1e+03kB'], [1_234_567_890, '1.23GB'],
  ])('docker images SIZE of %d bytes is %s', (size, want) => {
    expect(humanSizeWithPrecision(size, 3)).toBe(want);
  });

  it.each([[100, 3, '100'], [0.05, 3, '0.05'], [2, 3, '2'], [123456, 3, '1.23e+05'], [0.00001234, 3, '1.23e-05']])('Go %%.*g of %f at precision %i is %s', (x, p, want) => {
    expect(goFormatG(x, p)).toBe(want);
  });
});

describe('docker/go-units durations', () => {
  const minute = 60;
  const hour = 60 * minute;
  const day = 24 * hour;
  const week = 7 * day;
  const month = 30 * day;
  const year = 365 * day;
  // go-units duration_test.go's expectations.
  it.each([
    [0.45, 'Less than a second'], [1, '1 second'], [45, '45 seconds'], [59, '59 seconds'], [60, 'About a minute'],
    [35 * minute + 40, '35 minutes'], [59 * minute, '59 minutes'], [hour, 'About an hour'], [hour + 29 * minute, 'About an hour'],
    [hour + 31 * minute, '2 hours'], [3 * hour + 59 * minute, '4 hours'], [24 * hour, '24 hours'], [day + 12 * hour, '36 hours'],
    [2 * day, '2 days'], [13 * day + 5 * hour, '13 days'], [2 * week + 4 * day, '2 weeks'], [month, '4 weeks'],
    [month + 2 * week, '6 weeks'], [2 * month, '2 months'], [5 * month + 2 * week, '5 months'], [24 * month, '24 months'],
    [24 * month + 2 * week, '2 years'], [3 * year + 2 * month, '3 years'],
  ])('HumanDuration(%f s) = %s', (seconds, want) => {
    expect(humanDuration(seconds)).toBe(want);
  });
});

describe('docker images', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0], ['2026-11-29T00:00:00Z', IMAGE_MTIME], ['2026-08-03T00:00:00Z', 1785715200], ['2024-09-06T12:05:36Z', 1725624336],
  ])('%s is %i seconds since 1970', (t, s) => {
    expect(rfc3339Seconds(t)).toBe(s);
  });

  it.each([
    ['debian:bookworm-slim', 'debian', 'bookworm-slim'],
    ['gcr.io/distroless/static-debian12', 'gcr.io/distroless/static-debian12', 'latest'],
    ['gcr.io/distroless/base-debian12:nonroot', 'gcr.io/distroless/base-debian12', 'nonroot'],
    ['localhost:5000/app', 'localhost:5000/app', 'latest'],
  ])('%s is repository %s, tag %s', (ref, repository, tag) => {
    expect(splitRef(ref)).toEqual({ repository, tag });
  });

  it.each([
    ['debian', 'bookworm-slim', '3 months ago', '74.8MB'],
    ['debian', 'bookworm', '3 months ago', '117MB'],
    ['alpine', '3.20', '2 years ago', '7.8MB'],
    // distroless images are built reproducibly with created = the Unix epoch.
    ['gcr.io/distroless/static-debian12', 'latest', '56 years ago', '2.01MB'],
    ['gcr.io/distroless/base-debian12', 'nonroot', '56 years ago', '20.7MB'],
  ])('at the lab\'s clock, %s:%s was created %s and is %s', (repository, tag, created, size) => {
    const row = imagesTable(IMAGE_MTIME).find((r) => r.repository === repository && r.tag === tag);
    expect(row).toMatchObject({ created, size });
    expect(row?.imageId).toBe(ociImage(findImage(`${repository}:${tag}`)!)!.imageId);
    expect(row?.imageId).toMatch(/^[0-9a-f]{12}$/);
  });

  it('lists the newest image first', () => {
    const created = imagesTable(IMAGE_MTIME).map((r) => rfc3339Seconds(r.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('prints the header and aligns columns as tabwriter(minwidth 10, padding 3) does', () => {
    const rows = imagesTable(IMAGE_MTIME, [findImage('alpine')!, findImage('debian')!]);
    const out = formatImagesTable(rows).split('\n');
    const [alpineId, debianId] = [findImage('alpine')!, findImage('debian')!].map((s) => ociImage(s)!.imageId);
    expect(out).toEqual([
      'REPOSITORY   TAG             IMAGE ID       CREATED        SIZE',
      `debian       bookworm-slim   ${debianId}   3 months ago   74.8MB`,
      `alpine       3.20            ${alpineId}   2 years ago    7.8MB`,
      '',
    ]);
  });
});
