import type { RuntimeId } from '../runtime/types.ts';
import type { Localized } from '../text/language.ts';

/**
 * An escape or host-attack scenario as data (issue 6, the escape lab): how
 * the container is made, the lines the attacker runs, and which host
 * resource counts as reached. The verdict per runtime is never written here:
 * src/machines/escapeRun.ts runs the lines through the model and reads it
 * from the trace (classify.ts).
 */
export type EscapeClass =
  | 'privileged-mount'
  | 'cgroup-release-agent'
  | 'runtime-binary-overwrite'
  | 'kernel-bug'
  | 'module-load'
  | 'process-injection'
  | 'engine-socket'
  | 'io-uring';

/** Where the attack comes from: a CVE and the write-up or advisory the lab checked. */
export interface Citation {
  /** `CVE-2022-0847`, or null for a misconfiguration class with no CVE of its own. */
  cve: string | null;
  /** The advisory or write-up. */
  url: string;
  /** Who wrote it: `Max Kellermann (CM4all)`, `Unit 42 (Yuval Avrahami)`. */
  source: string;
}

export interface EscapeScenario {
  id: string;
  title: Localized;
  summary: Localized;
  class: EscapeClass;
  citation: Citation;
  /**
   * The `docker run` flags that make the container the way the attack needs
   * it (without `--runtime`, the image or the command: the lab adds them).
   */
  dockerFlags: readonly string[];
  /** The attacker's lines, in order: syscalls in strace syntax or lab shell commands. */
  attack: readonly string[];
  /** The same attack for the bare host's column, where a path differs (no container, no volume). */
  hostAttack?: readonly string[];
  /**
   * The syscall whose success is the attack's goal. The attack gets through
   * when the host kernel itself runs it for the workload (a host call not
   * refused by a filter); it is contained when a sandbox's own kernel ran it.
   */
  goal: string;
  /**
   * Whether a sandbox helper's host call of the goal syscall (the Sentry,
   * virtiofsd, a VMM thread) also counts as getting through: true for a
   * kernel bug, whose code is reached whoever calls it; false where the goal
   * is the workload's own access to a host resource.
   */
  viaHelpers: boolean;
  /** What "gets through" means here: the host resource or kernel path reached. */
  reaches: Localized;
  /** What the lab does not model in this scenario. */
  simplifies: Localized;
  /**
   * Runtimes that cannot be set up the way the attack needs, and why (the
   * real behaviour). The attack still runs on the runtime's default boot so
   * the cell can be replayed, but the cell says so.
   */
  unstageable?: Partial<Record<RuntimeId, Localized>>;
  /**
   * Cells where the real system, as commonly configured, differs from what
   * the model can show: said beside the cell's verdict (a mark in the
   * matrix, the text in the detail), never silently.
   */
  caveats?: Partial<Record<RuntimeId, Localized>>;
}
