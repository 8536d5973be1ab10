import type { OciSpec } from '../oci/spec.ts';
import type { RuntimeId, Session } from '../runtime/types.ts';
import type { RunRequest } from './runRequest.ts';
import type { PodRecord } from './kubernetes.ts';

/**
 * What the container engines on the lab's host know: each container made
 * through docker, podman, kubectl or runc, with the spec it was made from and
 * where its process lives. A runc container's process is in the host's own
 * kernel (the host session's world); a sandboxed one has its own session
 * (the Sentry's world, the guest's).
 */
export interface ContainerRecord {
  /** 64 hex digits. */
  id: string;
  name: string;
  /** The image as typed, and the reference it resolved to. */
  image: string;
  imageRef: string;
  /** The runtime name dockerd (or the CRI handler) resolved: `runc`, `runsc`, `kata-runtime`. */
  runtimeName: string;
  /** The lab runtime whose diagram and kernel serve it. */
  runtime: RuntimeId;
  via: 'docker' | 'podman' | 'kubernetes' | 'runc';
  request: RunRequest;
  spec: OciSpec;
  status: 'created' | 'running' | 'exited';
  exitCode: number | null;
  /** The container's first process: its pid in the host world (runc) or in the sandbox's world. */
  pid: number;
  /** The sandbox's own kernel, for runsc and Kata; null when the host kernel serves it. */
  sandbox: Session | null;
  /** Order of creation (what `docker ps` sorts by, newest first). */
  seq: number;
}

export interface StackState {
  containers: ContainerRecord[];
  /** How many containers have been made: seeds the next id and name. */
  made: number;
  /** The Pods of the lab's one-node clusters (each record names its cluster). */
  pods: PodRecord[];
  /**
   * kubeconfig's current-context, as `kubectl config use-context` leaves it;
   * absent: the lab's default context (lab-containerd). See kubeconfig.ts.
   */
  kubeContext?: string;
}

export const EMPTY_STACK: StackState = { containers: [], made: 0, pods: [] };

/**
 * A container id: 64 hex digits. Docker's come from crypto/rand; the lab's
 * from a fixed generator (xorshift) seeded by the count, so a replayed
 * session gets the same ids.
 */
export function containerId(seq: number): string {
  let x = (0x9e3779b9 ^ Math.imul(seq + 1, 0x85ebca6b)) >>> 0;
  let out = '';
  while (out.length < 64) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

// A few of the adjectives and names of moby's namesgenerator (pkg/namesgenerator/names-generator.go).
const LEFT = ['admiring', 'brave', 'clever', 'eager', 'focused', 'gallant', 'happy', 'jolly', 'keen', 'loving', 'modest', 'nifty', 'quirky', 'serene', 'vibrant', 'zealous'];
const RIGHT = ['turing', 'hopper', 'lovelace', 'curie', 'hamilton', 'ritchie', 'thompson', 'torvalds', 'noether', 'goodall', 'lamport', 'liskov', 'knuth', 'shannon', 'wozniak', 'yonath'];

/** A name as dockerd makes one (`adjective_surname`), chosen by the count instead of at random. */
export function containerName(seq: number): string {
  return `${LEFT[(seq * 7) % LEFT.length]}_${RIGHT[(seq * 11 + 3) % RIGHT.length]}`;
}

/** A container of one engine by full id, unique id prefix or name, as docker resolves a reference. */
export function findContainer(stack: StackState, ref: string, via: ContainerRecord['via'] = 'docker'): ContainerRecord | { error: string } {
  // Each engine sees its own: docker lists moby's containers, not the ones the CRI made in containerd's k8s.io namespace.
  const own = stack.containers.filter((c) => c.via === via);
  const byName = own.find((c) => c.name === ref || c.name === ref.replace(/^\//, ''));
  if (byName) return byName;
  const byId = ref.length > 0 ? own.filter((c) => c.id.startsWith(ref.toLowerCase())) : [];
  if (byId.length === 1 && byId[0]) return byId[0];
  if (byId.length > 1) return { error: `multiple IDs found with provided prefix: ${ref}` };
  return { error: `No such container: ${ref}` };
}

export function withRecord(stack: StackState, record: ContainerRecord): StackState {
  const others = stack.containers.filter((c) => c.id !== record.id);
  return { ...stack, containers: [...others, record].sort((a, b) => a.seq - b.seq) };
}
