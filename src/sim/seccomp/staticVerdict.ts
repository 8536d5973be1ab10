import type { ErrnoName } from '../errno.ts';
import type { StaticVerdict } from '../trace.ts';
import type { SeccompEffect } from './effect.ts';
import { defaultSentence, dependsSentence, ruleSentence } from './explain.ts';
import type { SeccompAction, SeccompProfile } from './profile.ts';
import { rulesFor } from './rulesFor.ts';
import { seccompEnv, type SeccompEnv } from './seccompEnv.ts';

/**
 * A profile's verdict on a syscall by name alone, for one container (what
 * `isolab verdicts` and the summary table show):
 * - `allow`: an unconditional rule lets it run (SCMP_ACT_LOG counts as allow);
 * - `conditional`: only rules with argument conditions name it, so the
 *   outcome depends on the arguments (also SCMP_ACT_NOTIFY, where a
 *   user-space supervisor decides);
 * - `deny`: it does not run. The caller sees `errno` for SCMP_ACT_ERRNO (and
 *   ENOSYS for SCMP_ACT_TRACE without a tracer), or dies by / receives
 *   `signal` SIGSYS for the kill actions and SCMP_ACT_TRAP, with errno null.
 */
export interface SeccompStaticVerdict {
  verdict: StaticVerdict;
  /** The deciding action; for `conditional`, the default action that applies when no rule matches. */
  action: SeccompAction;
  /** For `deny`, what the caller sees; for `conditional`, what it sees when no rule matches. */
  errno: ErrnoName | null;
  errnoNumber: number | null;
  signal: 'SIGSYS' | null;
  /** The entries of `profile.syscalls` that decide (several for `conditional`, none for the default). */
  rules: readonly number[];
  reason: string;
}

function verdictOf(effect: SeccompEffect): StaticVerdict {
  if (effect.outcome === 'allow' || effect.outcome === 'log') return 'allow';
  return effect.outcome === 'notify' ? 'conditional' : 'deny';
}

function verdict(v: StaticVerdict, action: SeccompAction, effect: SeccompEffect, rules: readonly number[], reason: string): SeccompStaticVerdict {
  return { verdict: v, action, errno: effect.errno, errnoNumber: effect.errnoNumber, signal: effect.signal, rules, reason };
}

export function staticSeccompVerdict(profile: SeccompProfile, name: string, env: Partial<SeccompEnv> = {}): SeccompStaticVerdict {
  const e = seccompEnv(env);
  const rules = rulesFor(profile, typeof name === 'string' ? name : '', e);
  const unconditional = rules.live.find((r) => r.conds.length === 0);
  if (unconditional) {
    const reason = ruleSentence(profile, name, unconditional, e, []);
    return verdict(verdictOf(unconditional.effect), unconditional.entry.action, unconditional.effect, [unconditional.rule], reason);
  }
  if (rules.live.length > 0) {
    const reason = dependsSentence(profile, name, rules.live, rules.defaultEffect, e);
    const involved = [...new Set(rules.live.map((r) => r.rule))];
    return verdict('conditional', profile.defaultAction, rules.defaultEffect, involved, reason);
  }
  const reason = defaultSentence(profile, name, rules.gated, rules.defaultEffect);
  return verdict(verdictOf(rules.defaultEffect), profile.defaultAction, rules.defaultEffect, [], reason);
}
