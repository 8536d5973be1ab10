import { isCapability } from '../kernel/capabilities.ts';
import { childPath, type JsonObject } from '../seccomp/jsonText.ts';
import {
  absolutePath, asBool, asObject, asText, asTexts, checkFields, listOf, need, opt, optFields, Problem, SpecProblem, U32, U64, wholeIn,
  type Checked, type ReadCtx, type Reader,
} from './specParseFields.ts';
import type { OciCapabilities, OciProcess, OciUser } from './spec.ts';

/**
 * config.json's `process`, checked as runc checks it before it starts
 * anything, and as the kernel would refuse it later.
 * @see opencontainers/runc utils_linux.go validateProcessSpec; rlimit_linux.go rlimitMap
 * @see opencontainers/runc libcontainer/capabilities/capabilities.go (unknown capabilities: a warning)
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config.md#process
 */

const readUser: Reader<OciUser> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['uid', 'gid', 'umask', 'additionalGids'], ['username']);
  const uid = need(obj, p, 'uid', ctx, U32, { en: 'the user id the process runs as', zh: '进程运行时的用户 id' });
  if (uid instanceof Problem) return uid;
  const gid = need(obj, p, 'gid', ctx, U32, { en: 'the group id the process runs as', zh: '进程运行时的组 id' });
  if (gid instanceof Problem) return gid;
  const umask = opt(obj, p, 'umask', ctx, U32);
  if (umask instanceof Problem) return umask;
  const extra = opt(obj, p, 'additionalGids', ctx, listOf(U32));
  if (extra instanceof Problem) return extra;
  const user: OciUser = { uid, gid };
  if (umask !== undefined) user.umask = umask;
  if (extra !== undefined) user.additionalGids = extra;
  return user;
};

const CAP_SETS = ['bounding', 'effective', 'inheritable', 'permitted', 'ambient'] as const;

/**
 * The capability sets. runc (as the spec asks) does not fail on a name it
 * cannot map: it logs "ignoring unknown or unavailable capabilities" and goes
 * on, so an unknown name is a warning here and is left out.
 */
const readCapabilities: Reader<OciCapabilities> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, CAP_SETS);
  const out: OciCapabilities = {};
  for (const set of CAP_SETS) {
    const names = opt(obj, p, set, ctx, asTexts);
    if (names instanceof Problem) return names;
    if (names === undefined) continue;
    names.forEach((n, i) => {
      if (!isCapability(n)) ctx.warnings.push(`${childPath(childPath(p, set), i)}: ${JSON.stringify(n)} is not a Linux capability; runc ignores it ("ignoring unknown or unavailable capabilities"), and so does the lab`);
    });
    out[set] = names.filter(isCapability);
  }
  return out;
};

/** The rlimit names runc knows (rlimitMap); any other is "wrong rlimit value". */
export const RLIMIT_TYPES = [
  'RLIMIT_CPU', 'RLIMIT_FSIZE', 'RLIMIT_DATA', 'RLIMIT_STACK', 'RLIMIT_CORE', 'RLIMIT_RSS', 'RLIMIT_NPROC', 'RLIMIT_NOFILE',
  'RLIMIT_MEMLOCK', 'RLIMIT_AS', 'RLIMIT_LOCKS', 'RLIMIT_SIGPENDING', 'RLIMIT_MSGQUEUE', 'RLIMIT_NICE', 'RLIMIT_RTPRIO', 'RLIMIT_RTTIME',
] as const;

type Rlimit = NonNullable<OciProcess['rlimits']>[number];

const readRlimit: Reader<Rlimit> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['type', 'hard', 'soft']);
  const type = need(obj, p, 'type', ctx, asText, { en: 'the resource, such as RLIMIT_NOFILE', zh: '资源，例如 RLIMIT_NOFILE' });
  if (type instanceof Problem) return type;
  if (!(RLIMIT_TYPES as readonly string[]).includes(type)) return new SpecProblem(childPath(p, 'type'), { type: 'unknown-rlimit', value: type, known: RLIMIT_TYPES });
  const hard = need(obj, p, 'hard', ctx, U64, { en: 'the ceiling', zh: '上限' });
  if (hard instanceof Problem) return hard;
  const soft = need(obj, p, 'soft', ctx, U64, { en: 'the limit in force', zh: '当前生效的限制' });
  if (soft instanceof Problem) return soft;
  // setrlimit(2): EINVAL when rlim_cur > rlim_max.
  if (soft > hard) return new SpecProblem(childPath(p, 'soft'), { type: 'soft-above-hard', soft: String(soft), hard: String(hard) });
  return { type, hard, soft };
};

/** The kernel's range for /proc/PID/oom_score_adj (OOM_SCORE_ADJ_MIN..MAX). */
const OOM_SCORE_ADJ = wholeIn(-1000n, 1000n, { en: 'oom_score_adj value', zh: 'oom_score_adj 值' });

function readArgs(obj: JsonObject, p: string, ctx: ReadCtx): Checked<string[]> {
  const args = need(obj, p, 'args', ctx, asTexts, { en: 'the program and its arguments', zh: '程序及其参数' });
  if (args instanceof Problem) return args;
  return args.length > 0 ? args : new SpecProblem(childPath(p, 'args'), { type: 'empty', what: 'args' });
}

const PROCESS_FIELDS = ['terminal', 'user', 'args', 'env', 'cwd', 'capabilities', 'rlimits', 'noNewPrivileges', 'apparmorProfile', 'oomScoreAdj'];
const PROCESS_UNMODELLED = ['consoleSize', 'commandLine', 'scheduler', 'selinuxLabel', 'ioPriority', 'execCPUAffinity'];

export const readProcess: Reader<OciProcess> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, PROCESS_FIELDS, PROCESS_UNMODELLED);
  const user = need(obj, p, 'user', ctx, readUser, { en: 'the spec requires the user (uid and gid) the process runs as', zh: '规范要求给出进程运行时的用户（uid 和 gid）' });
  if (user instanceof Problem) return user;
  const args = readArgs(obj, p, ctx);
  if (args instanceof Problem) return args;
  const env = opt(obj, p, 'env', ctx, asTexts);
  if (env instanceof Problem) return env;
  env?.forEach((e, i) => {
    if (!e.includes('=')) ctx.warnings.push(`${childPath(childPath(p, 'env'), i)}: ${JSON.stringify(e)} has no "="; the spec's form is KEY=value`);
  });
  const cwd = need(obj, p, 'cwd', ctx, absolutePath({ en: 'the working directory', zh: '工作目录' }), { en: 'runc refuses an empty one ("Cwd property must not be empty")', zh: 'runc 拒绝空的工作目录（"Cwd property must not be empty"）' });
  if (cwd instanceof Problem) return cwd;
  const rest = optFields<Pick<OciProcess, 'terminal' | 'capabilities' | 'rlimits' | 'noNewPrivileges' | 'apparmorProfile' | 'oomScoreAdj'>>(obj, p, ctx, {
    terminal: asBool, capabilities: readCapabilities, rlimits: listOf(readRlimit), noNewPrivileges: asBool, apparmorProfile: asText, oomScoreAdj: OOM_SCORE_ADJ,
  });
  return rest instanceof Problem ? rest : { user, args, env: env ?? [], cwd, ...rest };
};
