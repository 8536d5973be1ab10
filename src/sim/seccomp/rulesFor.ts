import { effectKey, effectOf, type SeccompEffect } from './effect.ts';
import type { SeccompArg, SeccompProfile, SeccompRule } from './profile.ts';
import { ruleGate, type RuleGate, type SeccompEnv } from './seccompEnv.ts';

/**
 * The rules one syscall gets in one container's filter, after the steps
 * between the JSON and the kernel:
 * 1. moby drops entries whose includes/excludes do not fit (seccompEnv.ts);
 * 2. runc drops a rule whose action equals the default action ("This rule is
 *    redundant, silently skip it"), since libseccomp refuses it with EACCES;
 * 3. runc splits an entry that compares the same argument twice into one
 *    rule per comparison, because libseccomp allows each argument only once
 *    per rule; the comparisons are then ORed instead of ANDed.
 * @see runc libcontainer/seccomp/seccomp_linux.go matchCall
 * @see seccomp_rule_add(3): "you can only compare each argument once in a single rule"
 */

export interface LiveRule {
  /** Index of the entry in `profile.syscalls`. */
  rule: number;
  entry: SeccompRule;
  effect: SeccompEffect;
  /** The comparisons that must all hold; none for an unconditional rule. */
  conds: readonly SeccompArg[];
}

export interface GatedRule {
  rule: number;
  entry: SeccompRule;
  gate: Exclude<RuleGate, { applies: true }>;
}

export interface RulesForCall {
  live: LiveRule[];
  /** Entries naming the syscall that moby left out for this container. */
  gated: GatedRule[];
  /** Entries runc skipped because they say what the default action says. */
  redundant: number[];
  defaultEffect: SeccompEffect;
}

/** Profiles are treated as immutable: the per-name index is built once. */
const INDEX = new WeakMap<SeccompProfile, Map<string, number[]>>();

function indexOf(profile: SeccompProfile): Map<string, number[]> {
  let index = INDEX.get(profile);
  if (index) return index;
  index = new Map();
  for (const [i, entry] of profile.syscalls.entries()) {
    for (const name of new Set(entry.names)) {
      const list = index.get(name);
      if (list) list.push(i);
      else index.set(name, [i]);
    }
  }
  INDEX.set(profile, index);
  return index;
}

/** One rule per comparison when an argument is compared more than once (runc's fallback). */
function splitConds(args: readonly SeccompArg[]): (readonly SeccompArg[])[] {
  const seen = new Set<number>();
  const repeats = args.some((a) => seen.size === seen.add(a.index).size);
  return repeats ? args.map((a) => [a]) : [args];
}

export function rulesFor(profile: SeccompProfile, name: string, env: SeccompEnv): RulesForCall {
  const defaultEffect = effectOf(profile.defaultAction, profile.defaultErrnoRet);
  const out: RulesForCall = { live: [], gated: [], redundant: [], defaultEffect };
  for (const rule of indexOf(profile).get(name) ?? []) {
    const entry = profile.syscalls[rule];
    if (!entry) continue;
    const gate = ruleGate(entry, env);
    if (!gate.applies) {
      out.gated.push({ rule, entry, gate });
      continue;
    }
    const effect = effectOf(entry.action, entry.errnoRet);
    if (effectKey(effect) === effectKey(defaultEffect)) {
      out.redundant.push(rule);
      continue;
    }
    for (const conds of splitConds(entry.args ?? [])) out.live.push({ rule, entry, effect, conds });
  }
  return out;
}
