import type { DockerResourceFlags } from '../cgroups/docker.ts';
import type { World } from '../kernel/world.ts';
import type { ContainerBlueprint } from './specContainer.ts';
import type { LayerSpec, StaticClassifier, SyscallVerdict } from '../trace.ts';

/**
 * A runtime model: its layers (what the diagram draws), how to boot it (the
 * world and the process a user's commands run as), and how it treats a
 * syscall taken alone (verdict tables, strace-log replay, host attack
 * surface). How a call moves through it is its machine in src/machines; a
 * new runtime is a model file here plus its machine there.
 */
export interface RuntimeModel {
  id: RuntimeId;
  label: string;
  /** One sentence for the picker and `isolab --help`. */
  summary: string;
  /** Every layer a call can visit under any of the runtime's options. */
  layers: LayerSpec[];
  /** The runtime's settings (`--platform kvm`, `--hypervisor clh`); the CLI and UI offer them generically. */
  options: readonly RuntimeOption[];
  /** What is wrong with a combination of valid settings, in the real tool's words (Kata refuses Cloud Hypervisor with 9p); null when it is fine. */
  checkOptions?: (options: RuntimeOptions) => string | null;
  /** Which kernel serves the workload's syscalls. */
  servedBy: ServingKernel;
  boot: (options?: BootOptions) => Session;
  /** How a call is classified with the default options (strace-log replay). */
  classify: StaticClassifier;
  /** One row per x86_64 syscall, for these options (defaults when absent). */
  verdicts: (options?: RuntimeOptions) => SyscallVerdict[];
  /** Whether classify's answer for `name` can depend on the arguments (replay memoises the rest). */
  argDependent: (name: string) => boolean;
  /** The host syscalls the workload can reach through the runtime's outermost host processes. */
  surface: (options?: RuntimeOptions) => SurfaceRow[];
  /** How the sandbox starts, step by step, where the lab models it. */
  bootSteps?: (options?: RuntimeOptions) => BootStepView[];
}

export type RuntimeId = 'host' | 'runc' | 'gvisor' | 'kata' | 'nabla' | 'unikernel-hvt' | 'firecracker' | 'lightvm';

/** The kernel that answers the workload's syscalls: the host's, gVisor's Sentry, a guest VM's, or a library OS linked into the app. */
export type ServingKernel = 'host' | 'sentry' | 'guest' | 'libos';

/** One setting of a runtime, named as the real tool names it where it can be (`--platform`, `--directfs`). */
export interface RuntimeOption {
  /** The flag without dashes: `platform`, `directfs`, `oci-seccomp`. */
  key: string;
  values: readonly string[];
  default: string;
  /** One sentence: what the setting changes, and where the real tool sets it. */
  description: string;
}

/** Option key → value; absent keys take their defaults. */
export type RuntimeOptions = Readonly<Record<string, string>>;

/** One host syscall reachable from the workload, and the host processes through which it is reached. */
export interface SurfaceRow {
  number: number;
  name: string;
  /** Which host processes may make it (`runsc-sandbox (Sentry)`, `virtiofsd`, `firecracker vcpu thread`…). */
  processes: string[];
  /** True when every rule that allows it constrains its arguments. */
  argFiltered: boolean;
  /**
   * What the row is: a host syscall (the default), a hypercall into a
   * hypervisor (number = hypercall number), or a backend driver in Dom0 (number -1).
   */
  kind?: 'syscall' | 'hypercall' | 'backend';
}

/** One step of starting the sandbox, for `isolab boot` and the UI. */
export interface BootStepView {
  /** Who does it: `jailer`, `containerd-shim-kata-v2`, `kata-agent`, `chaos`… */
  by: string;
  what: string;
  /** The syscalls or RPCs the step makes, as named by the real project. */
  calls?: readonly string[];
  /** A published figure for the step: its value in ms and measurement id. */
  figure?: { ms: number; id: string; note?: string };
}

export interface BootOptions {
  /** The container's hostname (Docker uses the first 12 hex digits of the container id). */
  hostname?: string;
  /** `docker run --memory/--cpus/--pids-limit`: the container's cgroup limits. */
  resources?: DockerResourceFlags;
  /** The runtime's settings; checked with `resolveOptions` first. */
  options?: RuntimeOptions;
  /** Make the workload's container from this spec (`docker run` with flags) rather than Docker's default. */
  container?: ContainerBlueprint;
}

/** A booted runtime: the machine's state and the process the terminal talks to. */
export interface Session {
  runtime: RuntimeId;
  /** The kernel that serves the workload: the host's for host and runc, the Sentry's, the guest's, the libOS's. */
  world: World;
  /** The shell's pid in that kernel's initial pid namespace. */
  pid: number;
  /** Every option of the runtime, resolved (defaults filled in). */
  options: RuntimeOptions;
}
