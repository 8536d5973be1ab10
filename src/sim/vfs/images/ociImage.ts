import type { ImageSpec } from './imageSpec.ts';
import {
  OCI_CONFIG_MEDIA_TYPE, OCI_LAYER_GZIP_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE,
  type BuildStep, type ImageOci, type LayerSize, type OciDescriptor, type OciImageConfig, type OciManifest,
} from './ociTypes.ts';
import { sha256Digest, utf8Bytes } from './sha256.ts';

/**
 * The lab's OCI manifest and config for an image: the real image's shape
 * (config fields, build history, layer count and sizes, media types) with
 * digests the lab computes itself.
 *
 * The digests are NOT the registry's. A real layer digest is the SHA-256 of
 * the compressed tarball and changes with every rebuild; the lab has no
 * tarballs. It hashes a description of each layer instead, and hashes its
 * own config and manifest JSON, so IDs agree with one another (same layer →
 * same digest in every image that has it; `docker images` IMAGE ID = the
 * config digest) but match nothing on Docker Hub or gcr.io.
 * @see https://github.com/opencontainers/image-spec/blob/main/config.md ("ImageID": the config's digest)
 */

export const LAB_DIGEST_NOTE =
  "Digests are the lab's own SHA-256 of its JSON and layer descriptions, not the registry's: real digests change with each rebuild.";

export interface OciImage {
  manifest: OciManifest;
  config: OciImageConfig;
  configDigest: string;
  manifestDigest: string;
  /** `docker images` IMAGE ID: the config digest's first 12 hex digits (graphdriver image store). */
  imageId: string;
  note: typeof LAB_DIGEST_NOTE;
}

/** What identifies a layer's content for the lab: the step that made it and its sizes. */
const layerSeed = (step: BuildStep, layer: LayerSize): string => `${step.createdBy}\n${layer.size}\n${layer.diffSize}`;

/** The uncompressed tar's digest (config rootfs.diff_ids), lab-computed. */
export const labDiffId = (step: BuildStep, layer: LayerSize): string => sha256Digest(`lab diff_id\n${layerSeed(step, layer)}`);
/** The compressed blob's digest (manifest layers[].digest), lab-computed. */
export const labLayerDigest = (step: BuildStep, layer: LayerSize): string => sha256Digest(`lab layer\n${layerSeed(step, layer)}`);

function layerSteps(oci: ImageOci): Array<{ step: BuildStep; layer: LayerSize }> {
  return oci.steps.flatMap((step) => (step.layer ? [{ step, layer: step.layer }] : []));
}

/** config.md: the image configuration JSON, keys in a fixed order so its digest is stable. */
export function imageConfig(oci: ImageOci): OciImageConfig {
  return {
    created: oci.created,
    architecture: 'amd64',
    os: 'linux',
    config: { ...oci.config },
    rootfs: { type: 'layers', diff_ids: layerSteps(oci).map(({ step, layer }) => labDiffId(step, layer)) },
    history: oci.steps.map((s) => ({
      created: oci.created,
      created_by: s.createdBy,
      ...(s.comment !== undefined ? { comment: s.comment } : {}),
      ...(s.layer ? {} : { empty_layer: true }),
    })),
  };
}

/** manifest.md: schemaVersion 2, the config descriptor, one gzip layer descriptor per layer, base first. */
export function imageManifest(oci: ImageOci, config: OciImageConfig = imageConfig(oci)): OciManifest {
  const configJson = JSON.stringify(config);
  const configDesc: OciDescriptor = { mediaType: OCI_CONFIG_MEDIA_TYPE, digest: sha256Digest(configJson), size: utf8Bytes(configJson).length };
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: configDesc,
    layers: layerSteps(oci).map(({ step, layer }) => ({ mediaType: OCI_LAYER_GZIP_MEDIA_TYPE, digest: labLayerDigest(step, layer), size: layer.size })),
    ...(oci.annotations ? { annotations: { ...oci.annotations } } : {}),
  };
}

/** The manifest, the config and their (lab) digests; undefined for an image the lab has no build facts for. */
export function ociImage(spec: ImageSpec): OciImage | undefined {
  if (!spec.oci) return undefined;
  const config = imageConfig(spec.oci);
  const manifest = imageManifest(spec.oci, config);
  return {
    manifest,
    config,
    configDigest: manifest.config.digest,
    manifestDigest: sha256Digest(JSON.stringify(manifest)),
    imageId: manifest.config.digest.slice('sha256:'.length, 'sha256:'.length + 12),
    note: LAB_DIGEST_NOTE,
  };
}

/** Sum of the layers' unpacked sizes: `docker images` SIZE with the graphdriver (overlay2) image store. */
export function unpackedSize(oci: ImageOci): number {
  return layerSteps(oci).reduce((n, { layer }) => n + layer.diffSize, 0);
}

/** Sum of the compressed blobs: what a pull transfers. */
export function compressedSize(oci: ImageOci): number {
  return layerSteps(oci).reduce((n, { layer }) => n + layer.size, 0);
}
