import type { Verdict } from '../trace.ts';

/**
 * A container's start as a list of steps, each tagged with the state of the
 * start machine (src/machines/containerStartMachine.ts) that records it and
 * the call it belongs to (the line the terminal prints). The machine walks
 * its states in order and stops at the first refusal.
 */
export const START_STATES = [
  'requested', // the front end read the command and sent it
  'specWritten', // the daemon (or podman) checked it and wrote the OCI spec
  'taskCreated', // containerd made the container and its task; the shim started
  'namespaced', // the runtime's process is in its new namespaces
  'cgrouped', // in its cgroup, with its limits
  'rooted', // its root filesystem, hostname, masked paths
  'credentialed', // no_new_privs, seccomp, capabilities, user
  'sandboxBooted', // (runsc, Kata) the container's own kernel is up and made the container
  'started', // the runtime was told to start it
  'execed', // the container's program runs
] as const;

export type StartState = (typeof START_STATES)[number];

export interface StartStep {
  state: StartState;
  /** The line of the call this hop belongs to: `POST /v1.47/containers/create`, `unshare(CLONE_NEWNS|…)`. */
  call: string;
  /** What the call returned, as the terminal prints it after ` = `. */
  result: string;
  layer: string;
  verdict: Verdict;
  note: string;
  costNs: number;
  source: string;
  hostEntry?: string;
}

/** A step; costs of the control plane are the lab's estimates (see each plan's comment). */
export function step(state: StartState, call: string, result: string, layer: string, verdict: Verdict, note: string, costNs: number, hostEntry?: string): StartStep {
  return { state, call, result, layer, verdict, note, costNs, source: 'estimate', ...(hostEntry ? { hostEntry } : {}) };
}

/** A hop that refuses the start: the front end prints `message`. */
export function refusal(state: StartState, call: string, layer: string, message: string): StartStep {
  return { state, call, result: 'error', layer, verdict: 'deny', note: message, costNs: 50_000, source: 'estimate' };
}
