import type { LabSnapshot, SnapshotCall, SnapshotEntry } from './snapshot.ts';

/**
 * What a lesson step asks a person to reach, as checks over the snapshot of
 * the lab (snapshot.ts). Each kind is one small predicate; `all` joins them.
 */
export type Goal =
  /** A line was run (typed, or clicked) that starts with `starts`; `ok`: it exited 0 (true) or failed (false). */
  | { type: 'lineRan'; starts: string; ok?: boolean }
  /** A call was refused: by this syscall, at this layer, with this errno, on this runtime (each optional). */
  | { type: 'callDenied'; syscall?: string; layer?: string; errno?: string; runtime?: string }
  /** A call succeeded: this syscall, answered by this kernel (host, sentry, guest, libos), on this runtime. */
  | { type: 'callServed'; syscall?: string; servedBy?: string; runtime?: string }
  /** A hop was a host syscall by a helper process whose description contains `by` (`runsc-gofer`, `virtiofsd`). */
  | { type: 'hostCall'; by: string; syscall?: string }
  /** One line's calls passed through all these layers (`dockerd`, `containerd`, `shim`, `oci-runtime`). */
  | { type: 'pathThrough'; layers: readonly string[] }
  /** A container has a hostname of its own: not the host's, not Docker's default (its short id). */
  | { type: 'hostnameHidden' }
  /** A container's cgroup has pids.max = `max` and refused at least one fork. */
  | { type: 'pidsLimit'; max: number }
  /** A container's cgroup has OOM-killed a process. */
  | { type: 'oomKill' }
  /** A `compare` where `deniedOn` refused a call (at `layer`, if given) that `allowedOn` served. */
  | { type: 'compareSplit'; deniedOn: string; allowedOn: string; layer?: string }
  /** The terminal is on this runtime, with these settings. */
  | { type: 'runtime'; runtime: string; options?: Readonly<Record<string, string>> }
  /** A lab command was typed: its first word, and words its line must contain. */
  | { type: 'labCommand'; name: string; args?: readonly string[] }
  /** A line's output (stdout or stderr) contains this text. */
  | { type: 'output'; text: string }
  | { type: 'all'; goals: readonly Goal[] }
  | { type: 'any'; goals: readonly Goal[] };

const typed = (s: LabSnapshot) => s.entries.filter((e) => !e.compared);
/** The calls programs made (not the engines' steps on a docker or kubectl line's path). */
const calls = (entries: readonly SnapshotEntry[], runtime?: string): SnapshotCall[] =>
  entries.filter((e) => runtime === undefined || e.runtime === runtime).flatMap((e) => e.calls).filter((c) => !c.path);
const ok = (e: SnapshotEntry) => !e.refused && e.status === 0;

/** A column pair of one `compare`: the same input's columns sit next to each other in the entries. */
function compareSplit(s: LabSnapshot, deniedOn: string, allowedOn: string, layer?: string): boolean {
  const columns = s.entries.filter((e) => e.compared);
  return columns.some((denied) => denied.runtime === deniedOn && columns.some((allowed) => {
    if (allowed.runtime !== allowedOn || allowed.input !== denied.input) return false;
    return denied.calls.some((c) => c.failed && c.deniedAt !== null && (layer === undefined || c.deniedAt === layer)
      && allowed.calls.some((a) => a.name === c.name && !a.failed));
  }));
}

/** Whether the snapshot meets the goal. */
export function goalMet(goal: Goal, s: LabSnapshot): boolean {
  switch (goal.type) {
    case 'lineRan': return typed(s).some((e) => e.input.trim().startsWith(goal.starts) && (goal.ok === undefined || ok(e) === goal.ok));
    case 'callDenied': return calls(typed(s), goal.runtime).some((c) => c.failed && c.deniedAt !== null
      && (goal.syscall === undefined || c.name === goal.syscall) && (goal.layer === undefined || c.deniedAt === goal.layer) && (goal.errno === undefined || c.errno === goal.errno));
    case 'callServed': return calls(typed(s), goal.runtime).some((c) => !c.failed
      && (goal.syscall === undefined || c.name === goal.syscall) && (goal.servedBy === undefined || c.servedBy === goal.servedBy));
    case 'hostCall': return calls(typed(s)).some((c) => c.hops.some((h) => h.hostCall !== null && h.hostCall.includes(goal.by) && (goal.syscall === undefined || h.hostCall.startsWith(`${goal.syscall} by`))));
    case 'pathThrough': return typed(s).some((e) => goal.layers.every((l) => e.calls.some((c) => c.hops.some((h) => h.layer === l))));
    case 'hostnameHidden': return s.containers.some((c) => c.hostname !== null && c.hostname !== s.hostHostname && c.hostname !== c.shortId);
    case 'pidsLimit': return s.containers.some((c) => c.pidsMax === goal.max && c.forksRefused > 0);
    case 'oomKill': return s.containers.some((c) => c.oomKills > 0);
    case 'compareSplit': return compareSplit(s, goal.deniedOn, goal.allowedOn, goal.layer);
    case 'runtime': return s.runtime === goal.runtime && Object.entries(goal.options ?? {}).every(([k, v]) => s.options[k] === v);
    case 'labCommand': return s.lines.some((l) => {
      const words = l.trim().split(/\s+/);
      return words[0] === goal.name && (goal.args ?? []).every((a) => words.includes(a));
    });
    case 'output': return typed(s).some((e) => e.stdout.includes(goal.text) || e.stderr.includes(goal.text));
    case 'all': return goal.goals.every((g) => goalMet(g, s));
    case 'any': return goal.goals.some((g) => goalMet(g, s));
  }
}
