import type { DockerResourceFlags } from '../cgroups/docker.ts';
import type { World } from '../kernel/world.ts';
import type { LayerSpec, StaticClassifier, SyscallVerdict } from '../trace.ts';

/**
 * A runtime model: its layers (what the diagram draws), how to boot it (the
 * world and the process a user's commands run as), and how it treats a
 * syscall taken alone (verdict tables, strace-log replay). How a call moves
 * through it is its machine in src/machines; a new runtime is a model file
 * here plus its machine there.
 */
export interface RuntimeModel {
  id: RuntimeId;
  label: string;
  /** One sentence for the picker and `isolab --help`. */
  summary: string;
  layers: LayerSpec[];
  boot: (options?: BootOptions) => Session;
  classify: StaticClassifier;
  /** One row per x86_64 syscall. */
  verdicts: () => SyscallVerdict[];
  /** Whether classify's answer for `name` can depend on the arguments (replay memoises the rest). */
  argDependent: (name: string) => boolean;
}

export type RuntimeId = 'host' | 'runc';

export interface BootOptions {
  /** The container's hostname (Docker uses the first 12 hex digits of the container id). */
  hostname?: string;
  /** `docker run --memory/--cpus/--pids-limit`: the container's cgroup limits. */
  resources?: DockerResourceFlags;
}

/** A booted runtime: the machine's state and the process the terminal talks to. */
export interface Session {
  runtime: RuntimeId;
  world: World;
  /** The shell's pid on the host. */
  pid: number;
}
