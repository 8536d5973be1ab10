import { Problem } from '../seccomp/jsonFields.ts';
import type { FieldReason, JsonKind } from '../seccomp/fieldReason.ts';
import { jsonProblemText, type JsonProblem } from '../seccomp/jsonText.ts';
import type { Localized } from '../text/language.ts';

/**
 * Why config.json was refused, as data beside the reader's English, so the
 * Spec pane and the Import tab can word it in the page's language
 * (src/store/specProblems.ts). JSON paths, field names and values stay as the
 * file has them; the short explanations the readers pass (`what`) are
 * `Localized`, as they are the lab's own words.
 */
export type SpecReason =
  /** From the shared readers (src/sim/seccomp/jsonFields.ts): expected an object, a string or an array. */
  | { type: 'field'; reason: FieldReason }
  | { type: 'not-text' }
  | { type: 'syntax'; problem: JsonProblem; line: number; column: number }
  | { type: 'not-object'; found: JsonKind }
  | { type: 'missing'; what: Localized }
  | { type: 'expected-bool'; found: JsonKind }
  | { type: 'expected-string'; found: JsonKind }
  | { type: 'expected-whole'; found: JsonKind }
  | { type: 'fraction'; goType: Localized; found: string }
  | { type: 'out-of-range'; min: string; max: string; goType: Localized; found: string }
  | { type: 'beyond-safe'; value: string; safe: string }
  | { type: 'not-absolute'; value: string; what: Localized }
  | { type: 'not-one-of'; value: string; what: Localized; listed: Localized; allowed: readonly string[] }
  | { type: 'empty'; what: 'root-path' | 'mount-destination' | 'args' | 'rule-name' }
  | { type: 'duplicate-namespace'; ns: string; first: string }
  | { type: 'empty-mapping' }
  | { type: 'unknown-rlimit'; value: string; known: readonly string[] }
  | { type: 'soft-above-hard'; soft: string; hard: string }
  | { type: 'bad-access'; value: string }
  | { type: 'hostname-no-uts' }
  | { type: 'masked-no-mount' }
  | { type: 'userns-no-mappings' }
  | { type: 'mappings-no-userns' };

const KIND_TEXT: Record<JsonKind, string> = { null: 'null', true: 'true', false: 'false', string: 'a string', number: 'a number', array: 'an array', object: 'an object' };

const EMPTY: Record<Extract<SpecReason, { type: 'empty' }>['what'], string> = {
  'root-path': "is empty; it names the container's root filesystem (runc: \"rootfs\" in the bundle)",
  'mount-destination': 'is empty; it is the path in the container to mount on',
  args: 'is empty; runc refuses that ("args must not be empty"): the first is the program to run',
  'rule-name': 'is empty; a rule names syscalls such as "read"',
};

/** The reader's English for a reason (without the path and place), as the CLI prints it. */
export function specReasonText(r: SpecReason): string {
  switch (r.type) {
    case 'field': return fieldEnglish(r.reason);
    case 'not-text': return 'config.json must be given as text';
    case 'syntax': return `JSON syntax error at line ${r.line}, column ${r.column}: ${jsonProblemText(r.problem)}`;
    case 'not-object': return `config.json holds one JSON object, found ${KIND_TEXT[r.found]}`;
    case 'missing': return `missing; ${r.what.en}`;
    case 'expected-bool': return `expected true or false, found ${KIND_TEXT[r.found]}`;
    case 'expected-string': return `expected a string, found ${KIND_TEXT[r.found]}`;
    case 'expected-whole': return `expected a whole number, found ${KIND_TEXT[r.found]}`;
    case 'fraction': return `must be a whole number written without a fraction or exponent (a ${r.goType.en}), found ${r.found}`;
    case 'out-of-range': return `must be from ${r.min} to ${r.max} (a ${r.goType.en}), found ${r.found}`;
    case 'beyond-safe': return `${r.value} is beyond ±${r.safe} (2^53 − 1), the largest whole number the lab holds exactly`;
    case 'not-absolute': return `${JSON.stringify(r.value)} is not an absolute path; ${r.what.en} must start with /`;
    case 'not-one-of': return `${JSON.stringify(r.value)} is not ${r.what.en}; ${r.listed.en} ${r.allowed.join(', ')}`;
    case 'empty': return EMPTY[r.what];
    case 'duplicate-namespace': return `"${r.ns}" is listed twice (first at ${r.first}); runc refuses a namespace type given more than once`;
    case 'empty-mapping': return 'is 0; a mapping must hold at least one id (the kernel refuses an empty range with EINVAL)';
    case 'unknown-rlimit': return `${JSON.stringify(r.value)} is not a resource limit runc knows; it knows ${r.known.join(', ')}`;
    case 'soft-above-hard': return `soft limit ${r.soft} is above the hard limit ${r.hard}; setrlimit(2) refuses that with EINVAL`;
    case 'bad-access': return `${JSON.stringify(r.value)} is not an access; it is made of r (read), w (write) and m (mknod)`;
    case 'hostname-no-uts': return 'is set, but linux.namespaces has no uts namespace; runc refuses that ("unable to set hostname without a private UTS namespace")';
    case 'masked-no-mount': return 'needs a mount namespace, and linux.namespaces has none; runc refuses that ("unable to restrict sys entries without a private MNT namespace")';
    case 'userns-no-mappings': return 'missing; a new user namespace needs uid and gid mappings (runc: "user namespaces enabled, but no namespace path to join nor mappings to apply specified")';
    case 'mappings-no-userns': return 'are given, but linux.namespaces has no user namespace; runc refuses that ("user namespace mappings specified, but user namespace isn\'t enabled in the config")';
  }
}

/** Only the `expected` reasons reach config.json's reader from the shared readers. */
function fieldEnglish(r: FieldReason): string {
  if (r.type === 'expected') return `expected ${r.want === 'object' ? 'an object' : r.want === 'array' ? 'an array' : 'a string'}, found ${KIND_TEXT[r.found]}`;
  return r.type;
}

/** A config.json Problem that carries its reason as data; `detail` is the English. */
export class SpecProblem extends Problem {
  constructor(path: string, readonly spec: SpecReason) {
    super(path, specReasonText(spec));
  }
}

/** The reason of any Problem the reader returns: its own, or the shared reader's, or null (English only). */
export function specReasonOf(p: Problem): SpecReason | null {
  if (p instanceof SpecProblem) return p.spec;
  return p.reason ? { type: 'field', reason: p.reason } : null;
}
