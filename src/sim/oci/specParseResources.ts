import { childPath } from '../seccomp/jsonText.ts';
import {
  asBool, asObject, asText, checkFields, I64, listOf, need, oneOf, opt, optFields, Problem, SpecProblem, U16, U64, wholeIn, type Reader,
} from './specParseFields.ts';
import type { OciDeviceRule, OciResources } from './spec.ts';

/**
 * config.json's linux.resources: the cgroup limits the lab models (memory,
 * cpu, pids, the device rules, the blkio weight). A memory value of -1 means
 * "no limit" (runc writes `max`), any other negative one is refused.
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md#control-groups
 * @see opencontainers/runc libcontainer/cgroups/fs2 (memory.go, cpu.go, pids.go)
 */

/** A memory value in bytes: -1 (no limit) or more. */
const MEMORY = wholeIn(-1n, (1n << 63n) - 1n, { en: 'int64: bytes, or -1 for no limit', zh: 'int64：字节数，或用 -1 表示不限制' });

type Memory = NonNullable<OciResources['memory']>;
type Cpu = NonNullable<OciResources['cpu']>;

const readMemory: Reader<Memory> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['limit', 'reservation', 'swap'], ['kernel', 'kernelTCP', 'swappiness', 'disableOOMKiller', 'useHierarchy', 'checkBeforeUpdate']);
  return optFields<Memory>(obj, p, ctx, { limit: MEMORY, reservation: MEMORY, swap: MEMORY });
};

const readCpu: Reader<Cpu> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['shares', 'quota', 'period', 'cpus'], ['burst', 'realtimeRuntime', 'realtimePeriod', 'mems', 'idle']);
  return optFields<Cpu>(obj, p, ctx, { shares: U64, quota: I64, period: U64, cpus: asText });
};

/** A device cgroup rule; no type, major or minor means "any" (a, *, *). */
const readDeviceRule: Reader<OciDeviceRule> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['allow', 'type', 'major', 'minor', 'access']);
  const allow = need(obj, p, 'allow', ctx, asBool, { en: 'whether the rule allows or denies', zh: '这条规则是允许还是拒绝' });
  if (allow instanceof Problem) return allow;
  const rest = optFields<Omit<OciDeviceRule, 'allow'>>(obj, p, ctx, {
    type: oneOf(['a', 'b', 'c'] as const, { en: 'a device type', zh: '设备类型' }, { en: 'the spec\'s are', zh: '规范中的有' }), major: I64, minor: I64, access: asText,
  });
  if (rest instanceof Problem) return rest;
  if (rest.access !== undefined && !/^[rwm]*$/.test(rest.access)) return new SpecProblem(childPath(p, 'access'), { type: 'bad-access', value: rest.access });
  return { allow, ...rest };
};

const readBlockIO: Reader<{ weight?: number }> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['weight'], ['leafWeight', 'weightDevice', 'throttleReadBpsDevice', 'throttleWriteBpsDevice', 'throttleReadIOPSDevice', 'throttleWriteIOPSDevice']);
  const weight = opt(obj, p, 'weight', ctx, U16);
  if (weight instanceof Problem) return weight;
  return weight === undefined ? {} : { weight };
};

const readPids: Reader<{ limit: number } | undefined> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['limit']);
  // A limit of 0 or less is no limit (runc writes "max").
  const limit = opt(obj, p, 'limit', ctx, I64);
  if (limit instanceof Problem) return limit;
  return limit === undefined ? undefined : { limit };
};

export const readResources: Reader<OciResources> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['devices', 'memory', 'cpu', 'pids', 'blockIO'], ['hugepageLimits', 'network', 'rdma', 'unified']);
  return optFields<OciResources>(obj, p, ctx, { devices: listOf(readDeviceRule), memory: readMemory, cpu: readCpu, pids: readPids, blockIO: readBlockIO });
};
