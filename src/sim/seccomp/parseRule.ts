import {
  asEnum, asObject, asString, asStringArray, asUint, optional, Problem, required,
  type Checked,
} from './jsonFields.ts';
import { childPath, type JsonObject, type JsonValue } from './jsonText.ts';
import {
  SECCOMP_ACTIONS, SECCOMP_MAX_ARGS, SECCOMP_OPS, U64_MAX,
  type KernelVersion, type SeccompArg, type SeccompFilter, type SeccompRule,
} from './profile.ts';

/**
 * Validation of one `syscalls[]` entry of a Docker seccomp profile, with the
 * checks Docker's own stack applies (moby/profiles seccomp.go and
 * seccomp_linux.go, runc specconv and libcontainer/seccomp) and a few stricter
 * ones where Docker would silently read a mistake as 0 (missing `index`,
 * `value` or `op` in an argument).
 */

/** SCMP_ACT_ERRNO(x) keeps x in the 16-bit SECCOMP_RET_DATA field (seccomp(2)). */
export const ERRNO_RET_MAX = 0xffffn;

export function readRule(value: JsonValue, path: string): Checked<SeccompRule> {
  const obj = asObject(value, path);
  if (obj instanceof Problem) return obj;
  const names = readNames(obj, path);
  if (names instanceof Problem) return names;
  const action = required(obj, path, 'action', (v, p) => asEnum(v, p, SECCOMP_ACTIONS, 'action'));
  if (action instanceof Problem) return action;
  const errnoRet = optional(obj, path, 'errnoRet', (v, p) => asUint(v, p, ERRNO_RET_MAX, 'an errno number'));
  if (errnoRet instanceof Problem) return errnoRet;
  const args = optional(obj, path, 'args', readArgs);
  if (args instanceof Problem) return args;
  const includes = optional(obj, path, 'includes', readFilter);
  if (includes instanceof Problem) return includes;
  const excludes = optional(obj, path, 'excludes', readFilter);
  if (excludes instanceof Problem) return excludes;
  const comment = optional(obj, path, 'comment', asString);
  if (comment instanceof Problem) return comment;
  const rule: SeccompRule = { names, action };
  if (errnoRet !== undefined) rule.errnoRet = Number(errnoRet);
  if (args !== undefined && args.length > 0) rule.args = args;
  if (includes !== undefined) rule.includes = includes;
  if (excludes !== undefined) rule.excludes = excludes;
  if (comment !== undefined && comment !== '') rule.comment = comment;
  return rule;
}

/**
 * `names`, or the deprecated single `name`; both at once is an error in moby.
 * @see moby/profiles seccomp/seccomp_linux.go setupSeccomp
 */
function readNames(obj: JsonObject, path: string): Checked<string[]> {
  const single = optional(obj, path, 'name', asString);
  if (single instanceof Problem) return single;
  const list = optional(obj, path, 'names', asStringArray);
  if (list instanceof Problem) return list;
  if (single && list && list.length > 0) return new Problem(path, "both 'name' and 'names' are set; use 'names'", { type: 'both-name' });
  const names = single ? [single] : list;
  if (names === undefined) return new Problem(path, "missing 'names' (the syscalls this entry applies to)", { type: 'missing', key: 'names', explained: true });
  // runc refuses an empty name ("empty string is not a valid syscall").
  const empty = names.indexOf('');
  if (empty !== -1) return new Problem(single ? childPath(path, 'name') : childPath(childPath(path, 'names'), empty), 'empty syscall name', { type: 'empty-name' });
  return names;
}

function readArgs(value: JsonValue, path: string): Checked<SeccompArg[]> {
  if (!Array.isArray(value)) return new Problem(path, 'expected an array of argument conditions', { type: 'args-not-array' });
  const out: SeccompArg[] = [];
  for (const [k, item] of (value as readonly JsonValue[]).entries()) {
    const arg = readArg(item, childPath(path, k));
    if (arg instanceof Problem) return arg;
    out.push(arg);
  }
  return out;
}

function readArg(value: JsonValue, path: string): Checked<SeccompArg> {
  const obj = asObject(value, path);
  if (obj instanceof Problem) return obj;
  // libseccomp-golang MakeCondition: "syscalls only have up to 6 arguments".
  const index = required(obj, path, 'index', (v, p) => asUint(v, p, BigInt(SECCOMP_MAX_ARGS - 1), 'an argument index'));
  if (index instanceof Problem) return index;
  const val = required(obj, path, 'value', (v, p) => asUint(v, p, U64_MAX, 'an unsigned 64-bit integer'));
  if (val instanceof Problem) return val;
  const two = optional(obj, path, 'valueTwo', (v, p) => asUint(v, p, U64_MAX, 'an unsigned 64-bit integer'));
  if (two instanceof Problem) return two;
  const op = required(obj, path, 'op', (v, p) => asEnum(v, p, SECCOMP_OPS, 'comparison operator'));
  if (op instanceof Problem) return op;
  return { index: Number(index), value: val, valueTwo: two ?? 0n, op };
}

function readFilter(value: JsonValue, path: string): Checked<SeccompFilter> {
  const obj = asObject(value, path);
  if (obj instanceof Problem) return obj;
  const caps = optional(obj, path, 'caps', asStringArray);
  if (caps instanceof Problem) return caps;
  const arches = optional(obj, path, 'arches', asStringArray);
  if (arches instanceof Problem) return arches;
  const minKernel = optional(obj, path, 'minKernel', readKernelVersion);
  if (minKernel instanceof Problem) return minKernel;
  const filter: SeccompFilter = {};
  if (caps && caps.length > 0) filter.caps = caps;
  if (arches && arches.length > 0) filter.arches = arches;
  if (minKernel) filter.minKernel = minKernel;
  return filter;
}

/**
 * `"<kernel>.<major>"` as moby reads it: exactly two dot-separated decimal
 * numbers of at most 255, not 0.0; the empty string means no minimum.
 * @see moby/profiles seccomp/seccomp.go KernelVersion.UnmarshalJSON
 */
function readKernelVersion(value: JsonValue, path: string): Checked<KernelVersion | undefined> {
  if (typeof value !== 'string') return new Problem(path, 'expected a kernel version string such as "4.8"', { type: 'kernel-not-string' });
  if (value === '') return undefined;
  const m = /^([0-9]+)\.([0-9]+)$/.exec(value);
  const major = Number(m?.[1]);
  const minor = Number(m?.[2]);
  if (!m || major > 255 || minor > 255) return new Problem(path, `invalid kernel version '${value}', expected "<kernel>.<major>" such as "4.8"`, { type: 'kernel-invalid', value });
  if (major === 0 && minor === 0) return new Problem(path, "invalid kernel version '0.0'", { type: 'kernel-zero' });
  return [major, minor];
}
