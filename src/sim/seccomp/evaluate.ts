import type { ErrnoName } from '../errno.ts';
import { matchAll, unknownIndexes, type ArgValue } from './compare.ts';
import { effectKey, type SeccompEffect, type SeccompOutcome } from './effect.ts';
import {
  defaultSentence, dependsSentence, effectPhrase, noMatchSentence, profileName, ruleSentence, sentenceStart,
} from './explain.ts';
import type { SeccompAction, SeccompProfile } from './profile.ts';
import { rulesFor, type LiveRule, type RulesForCall } from './rulesFor.ts';
import { seccompEnv, type SeccompEnv } from './seccompEnv.ts';

/**
 * What a container's seccomp filter does with one call, given its arguments.
 *
 * Precedence between rules for the same syscall follows libseccomp's
 * db_rule_add: once a syscall has an unconditional rule, later rules for it
 * are dropped ("existing filter is at least as large as the new entry"), and
 * an unconditional rule added after conditional ones replaces them; so the
 * first unconditional rule decides. Among conditional rules the lab takes the
 * first that matches, in profile order; libseccomp instead builds a decision
 * tree (and refuses identical comparisons with different actions, -EEXIST).
 * Docker's default profile has no such overlap, and the reason says when a
 * profile has one.
 * @see libseccomp src/db.c db_rule_add, _db_tree_add
 */

export interface SeccompCall {
  name: string;
  /** Argument values in order; undefined where the value is not known. */
  args: readonly ArgValue[];
}

export interface SeccompDecision {
  type: 'decided';
  /** The action of the deciding rule, or the default action. */
  action: SeccompAction;
  outcome: SeccompOutcome;
  /** The errno the caller sees (SCMP_ACT_ERRNO; ENOSYS for SCMP_ACT_TRACE with no tracer). */
  errno: ErrnoName | null;
  errnoNumber: number | null;
  /** SIGSYS for the kill actions and SCMP_ACT_TRAP: the process sees a signal, not an errno. */
  signal: 'SIGSYS' | null;
  /** Index of the deciding entry in `profile.syscalls`, or 'default'. */
  rule: number | 'default';
  reason: string;
}

export interface SeccompArgDependent {
  type: 'argument-dependent';
  /** The argument indexes whose values would decide. */
  unknownArgs: readonly number[];
  /** Every distinct decision the unknown values could lead to. */
  outcomes: readonly SeccompDecision[];
  reason: string;
}

export type SeccompEvaluation = SeccompDecision | SeccompArgDependent;

function decided(action: SeccompAction, effect: SeccompEffect, rule: number | 'default', reason: string): SeccompDecision {
  const { outcome, errno, errnoNumber, signal } = effect;
  return { type: 'decided', action, outcome, errno, errnoNumber, signal, rule, reason };
}

export function evaluateSeccomp(profile: SeccompProfile, call: SeccompCall, env: Partial<SeccompEnv> = {}): SeccompEvaluation {
  const e = seccompEnv(env);
  const name = typeof call?.name === 'string' ? call.name : '';
  const args: readonly ArgValue[] = Array.isArray(call?.args) ? call.args : [];
  const rules = rulesFor(profile, name, e);
  const unconditional = rules.live.find((r) => r.conds.length === 0);
  if (unconditional) {
    return decided(unconditional.entry.action, unconditional.effect, unconditional.rule, ruleSentence(profile, name, unconditional, e, args));
  }
  if (rules.live.length === 0) {
    return decided(profile.defaultAction, rules.defaultEffect, 'default', defaultSentence(profile, name, rules.gated, rules.defaultEffect));
  }
  return decideByArgs(profile, name, rules, e, args);
}

function decideByArgs(profile: SeccompProfile, name: string, rules: RulesForCall, env: SeccompEnv, args: readonly ArgValue[]): SeccompEvaluation {
  const possible: LiveRule[] = [];
  let definite: LiveRule | undefined;
  for (const r of rules.live) {
    const m = matchAll(r.conds, args);
    if (m === 'no') continue;
    possible.push(r);
    if (m === 'yes') {
      definite = r;
      break;
    }
  }
  const keys = new Set(possible.map((r) => effectKey(r.effect)));
  if (!definite) keys.add(effectKey(rules.defaultEffect));
  if (keys.size > 1) return argumentDependent(profile, name, rules, env, args, possible, definite);
  if (definite) {
    const note = overlapNote(rules.live, definite, args);
    return decided(definite.entry.action, definite.effect, definite.rule, ruleSentence(profile, name, definite, env, args) + note);
  }
  return decided(profile.defaultAction, rules.defaultEffect, 'default', noMatchSentence(profile, name, rules.live, rules.defaultEffect, env, args));
}

function argumentDependent(
  profile: SeccompProfile, name: string, rules: RulesForCall, env: SeccompEnv, args: readonly ArgValue[],
  possible: readonly LiveRule[], definite: LiveRule | undefined,
): SeccompArgDependent {
  const unknownArgs = [...new Set(possible.filter((r) => r !== definite).flatMap((r) => unknownIndexes(r.conds, args)))].sort((a, b) => a - b);
  const outcomes = new Map<string, SeccompDecision>();
  for (const r of possible) {
    const key = effectKey(r.effect);
    if (!outcomes.has(key)) outcomes.set(key, decided(r.entry.action, r.effect, r.rule, ruleSentence(profile, name, r, env, args)));
  }
  const fallbackKey = effectKey(rules.defaultEffect);
  if (!definite && !outcomes.has(fallbackKey)) {
    const reason = `${sentenceStart(profileName(profile))} ${effectPhrase(rules.defaultEffect, name)} by its default action when none of its rules for ${name} match`;
    outcomes.set(fallbackKey, decided(profile.defaultAction, rules.defaultEffect, 'default', reason));
  }
  const reason = dependsSentence(profile, name, possible, definite ? null : rules.defaultEffect, env, unknownArgs);
  return { type: 'argument-dependent', unknownArgs, outcomes: [...outcomes.values()], reason };
}

/** Said when a later conditional rule also matches with another action (see the file comment). */
function overlapNote(live: readonly LiveRule[], chosen: LiveRule, args: readonly ArgValue[]): string {
  const other = live.slice(live.indexOf(chosen) + 1)
    .find((r) => effectKey(r.effect) !== effectKey(chosen.effect) && matchAll(r.conds, args) === 'yes');
  if (!other) return '';
  return ` (rule ${other.rule} also matches with another action; the lab takes the first, while libseccomp's decision tree may not)`;
}
