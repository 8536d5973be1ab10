/**
 * OCI image documents as the image-spec defines them, and the lab's own
 * description of how an image was built (its build steps and their layers).
 * @see https://github.com/opencontainers/image-spec/blob/main/manifest.md
 * @see https://github.com/opencontainers/image-spec/blob/main/config.md
 * @see https://github.com/opencontainers/image-spec/blob/main/descriptor.md
 */

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER_GZIP_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';

/** descriptor.md: what a manifest points at. `size` is the blob's size in bytes (for a layer: the compressed tarball). */
export interface OciDescriptor {
  mediaType: string;
  digest: string;
  size: number;
}

/** manifest.md: schemaVersion 2, the config and the layers, base layer first. */
export interface OciManifest {
  schemaVersion: 2;
  mediaType: typeof OCI_MANIFEST_MEDIA_TYPE;
  config: OciDescriptor;
  layers: OciDescriptor[];
  annotations?: Record<string, string>;
}

/**
 * config.md "config" (the execution parameters). Every field is optional in
 * the spec; the lab sets only those the real image sets.
 */
export interface ContainerConfig {
  /** `0`, `65532`, `nonroot`… empty or absent: root. */
  User?: string;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  WorkingDir?: string;
}

/** config.md "history": one entry per build step, `empty_layer` when the step made no layer (CMD, ENV…). */
export interface OciHistoryEntry {
  created: string;
  created_by: string;
  comment?: string;
  empty_layer?: boolean;
}

/** config.md: the image configuration (the blob the config descriptor points at). */
export interface OciImageConfig {
  created: string;
  architecture: 'amd64';
  os: 'linux';
  config: ContainerConfig;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history: OciHistoryEntry[];
}

/** A layer as the lab knows it: sizes, not bytes. */
export interface LayerSize {
  /** The compressed blob's size: the manifest descriptor's `size`. */
  size: number;
  /** The unpacked content's size on disk (sum of file sizes): what `docker images` adds up as SIZE. */
  diffSize: number;
}

/** One step of the image's build, as its history records it. */
export interface BuildStep {
  createdBy: string;
  comment?: string;
  /** Absent: the step made no layer (`empty_layer: true`). */
  layer?: LayerSize;
}

/** How the real image was built and what its config says: the facts the lab's manifest and config are made from. */
export interface ImageOci {
  /** RFC 3339, as in the config's `created`. */
  created: string;
  config: ContainerConfig;
  steps: readonly BuildStep[];
  /** Manifest annotations the real image carries. */
  annotations?: Readonly<Record<string, string>>;
  /** Where the figures come from and which are measured, which estimated. */
  source: string;
}
