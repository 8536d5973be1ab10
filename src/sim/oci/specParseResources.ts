import { childPath } from '../seccomp/jsonText.ts';
import {
  asBool, asObject, asText, checkFields, I64, listOf, need, oneOf, opt, Problem, U16, U64, wholeIn, type Reader,
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
const MEMORY = wholeIn(-1n, (1n << 63n) - 1n, 'int64: bytes, or -1 for no limit');

type Memory = NonNullable<OciResources['memory']>;
type Cpu = NonNullable<OciResources['cpu']>;

const readMemory: Reader<Memory> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['limit', 'reservation', 'swap'], ['kernel', 'kernelTCP', 'swappiness', 'disableOOMKiller', 'useHierarchy', 'checkBeforeUpdate']);
  const out: Memory = {};
  for (const key of ['limit', 'reservation', 'swap'] as const) {
    const n = opt(obj, p, key, ctx, MEMORY);
    if (n instanceof Problem) return n;
    if (n !== undefined) out[key] = n;
  }
  return out;
};

const readCpu: Reader<Cpu> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['shares', 'quota', 'period', 'cpus'], ['burst', 'realtimeRuntime', 'realtimePeriod', 'mems', 'idle']);
  const shares = opt(obj, p, 'shares', ctx, U64);
  if (shares instanceof Problem) return shares;
  const quota = opt(obj, p, 'quota', ctx, I64);
  if (quota instanceof Problem) return quota;
  const period = opt(obj, p, 'period', ctx, U64);
  if (period instanceof Problem) return period;
  const cpus = opt(obj, p, 'cpus', ctx, asText);
  if (cpus instanceof Problem) return cpus;
  const out: Cpu = {};
  if (shares !== undefined) out.shares = shares;
  if (quota !== undefined) out.quota = quota;
  if (period !== undefined) out.period = period;
  if (cpus !== undefined) out.cpus = cpus;
  return out;
};

/** A device cgroup rule; no type, major or minor means "any" (a, *, *). */
const readDeviceRule: Reader<OciDeviceRule> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['allow', 'type', 'major', 'minor', 'access']);
  const allow = need(obj, p, 'allow', ctx, asBool, 'whether the rule allows or denies');
  if (allow instanceof Problem) return allow;
  const type = opt(obj, p, 'type', ctx, oneOf(['a', 'b', 'c'] as const, 'a device type', 'the spec\'s are'));
  if (type instanceof Problem) return type;
  const major = opt(obj, p, 'major', ctx, I64);
  if (major instanceof Problem) return major;
  const minor = opt(obj, p, 'minor', ctx, I64);
  if (minor instanceof Problem) return minor;
  const access = opt(obj, p, 'access', ctx, asText);
  if (access instanceof Problem) return access;
  if (access !== undefined && !/^[rwm]*$/.test(access)) return new Problem(childPath(p, 'access'), `${JSON.stringify(access)} is not an access; it is made of r (read), w (write) and m (mknod)`);
  const rule: OciDeviceRule = { allow };
  if (type !== undefined) rule.type = type;
  if (major !== undefined) rule.major = major;
  if (minor !== undefined) rule.minor = minor;
  if (access !== undefined) rule.access = access;
  return rule;
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
  const devices = opt(obj, p, 'devices', ctx, listOf(readDeviceRule));
  if (devices instanceof Problem) return devices;
  const memory = opt(obj, p, 'memory', ctx, readMemory);
  if (memory instanceof Problem) return memory;
  const cpu = opt(obj, p, 'cpu', ctx, readCpu);
  if (cpu instanceof Problem) return cpu;
  const pids = opt(obj, p, 'pids', ctx, readPids);
  if (pids instanceof Problem) return pids;
  const blockIO = opt(obj, p, 'blockIO', ctx, readBlockIO);
  if (blockIO instanceof Problem) return blockIO;
  const out: OciResources = {};
  if (devices !== undefined) out.devices = devices;
  if (memory !== undefined) out.memory = memory;
  if (cpu !== undefined) out.cpu = cpu;
  if (pids !== undefined) out.pids = pids;
  if (blockIO !== undefined) out.blockIO = blockIO;
  return out;
};
