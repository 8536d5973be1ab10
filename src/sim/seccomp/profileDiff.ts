import type { StaticVerdict } from '../trace.ts';
import { argLabel, hex } from './argNames.ts';
import { effectKey, effectOf } from './effect.ts';
import type { SeccompArg, SeccompProfile } from './profile.ts';
import { rulesFor } from './rulesFor.ts';
import { seccompEnv, type SeccompEnv } from './seccompEnv.ts';
import { staticSeccompVerdict } from './staticVerdict.ts';

/**
 * A pasted profile against a base profile (Docker's default), syscall by
 * syscall, as the filter for one container would be built from each (moby's
 * includes/excludes for this container's capabilities, host arch and kernel;
 * runc's dropped redundant rules): what the person's profile newly allows,
 * newly denies, answers with another action or errno, or lets through on
 * other argument conditions.
 */

export interface VerdictCell {
  verdict: StaticVerdict;
  /** The deciding action (for `conditional`, the default that applies when no rule matches). */
  action: string;
  /** The errno the caller sees when denied (or when no conditional rule matches), else null. */
  errno: string | null;
  signal: 'SIGSYS' | null;
  /** The argument rules in force, one `action when cond and cond` per rule; '' when none. */
  argRules: string;
}

export type VerdictChange = 'allowed' | 'denied' | 'action' | 'args';

export interface VerdictDiffRow {
  name: string;
  mine: VerdictCell;
  base: VerdictCell;
  change: VerdictChange | null;
}

export interface ProfileDiff {
  rows: VerdictDiffRow[];
  counts: Record<VerdictChange, number>;
}

export function verdictCell(profile: SeccompProfile, name: string, env: SeccompEnv): VerdictCell {
  const v = staticSeccompVerdict(profile, name, env);
  const denies = v.verdict !== 'allow';
  return { verdict: v.verdict, action: v.action, errno: denies ? v.errno : null, signal: denies ? v.signal : null, argRules: argRulesOf(profile, name, env) };
}

const SYMBOL: Record<SeccompArg['op'], string> = {
  SCMP_CMP_NE: '!=', SCMP_CMP_LT: '<', SCMP_CMP_LE: '<=', SCMP_CMP_EQ: '==', SCMP_CMP_GE: '>=', SCMP_CMP_GT: '>', SCMP_CMP_MASKED_EQ: '&',
};

function condText(name: string, c: SeccompArg): string {
  const label = argLabel(name, c.index);
  if (c.op === 'SCMP_CMP_MASKED_EQ') return `${label} & ${hex(c.value)} == ${hex(c.valueTwo)}`;
  return `${label} ${SYMBOL[c.op]} ${hex(c.value)}`;
}

function argRulesOf(profile: SeccompProfile, name: string, env: SeccompEnv): string {
  const rules = rulesFor(profile, name, env).live.filter((r) => r.conds.length > 0);
  return rules.map((r) => `${r.entry.action}${r.effect.errno ? `(${r.effect.errno})` : ''} when ${r.conds.map((c) => condText(name, c)).join(' and ')}`).sort().join('; ');
}

/** What changed from `base` to `mine` for one syscall, or null when both filters answer it alike. */
export function changeOf(mine: VerdictCell, base: VerdictCell): VerdictChange | null {
  if (mine.verdict === 'allow' && base.verdict !== 'allow') return 'allowed';
  if (mine.verdict === 'deny' && base.verdict !== 'deny') return 'denied';
  if (mine.verdict !== base.verdict || mine.argRules !== base.argRules) return 'args';
  if (mine.action !== base.action || mine.errno !== base.errno || mine.signal !== base.signal) return 'action';
  return null;
}

/** Every name given, under both profiles, for one container (default: amd64, Docker's default capabilities, kernel 6.8). */
export function diffProfiles(mine: SeccompProfile, base: SeccompProfile, names: readonly string[], env: Partial<SeccompEnv> = {}): ProfileDiff {
  const e = seccompEnv(env);
  const counts: Record<VerdictChange, number> = { allowed: 0, denied: 0, action: 0, args: 0 };
  const rows = names.map((name): VerdictDiffRow => {
    const row = { name, mine: verdictCell(mine, name, e), base: verdictCell(base, name, e) };
    const change = changeOf(row.mine, row.base);
    if (change) counts[change]++;
    return { ...row, change };
  });
  return { rows, counts };
}

/** Whether two default actions differ (shown above the table: it decides every syscall no rule names). */
export function defaultsDiffer(mine: SeccompProfile, base: SeccompProfile): boolean {
  return effectKey(effectOf(mine.defaultAction, mine.defaultErrnoRet)) !== effectKey(effectOf(base.defaultAction, base.defaultErrnoRet));
}
