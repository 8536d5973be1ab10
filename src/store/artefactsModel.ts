import { RUNTIMES } from '../sim/runtime/registry.ts';
import { DOCKER_DEFAULT_PROFILE, parseSeccompProfile } from '../sim/seccomp/index.ts';
import { profileToJson } from '../sim/seccomp/profileJson.ts';
import type { JsonProblem } from '../sim/seccomp/jsonText.ts';
import type { FieldReason } from '../sim/seccomp/fieldReason.ts';
import { defaultsDiffer, diffProfiles, type VerdictDiffRow, type VerdictChange } from '../sim/seccomp/profileDiff.ts';
import { multiReplayChunks, type MultiReplayStep, type RuntimeJudge } from '../sim/strace/multiReplay.ts';
import { allSyscalls } from '../sim/syscalls/catalogue.ts';

/**
 * The model side of "Bring your own", loaded with a dynamic import like the
 * engine (it pulls in every runtime model): a strace log judged by every
 * runtime of the lab, and a pasted seccomp profile against Docker's default.
 */

/** Every runtime of the lab, as replay judges them (the same classifiers `isolab replay` uses). */
export const JUDGES: readonly RuntimeJudge[] = RUNTIMES.map((r) => ({ id: r.id, classify: r.classify, argDependent: r.argDependent }));

export const RUNTIME_LABELS: Readonly<Record<string, string>> = Object.fromEntries(RUNTIMES.map((r) => [r.id, r.label]));

export function straceSteps(text: string, chunkLines = 1000): Generator<MultiReplayStep, void, undefined> {
  return multiReplayChunks(text, JUDGES, chunkLines);
}

/** The lab's own sentences about a profile, as data (artefactsProblems.ts words them); null: the validator's English. */
export type SeccompProblem =
  | { type: 'empty' }
  | { type: 'json'; problem: JsonProblem; line: number; column: number }
  /** A member the validator refuses (seccompProblems.ts words it). */
  | { type: 'field'; path: string; reason: FieldReason; line: number | null; column: number | null };

/** What the profile editor shows for the text in it. */
export type SeccompCheck =
  | { type: 'error'; message: string; path: string | null; line: number | null; column: number | null; problem: SeccompProblem | null }
  | { type: 'ok'; rows: VerdictDiffRow[]; counts: Record<VerdictChange, number>; defaultAction: string; defaultChanged: boolean; rules: number };

/** The lab's amd64 host: the x86_64 syscall table is what the verdict table lists. */
const NAMES: readonly string[] = allSyscalls().map((s) => s.name).sort();

export function checkSeccomp(text: string): SeccompCheck {
  if (!text.trim()) return { type: 'error', message: 'the profile is empty: paste a profile in Docker\'s JSON format, or load Docker\'s default', path: null, line: null, column: null, problem: { type: 'empty' } };
  const parsed = parseSeccompProfile(text, { label: 'your profile' });
  if (!parsed.ok) {
    const field: SeccompProblem | null = parsed.reason && parsed.path !== null ? { type: 'field', path: parsed.path, reason: parsed.reason, line: parsed.line, column: parsed.column } : null;
    const problem: SeccompProblem | null = parsed.json && parsed.line !== null && parsed.column !== null ? { type: 'json', problem: parsed.json, line: parsed.line, column: parsed.column } : field;
    return { type: 'error', message: parsed.message, path: parsed.path, line: parsed.line, column: parsed.column, problem };
  }
  const diff = diffProfiles(parsed.profile, DOCKER_DEFAULT_PROFILE, NAMES);
  return {
    type: 'ok', rows: diff.rows, counts: diff.counts, defaultAction: parsed.profile.defaultAction,
    defaultChanged: defaultsDiffer(parsed.profile, DOCKER_DEFAULT_PROFILE), rules: parsed.profile.syscalls.length,
  };
}

/** Docker's default profile as Docker's JSON, the editor's starting point (the lab's own table, written back). */
export const dockerDefaultJson = (): string => profileToJson(DOCKER_DEFAULT_PROFILE);
