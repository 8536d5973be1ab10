import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findImage, IMAGES } from '../../../src/sim/vfs/images/catalog.ts';
import { LAB_DIGEST_NOTE, ociImage, type OciImage } from '../../../src/sim/vfs/images/ociImage.ts';
import { sha256Digest, sha256Hex, utf8Bytes } from '../../../src/sim/vfs/images/sha256.ts';

const img = (ref: string): OciImage => {
  const o = ociImage(findImage(ref)!);
  if (!o) throw new Error(`no OCI facts for ${ref}`);
  return o;
};
const DIGEST = /^sha256:[0-9a-f]{64}$/;

describe('sha256', () => {
  // FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf", one- and two-block messages).
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('sha256(%j)', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
    expect(sha256Digest(text)).toBe(`sha256:${hex}`);
  });

  it.each([
    ['55 bytes: one block after padding', 'a'.repeat(55)],
    ['56 bytes: the length spills into a second block', 'a'.repeat(56)],
    ['64 bytes', 'b'.repeat(64)],
    ['multi-byte UTF-8', 'héllo wörld 🐳 コンテナ'],
    ['a JSON document', JSON.stringify({ a: [1, 2, 3], b: 'x'.repeat(300) })],
  ])('agrees with node:crypto on %s', (_name, text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('encodes UTF-8 as TextEncoder does', () => {
    expect(utf8Bytes('é🐳')).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x90, 0xb3]);
  });
});

describe('OCI manifest (image-spec manifest.md)', () => {
  it.each(Object.keys(IMAGES))('%s: schemaVersion 2, OCI media types, one gzip layer descriptor per diff_id', (ref) => {
    const { manifest, config } = img(ref);
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(manifest.layers.length).toBeGreaterThan(0);
    expect(manifest.layers.length).toBe(config.rootfs.diff_ids.length);
    for (const l of manifest.layers) {
      expect(l.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
      expect(l.digest).toMatch(DIGEST);
      expect(l.size).toBeGreaterThan(0);
    }
  });

  it.each(Object.keys(IMAGES))('%s: the config descriptor is the digest and byte size of the config JSON', (ref) => {
    const { manifest, config, configDigest, manifestDigest, imageId } = img(ref);
    const json = JSON.stringify(config);
    expect(manifest.config.digest).toBe(sha256Digest(json));
    expect(manifest.config.size).toBe(Buffer.byteLength(json, 'utf8'));
    expect(configDigest).toBe(manifest.config.digest);
    expect(manifestDigest).toBe(sha256Digest(JSON.stringify(manifest)));
    expect(imageId).toBe(configDigest.slice(7, 19));
  });

  it('says the digests are the lab\'s, not the registry\'s', () => {
    expect(img('alpine').note).toBe(LAB_DIGEST_NOTE);
    expect(LAB_DIGEST_NOTE).toMatch(/not the registry's/);
  });

  it('gives every image its own IMAGE ID', () => {
    const ids = Object.keys(IMAGES).map((ref) => img(ref).imageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['debian:bookworm-slim', 1], ['debian:bookworm', 1], ['alpine:3.20', 1],
    ['gcr.io/distroless/static-debian12', 12], ['gcr.io/distroless/base-debian12', 14],
  ])('%s has %i layers', (ref, n) => {
    expect(img(ref).manifest.layers).toHaveLength(n);
  });

  it('distroless base is static plus two layers, sharing static\'s twelve', () => {
    const s = img('gcr.io/distroless/static-debian12').manifest.layers;
    const b = img('gcr.io/distroless/base-debian12').manifest.layers;
    expect(b.slice(0, 12)).toEqual(s);
  });

  it.each(['gcr.io/distroless/static-debian12', 'gcr.io/distroless/base-debian12'])('%s:nonroot differs from latest only in its config', (ref) => {
    const root = img(ref);
    const nonroot = img(`${ref}:nonroot`);
    expect(nonroot.manifest.layers).toEqual(root.manifest.layers);
    expect(nonroot.configDigest).not.toBe(root.configDigest);
  });

  it('distroless manifests carry the source annotation', () => {
    expect(img('gcr.io/distroless/static-debian12').manifest.annotations).toEqual({ 'org.opencontainers.image.source': 'https://github.com/GoogleContainerTools/distroless' });
    expect(img('alpine').manifest.annotations).toBeUndefined();
  });
});

describe('OCI image config (image-spec config.md)', () => {
  const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const SSL = 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt';

  it.each([
    ['debian:bookworm-slim', { Env: [PATH], Entrypoint: [], Cmd: ['bash'] }],
    ['debian:bookworm', { Env: [PATH], Entrypoint: [], Cmd: ['bash'] }],
    ['alpine:3.20', { Env: [PATH], Cmd: ['/bin/sh'] }],
    ['gcr.io/distroless/static-debian12', { Env: [PATH, SSL], User: '0', WorkingDir: '/' }],
    ['gcr.io/distroless/static-debian12:nonroot', { Env: [PATH, SSL], User: '65532', WorkingDir: '/home/nonroot' }],
    ['gcr.io/distroless/base-debian12', { Env: [PATH, SSL], User: '0', WorkingDir: '/' }],
    ['gcr.io/distroless/base-debian12:nonroot', { Env: [PATH, SSL], User: '65532', WorkingDir: '/home/nonroot' }],
  ])('%s config is %j', (ref, want) => {
    expect(img(ref).config.config).toEqual(want);
  });

  it.each(Object.keys(IMAGES))('%s: amd64/linux, rootfs of type layers, history matching the layers', (ref) => {
    const { config } = img(ref);
    expect([config.architecture, config.os, config.rootfs.type]).toEqual(['amd64', 'linux', 'layers']);
    for (const d of config.rootfs.diff_ids) expect(d).toMatch(DIGEST);
    expect(config.history.filter((h) => !h.empty_layer)).toHaveLength(config.rootfs.diff_ids.length);
    for (const h of config.history) expect(h.created).toBe(config.created);
  });

  it.each([
    ['debian:bookworm-slim', '2026-08-03T00:00:00Z', "# debian.sh --arch 'amd64' out/ 'bookworm' '@1785715200'"],
    ['alpine:3.20', '2024-09-06T12:05:36Z', 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit'],
    ['gcr.io/distroless/static-debian12', '1970-01-01T00:00:00Z', 'bazel build @bookworm//base-files/amd64'],
  ])('%s was created %s by %j', (ref, created, firstStep) => {
    const { config } = img(ref);
    expect(config.created).toBe(created);
    expect(config.history[0]?.created_by).toBe(firstStep);
  });

  it('alpine\'s CMD step made no layer', () => {
    expect(img('alpine').config.history.at(-1)).toMatchObject({ created_by: 'CMD ["/bin/sh"]', empty_layer: true });
  });
});
