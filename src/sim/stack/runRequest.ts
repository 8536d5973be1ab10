import type { DockerResourceFlags } from '../cgroups/docker.ts';

/**
 * What a person asked for with `docker run`, `podman run` or `kubectl run`,
 * after the flags are read and before a daemon turns it into an OCI spec:
 * the isolation-relevant settings, in the tool's own terms.
 */
export interface RunRequest {
  /** The image as typed: `debian`, `alpine:3.20`, `gcr.io/distroless/static-debian12`. */
  image: string;
  /** The command after the image; empty: the image's default. */
  command: string[];
  /** `--name`. */
  name?: string;
  /** `--runtime` as typed (`runc`, `runsc`, `kata-runtime`, `io.containerd.kata.v2`…); dockerd resolves it. */
  runtime: string;
  /** `--cap-add`/`--cap-drop` as typed (`SYS_ADMIN`, `CAP_NET_RAW`, `ALL`), in order. */
  capAdd: string[];
  capDrop: string[];
  /** `--security-opt seccomp=…`: Docker's default profile, none, or a profile file on the host. */
  seccomp: { type: 'default' } | { type: 'unconfined' } | { type: 'profile'; path: string };
  /** `--security-opt no-new-privileges` (or `no-new-privileges=true`). */
  noNewPrivileges: boolean;
  /** `--privileged`. */
  privileged: boolean;
  /** `--memory`, `--cpus`, `--pids-limit` as typed. */
  resources: DockerResourceFlags;
  /** `--network` (`--net`): Docker's bridge, none, or the host's network namespace. */
  network: 'bridge' | 'none' | 'host';
  /** `--pid host`: share the host's pid namespace. */
  pid: 'private' | 'host';
  /** `--userns host` (Docker: opt out of the daemon's userns-remap); `default`: the daemon decides. */
  userns: 'default' | 'host';
  /** `--read-only`: the root filesystem is mounted read-only. */
  readOnly: boolean;
  /** `-v HOST:CONTAINER[:ro]`. */
  volumes: { host: string; container: string; readOnly: boolean }[];
  /** `--user` / `-u` as typed: `1000`, `1000:1000`, `nobody`. */
  user?: string;
  /** `--hostname` / `-h`. */
  hostname?: string;
  interactive: boolean;
  tty: boolean;
  detach: boolean;
  /** `--rm`. */
  remove: boolean;
  /** `-e/--env` as typed, in order (`K=V`, or a bare `K` docker looks up in the client's environment). */
  env?: string[];
  /** `-w/--workdir`. */
  workdir?: string;
  /** `--entrypoint` as typed; `''` clears the image's entrypoint. */
  entrypoint?: string;
  /** podman `--userns` as typed (`keep-id`, `auto`, `nomap`, `ns:/path`, `host`, `private`); absent: podman's default (`''`: rootless podman maps the user to root in its own user namespace). */
  usernsMode?: string;
  /** Flags the real tool accepted that the lab does not act on, as typed (`--publish 8080:80`, `--security-opt apparmor=x`). */
  unmodelled?: string[];
}

/** A request with nothing but the image: Docker's defaults everywhere. */
export function defaultRequest(image: string): RunRequest {
  return {
    image, command: [], runtime: 'runc', capAdd: [], capDrop: [], seccomp: { type: 'default' },
    noNewPrivileges: false, privileged: false, resources: {}, network: 'bridge', pid: 'private', userns: 'default',
    readOnly: false, volumes: [], interactive: false, tty: false, detach: false, remove: false,
  };
}
