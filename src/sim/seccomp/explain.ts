import { argLabel, hex, showMask, showValue } from './argNames.ts';
import { toU64, type ArgValue } from './compare.ts';
import { effectKey, type SeccompEffect } from './effect.ts';
import type { KernelVersion, SeccompArg, SeccompProfile } from './profile.ts';
import type { GatedRule, LiveRule } from './rulesFor.ts';
import type { SeccompEnv } from './seccompEnv.ts';

/**
 * The phrases seccomp verdicts are written in, one sentence a lecturer can
 * read aloud: "Docker's default profile allows clone when flags has none of
 * CLONE_NEWNS|… because the container lacks CAP_SYS_ADMIN; here flags =
 * SIGCHLD (0x11) (rule 18)."
 */

export function profileName(profile: SeccompProfile): string {
  return profile.label ?? 'the seccomp profile';
}

export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function effectPhrase(e: SeccompEffect, name: string): string {
  switch (e.outcome) {
    case 'allow': return `allows ${name}`;
    case 'log': return `allows ${name} and logs it`;
    case 'errno':
      if (e.errnoNumber === 0) return `makes ${name} return 0 without running it`;
      return `makes ${name} fail with ${e.errno ?? `errno ${e.errnoNumber}`}`;
    case 'kill-thread': return `kills the thread that calls ${name} (SIGSYS)`;
    case 'kill-process': return `kills the process that calls ${name} (SIGSYS)`;
    case 'trap': return `sends SIGSYS to the thread that calls ${name}`;
    case 'trace': return `hands ${name} to a ptrace tracer (ENOSYS, as none is attached)`;
    case 'notify': return `hands ${name} to the user-space supervisor on its notify fd`;
  }
}

const SYMBOL = { SCMP_CMP_NE: '!=', SCMP_CMP_LT: '<', SCMP_CMP_LE: '<=', SCMP_CMP_EQ: '==', SCMP_CMP_GE: '>=', SCMP_CMP_GT: '>' } as const;

function condPhrase(name: string, c: SeccompArg): string {
  const label = argLabel(name, c.index);
  if (c.op !== 'SCMP_CMP_MASKED_EQ') return `${label} ${SYMBOL[c.op]} ${showValue(name, c.index, c.value)}`;
  if (c.valueTwo === 0n) return `${label} has none of ${showMask(name, c.index, c.value)}`;
  if (c.valueTwo === c.value) return `${label} has all of ${showMask(name, c.index, c.value)}`;
  return `${label} & ${hex(c.value)} == ${hex(c.valueTwo)}`;
}

function condsPhrase(name: string, conds: readonly SeccompArg[]): string {
  return conds.map((c) => condPhrase(name, c)).join(' and ');
}

const showKernel = (k: KernelVersion): string => `${k[0]}.${k[1]}`;

/** Why an entry with includes/excludes applies to this container (` because …`), or ''. */
function gatePhrase(rule: LiveRule, env: SeccompEnv): string {
  const { includes: inc, excludes: ex } = rule.entry;
  const parts: string[] = [];
  if (inc?.caps) parts.push(`the container has ${inc.caps.join(' and ')}`);
  if (ex?.caps) parts.push(`the container lacks ${ex.caps.join(' and ')}`);
  if (inc?.arches) parts.push(`the host is ${env.arch}`);
  if (inc?.minKernel) parts.push(`the kernel is ${showKernel(inc.minKernel)} or later`);
  if (ex?.minKernel) parts.push(`the kernel is older than ${showKernel(ex.minKernel)}`);
  return parts.length > 0 ? ` because ${parts.join(' and ')}` : '';
}

/** What an entry moby left out would need (`with CAP_SYS_ADMIN`, `on arm or arm64`). */
function needPhrase(g: GatedRule): string {
  const gate = g.gate;
  if ('missingCaps' in gate) return `with ${(g.entry.includes?.caps ?? gate.missingCaps).join(' and ')}`;
  if ('heldCap' in gate) return `without ${gate.heldCap}`;
  if ('arches' in gate) return `${gate.excluded ? 'except ' : ''}on ${gate.arches.join(' or ')}`;
  return gate.excluded ? `on kernels before ${showKernel(gate.minKernel)}` : `on kernel ${showKernel(gate.minKernel)} or later`;
}

