import {
  asArray, asEnum, asEnumArray, asObject, asString, asStringArray, asUint, describeJson, jsonKind, member, optional,
  Problem, required, type Checked,
} from './jsonFields.ts';
import { childPath, lineColumn, parseJsonText, type JsonObject, type JsonProblem, type JsonValue } from './jsonText.ts';
import { ERRNO_RET_MAX, readRule } from './parseRule.ts';
import type { FieldReason } from './fieldReason.ts';
import {
  SECCOMP_ACTIONS, SECCOMP_ARCHES,
  type SeccompArchMapEntry, type SeccompProfile, type SeccompRule,
} from './profile.ts';

/**
 * The loader for seccomp profiles in Docker's JSON format (what
 * `docker run --security-opt seccomp=profile.json` reads). Untrusted text in,
 * a profile or one clear error out; it never throws.
 * @see moby/profiles seccomp/seccomp_linux.go LoadProfile, setupSeccomp
 */

export type SeccompParseResult =
  | { ok: true; profile: SeccompProfile }
  | {
      ok: false;
      /** `syscalls[3].action: unknown action 'SCMP_ACT_FOO' (…) at line 40, column 14` */
      message: string;
      /** Where in the profile (`syscalls[3].action`), or null for a JSON syntax error. */
      path: string | null;
      line: number | null;
      column: number | null;
      /** For a JSON syntax error, what was wrong as data (the page words it in its language); absent otherwise. */
      json?: JsonProblem;
      /** For a member that is wrong, what was wrong as data (at `path`, `line`, `column`); absent otherwise. */
      reason?: FieldReason;
    };

export interface ParseOptions {
  /** What the lab's sentences call the profile ("the uploaded profile"). */
  label?: string;
}

export function parseSeccompProfile(text: string, options: ParseOptions = {}): SeccompParseResult {
  if (typeof text !== 'string') return { ok: false, message: 'the profile must be given as text', path: null, line: null, column: null };
  const json = parseJsonText(text);
  if (!json.ok) {
    const message = `JSON syntax error at line ${json.line}, column ${json.column}: ${json.message}`;
    return { ok: false, message, path: null, line: json.line, column: json.column, json: json.problem };
  }
  const profile = readProfile(json.value);
  if (!(profile instanceof Problem)) {
    if (options.label !== undefined) profile.label = options.label;
    return { ok: true, profile };
  }
  const offset = json.positions.get(profile.path);
  const where = offset === undefined ? null : lineColumn(text, offset);
  const at = where ? ` at line ${where.line}, column ${where.column}` : '';
  return {
    ok: false,
    message: `${profile.path === '' ? 'profile' : profile.path}: ${profile.detail}${at}`,
    path: profile.path,
    line: where?.line ?? null,
    column: where?.column ?? null,
    ...(profile.reason ? { reason: profile.reason } : {}),
  };
}

function readProfile(value: JsonValue): Checked<SeccompProfile> {
  if (!(value instanceof Map)) return new Problem('', `a seccomp profile is a JSON object, found ${describeJson(value)}`, { type: 'not-an-object', found: jsonKind(value) });
  const obj: JsonObject = value;
  const defaultAction = required(obj, '', 'defaultAction', (v, p) => asEnum(v, p, SECCOMP_ACTIONS, 'action'), ' (the action for syscalls no rule matches)');
  if (defaultAction instanceof Problem) return defaultAction;
  const defaultErrnoRet = optional(obj, '', 'defaultErrnoRet', (v, p) => asUint(v, p, ERRNO_RET_MAX, 'an errno number'));
  if (defaultErrnoRet instanceof Problem) return defaultErrnoRet;
  const arches = readArchitectures(obj);
  if (arches instanceof Problem) return arches;
  const syscalls = optional(obj, '', 'syscalls', readRules);
  if (syscalls instanceof Problem) return syscalls;
  const extras = readExtras(obj);
  if (extras instanceof Problem) return extras;
  const profile: SeccompProfile = { defaultAction, ...arches, syscalls: syscalls ?? [], ...extras };
  if (defaultErrnoRet !== undefined) profile.defaultErrnoRet = Number(defaultErrnoRet);
  return profile;
}

type ArchFields = Pick<SeccompProfile, 'architectures' | 'archMap'>;

/** `architectures` or moby's `archMap`, not both (moby refuses a profile with both). */
function readArchitectures(obj: JsonObject): Checked<ArchFields> {
  const architectures = optional(obj, '', 'architectures', (v, p) => asEnumArray(v, p, SECCOMP_ARCHES, 'architecture'));
  if (architectures instanceof Problem) return architectures;
  const archMap = optional(obj, '', 'archMap', readArchMap);
  if (archMap instanceof Problem) return archMap;
  if (architectures?.length && archMap?.length) {
    return new Problem('archMap', "both 'architectures' and 'archMap' are set; use one of them", { type: 'both-arch' });
  }
  const out: ArchFields = {};
  if (architectures) out.architectures = architectures;
  if (archMap) out.archMap = archMap;
  return out;
}

function readArchMap(value: JsonValue, path: string): Checked<SeccompArchMapEntry[]> {
  const items = asArray(value, path);
  if (items instanceof Problem) return items;
  const out: SeccompArchMapEntry[] = [];
  for (const [k, item] of items.entries()) {
    const p = childPath(path, k);
    const obj = asObject(item, p);
    if (obj instanceof Problem) return obj;
    const architecture = required(obj, p, 'architecture', (v, q) => asEnum(v, q, SECCOMP_ARCHES, 'architecture'));
    if (architecture instanceof Problem) return architecture;
    const subs = optional(obj, p, 'subArchitectures', (v, q) => asEnumArray(v, q, SECCOMP_ARCHES, 'architecture'));
    if (subs instanceof Problem) return subs;
    out.push({ architecture, subArchitectures: subs ?? [] });
  }
  return out;
}

function readRules(value: JsonValue, path: string): Checked<SeccompRule[]> {
  const items = asArray(value, path);
  if (items instanceof Problem) return items;
  const out: SeccompRule[] = [];
  for (const [k, item] of items.entries()) {
    const rule = readRule(item, childPath(path, k));
    if (rule instanceof Problem) return rule;
    out.push(rule);
  }
  return out;
}

type ExtraFields = Pick<SeccompProfile, 'flags' | 'listenerPath' | 'listenerMetadata'>;

/** The runtime-spec fields the lab keeps but does not act on. */
function readExtras(obj: JsonObject): Checked<ExtraFields> {
  const flags = optional(obj, '', 'flags', asStringArray);
  if (flags instanceof Problem) return flags;
  const out: ExtraFields = {};
  if (flags) out.flags = flags;
  for (const key of ['listenerPath', 'listenerMetadata'] as const) {
    if (member(obj, key) === undefined) continue;
    const s = optional(obj, '', key, asString);
    if (s instanceof Problem) return s;
    if (s) out[key] = s;
  }
  return out;
}
