/**
 * The OCI runtime spec's config.json, the part of it the lab models: what a
 * runtime reads to make a container (process, root, mounts, hooks and the
 * Linux section). Field names and shapes are the spec's own, so a real
 * config.json from `runc spec` or a bundle reads into this type.
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config.md
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md
 */
export interface OciSpec {
  ociVersion: string;
  process: OciProcess;
  root: { path: string; readonly?: boolean };
  hostname?: string;
  mounts: OciMount[];
  hooks?: OciHooks;
  annotations?: Record<string, string>;
  linux: OciLinux;
}

export interface OciProcess {
  terminal?: boolean;
  user: OciUser;
  args: string[];
  env: string[];
  cwd: string;
  capabilities?: OciCapabilities;
  noNewPrivileges?: boolean;
  apparmorProfile?: string;
  oomScoreAdj?: number;
  rlimits?: { type: string; hard: number; soft: number }[];
}

export interface OciUser {
  uid: number;
  gid: number;
  umask?: number;
  additionalGids?: number[];
}

/** Capability names as the spec writes them: `CAP_SYS_ADMIN`. */
export interface OciCapabilities {
  bounding?: string[];
  effective?: string[];
  permitted?: string[];
  inheritable?: string[];
  ambient?: string[];
}

export interface OciMount {
  destination: string;
  type?: string;
  source?: string;
  options?: string[];
}

export type OciNamespaceType = 'pid' | 'network' | 'mount' | 'ipc' | 'uts' | 'user' | 'cgroup' | 'time';
export const OCI_NAMESPACE_TYPES: readonly OciNamespaceType[] = ['pid', 'network', 'mount', 'ipc', 'uts', 'user', 'cgroup', 'time'];

export interface OciNamespace {
  type: OciNamespaceType;
  /** Join this namespace (a /proc/PID/ns/* path) rather than create one. */
  path?: string;
}

export interface OciIdMapping {
  containerID: number;
  hostID: number;
  size: number;
}

export interface OciDeviceRule {
  allow: boolean;
  type?: 'a' | 'b' | 'c';
  major?: number;
  minor?: number;
  access?: string;
}

export interface OciResources {
  memory?: { limit?: number; reservation?: number; swap?: number };
  cpu?: { shares?: number; quota?: number; period?: number; cpus?: string };
  pids?: { limit: number };
  devices?: OciDeviceRule[];
  /** dockerd always sets it, empty unless `--blkio-weight` and friends are given (moby daemon/oci_linux.go WithResources). */
  blockIO?: { weight?: number };
}

/** A device node runc creates in the container's /dev. */
export interface OciDevice {
  path: string;
  type: 'c' | 'b' | 'u' | 'p';
  major: number;
  minor: number;
  fileMode?: number;
  uid?: number;
  gid?: number;
}

/** linux.seccomp: the filter as the runtime receives it (moby has already dropped the rules the container's capabilities rule out). */
export interface OciSeccomp {
  defaultAction: string;
  defaultErrnoRet?: number;
  architectures?: string[];
  flags?: string[];
  syscalls?: OciSeccompRule[];
}

export interface OciSeccompRule {
  names: string[];
  action: string;
  errnoRet?: number;
  args?: { index: number; value: number; valueTwo?: number; op: string }[];
}

export interface OciLinux {
  namespaces: OciNamespace[];
  uidMappings?: OciIdMapping[];
  gidMappings?: OciIdMapping[];
  resources?: OciResources;
  cgroupsPath?: string;
  seccomp?: OciSeccomp;
  maskedPaths?: string[];
  readonlyPaths?: string[];
  devices?: OciDevice[];
  sysctl?: Record<string, string>;
}

export type OciHookName = 'prestart' | 'createRuntime' | 'createContainer' | 'startContainer' | 'poststart' | 'poststop';

export interface OciHook {
  path: string;
  args?: string[];
  env?: string[];
  timeout?: number;
}

export type OciHooks = Partial<Record<OciHookName, OciHook[]>>;