/** `domain = AF_INET (2)` for each argument the rules look at; unknown ones say so. */
function argsPhrase(name: string, conds: readonly SeccompArg[], args: readonly ArgValue[]): string {
  const indexes = [...new Set(conds.map((c) => c.index))].sort((a, b) => a - b);
  return indexes.map((i) => {
    const v = toU64(args[i]);
    return v === undefined ? `${argLabel(name, i)} is not known` : `${argLabel(name, i)} = ${showValue(name, i, v)}`;
  }).join(', ');
}

/** Groups rules by effect: "allows socket only when A, B or C". */
function alternativesPhrase(name: string, rules: readonly LiveRule[], env: SeccompEnv): string {
  const groups = new Map<string, LiveRule[]>();
  for (const r of rules) groups.set(effectKey(r.effect), [...(groups.get(effectKey(r.effect)) ?? []), r]);
  return [...groups.values()].map((group) => {
    const first = group[0] as LiveRule;
    const alts = group.map((r) => condsPhrase(name, r.conds));
    const list = alts.length > 1 ? `${alts.slice(0, -1).join(', ')} or ${alts[alts.length - 1]}` : alts[0];
    return `${effectPhrase(first.effect, name)} only when ${list}${gatePhrase(first, env)}`;
  }).join('; it ');
}

/** "Docker's default profile allows clone when … because …; here flags = SIGCHLD (0x11) (rule 18)." */
export function ruleSentence(
  profile: SeccompProfile, name: string, rule: LiveRule, env: SeccompEnv, args: readonly ArgValue[],
): string {
  const who = sentenceStart(profileName(profile));
  const when = rule.conds.length > 0 ? ` when ${condsPhrase(name, rule.conds)}` : '';
  const here = rule.conds.length > 0 ? `; here ${argsPhrase(name, rule.conds, args)}` : '';
  const comment = rule.entry.comment ? `: ${rule.entry.comment}` : '';
  return `${who} ${effectPhrase(rule.effect, name)}${when}${gatePhrase(rule, env)}${here} (rule ${rule.rule})${comment}`;
}

/** The sentence for a call that no rule of this container's filter names: why the default action applies. */
export function defaultSentence(
  profile: SeccompProfile, name: string, gated: readonly GatedRule[], fallback: SeccompEffect,
): string {
  const who = sentenceStart(profileName(profile));
  const then = `the default action ${effectPhrase(fallback, name)}`;
  if (gated.length === 0) return `${who} has no rule for ${name}, so ${then}`;
  const needs = [...new Set(gated.map(needPhrase))];
  const verb = gated.every((g) => g.entry.action === 'SCMP_ACT_ALLOW') ? `allows ${name}` : `has rules for ${name}`;
  const why = gated.find((g) => g.entry.comment)?.entry.comment;
  return `${who} ${verb} only ${needs.join(' or ')}, so for this container ${then}${why ? `: ${why}` : ''}`;
}

/** Conditional rules exist but the known arguments match none of them. */
export function noMatchSentence(
  profile: SeccompProfile, name: string, live: readonly LiveRule[], fallback: SeccompEffect, env: SeccompEnv, args: readonly ArgValue[],
): string {
  const who = sentenceStart(profileName(profile));
  const here = argsPhrase(name, live.flatMap((r) => r.conds), args);
  return `${who} ${alternativesPhrase(name, live, env)}; here ${here}, which matches none of them, so the default action ${effectPhrase(fallback, name)}`;
}

/**
 * The outcome turns on arguments: the alternatives, what happens otherwise,
 * and (when evaluating a call) which arguments are unknown.
 */
export function dependsSentence(
  profile: SeccompProfile, name: string, live: readonly LiveRule[], fallback: SeccompEffect | null, env: SeccompEnv,
  unknown: readonly number[] = [],
): string {
  const otherwise = fallback ? `; otherwise the default action ${effectPhrase(fallback, name)}` : '';
  const labels = unknown.map((i) => argLabel(name, i));
  const [verb, pronoun] = labels.length > 1 ? ['are', 'them'] : ['is', 'it'];
  const tail = labels.length === 0 ? '' : `; ${labels.join(' and ')} ${verb} not known here, so the outcome depends on ${pronoun}`;
  return `${sentenceStart(profileName(profile))} ${alternativesPhrase(name, live, env)}${otherwise}${tail}`;
}
