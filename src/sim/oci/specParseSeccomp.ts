import { ERRNO_RET_MAX } from '../seccomp/parseRule.ts';
import { SECCOMP_ACTIONS, SECCOMP_ARCHES, SECCOMP_MAX_ARGS, SECCOMP_OPS } from '../seccomp/profile.ts';
import { childPath } from '../seccomp/jsonText.ts';
import {
  asObject, asTexts, checkFields, listOf, need, oneOf, opt, optFields, Problem, SpecProblem, U64, wholeIn, type Reader,
} from './specParseFields.ts';
import type { OciSeccomp, OciSeccompRule } from './spec.ts';

/**
 * config.json's linux.seccomp: the filter in the spec's own form, after
 * moby (or whoever wrote it) has resolved its profile: no archMap, no
 * includes or excludes. Actions, operators and architectures are the ones
 * runc converts; anything else is the error runc would stop at.
 * @see opencontainers/runc libcontainer/seccomp/config.go (actions, operators, archs, flags)
 * @see opencontainers/runc libcontainer/specconv/spec_linux.go SetupSeccomp
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md#seccomp
 */

/** The filter flags runc knows. */
export const SECCOMP_FLAGS = [
  'SECCOMP_FILTER_FLAG_TSYNC', 'SECCOMP_FILTER_FLAG_SPEC_ALLOW', 'SECCOMP_FILTER_FLAG_LOG', 'SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV',
] as const;

const action = oneOf(SECCOMP_ACTIONS, { en: 'a seccomp action', zh: 'seccomp 动作' });
const errnoRet = wholeIn(0n, ERRNO_RET_MAX, { en: 'errno value (SECCOMP_RET_DATA holds 16 bits)', zh: 'errno 值（SECCOMP_RET_DATA 只有 16 位）' });
type Arg = NonNullable<OciSeccompRule['args']>[number];

const readArg: Reader<Arg> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['index', 'value', 'valueTwo', 'op']);
  const index = need(obj, p, 'index', ctx, wholeIn(0n, BigInt(SECCOMP_MAX_ARGS - 1), { en: 'argument index: a syscall has six', zh: '参数序号：系统调用有六个参数' }), { en: 'which argument (0 to 5) to compare', zh: '比较哪个参数（0 到 5）' });
  if (index instanceof Problem) return index;
  const value = need(obj, p, 'value', ctx, U64, { en: 'the value to compare with', zh: '用来比较的值' });
  if (value instanceof Problem) return value;
  const valueTwo = opt(obj, p, 'valueTwo', ctx, U64);
  if (valueTwo instanceof Problem) return valueTwo;
  const op = need(obj, p, 'op', ctx, oneOf(SECCOMP_OPS, { en: 'a seccomp comparison', zh: 'seccomp 比较运算' }), { en: 'the comparison, such as SCMP_CMP_EQ', zh: '比较方式，例如 SCMP_CMP_EQ' });
  if (op instanceof Problem) return op;
  return valueTwo ? { index, value, valueTwo, op } : { index, value, op };
};

const readRule: Reader<OciSeccompRule> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['names', 'action', 'errnoRet', 'args']);
  const names = need(obj, p, 'names', ctx, asTexts, { en: 'the syscalls this rule is for', zh: '这条规则针对的系统调用' });
  if (names instanceof Problem) return names;
  const empty = names.indexOf('');
  if (empty >= 0) return new SpecProblem(childPath(childPath(p, 'names'), empty), { type: 'empty', what: 'rule-name' });
  if (names.length === 0) ctx.warnings.push(`${childPath(p, 'names')}: is empty, so the rule applies to no syscall`);
  const act = need(obj, p, 'action', ctx, action, { en: 'what the filter does for these syscalls', zh: '过滤器对这些系统调用做什么' });
  if (act instanceof Problem) return act;
  const ret = opt(obj, p, 'errnoRet', ctx, errnoRet);
  if (ret instanceof Problem) return ret;
  const args = opt(obj, p, 'args', ctx, listOf(readArg));
  if (args instanceof Problem) return args;
  const rule: OciSeccompRule = { names, action: act };
  if (ret !== undefined) rule.errnoRet = ret;
  if (args !== undefined && args.length > 0) rule.args = args;
  return rule;
};

export const readSeccomp: Reader<OciSeccomp> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['defaultAction', 'defaultErrnoRet', 'architectures', 'flags', 'syscalls'], ['listenerPath', 'listenerMetadata']);
  const defaultAction = need(obj, p, 'defaultAction', ctx, action, { en: 'the action for syscalls no rule names', zh: '没有规则点名的系统调用所用的动作' });
  if (defaultAction instanceof Problem) return defaultAction;
  const rest = optFields<Omit<OciSeccomp, 'defaultAction'>>(obj, p, ctx, {
    defaultErrnoRet: errnoRet,
    architectures: listOf(oneOf(SECCOMP_ARCHES, { en: 'an architecture runc knows', zh: 'runc 认识的架构' })),
    flags: listOf(oneOf(SECCOMP_FLAGS, { en: 'a seccomp filter flag runc knows', zh: 'runc 认识的 seccomp 过滤器标志' })),
    syscalls: listOf(readRule),
  });
  return rest instanceof Problem ? rest : { defaultAction, ...rest };
};
