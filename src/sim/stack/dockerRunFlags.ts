/**
 * Every flag `docker run` (and `docker container run`) defines, with the
 * check its pflag value makes when the flag is read. The lab models a few of
 * them (see dockerRunRequest.ts); the rest are accepted as docker accepts
 * them and listed as unmodelled, so a real command line never gets a false
 * "unknown flag".
 * @see docker/cli cli/command/container/run.go newRunCommand(), opts.go addFlags()
 * @see docker/cli opts/opts.go (MemBytes, MemSwapBytes, NanoCPUs.Set, ParseCPUs), opts/env.go ValidateEnv
 * @see docker/go-units size.go RAMInBytes()
 */
import { flags, type FlagSpec } from './flagParser.ts';
import { goQuote, parseGoFloat, parseGoInt, parseGoUint } from './goStrconv.ts';

type Check = (v: string) => string | null;

const int64: Check = (v) => { const r = parseGoInt(v, 64); return r.ok ? null : r.cause; };
const uint16: Check = (v) => { const r = parseGoUint(v, 16); return r.ok ? null : r.cause; };
const uint64: Check = (v) => { const r = parseGoUint(v, 64); return r.ok ? null : r.cause; };

/** go-units RAMInBytes: a number, an optional space, then b or k/m/g/t/p with an optional b or ib. */
export const ramInBytes: Check = (s) => {
  let sep = -1;
  for (let i = s.length - 1; i >= 0; i--) if ('0123456789. '.includes(s[i] as string)) { sep = i; break; }
  if (sep < 0) return `invalid size: '${s}'`;
  const num = s[sep] === ' ' ? s.slice(0, sep) : s.slice(0, sep + 1);
  const sfx = s.slice(sep + 1);
  const f = parseGoFloat(num);
  if (!f.ok) return f.cause;
  if (f.value < 0) return `invalid size: '${s}'`;
  if (sfx === '') return null;
  if (sfx.length > 3) return `invalid suffix: '${sfx}'`;
  const l = sfx.toLowerCase();
  const bad = `invalid suffix: '${l}'`;
  if (l[0] === 'b') return l.length > 1 ? bad : null;
  if (!'kmgtp'.includes(l[0] as string)) return bad;
  if ((l.length === 2 && l[1] !== 'b') || (l.length === 3 && l.slice(1) !== 'ib')) return bad;
  return null;
};

/** MemSwapBytes: `-1` (unlimited swap) or a size. */
const memSwap: Check = (v) => (v === '-1' ? null : ramInBytes(v));

const TEN_TO_9 = 10n ** 9n;

/**
 * NanoCPUs.Set / ParseCPUs: a big.Rat (`1.5`, `3/2`, `15e-1`) that must be a
 * whole number of nano-CPUs; the number, or the error text. Exponents too
 * large to matter are not expanded (null: valid, value not computed).
 * big.Rat also reads 0x/0o/0b integers in fractions; the lab does not.
 */
function nanoCpusOf(v: string): bigint | string | null {
  const notRational = `failed to parse ${v} as a rational number`;
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(v);
  if (frac) {
    const den = BigInt(frac[2] as string);
    if (den === 0n) return notRational;
    const num = BigInt(frac[1] as string) * TEN_TO_9;
    return num % den === 0n ? num / den : 'value is too precise';
  }
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(v);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return notRational;
  const digits = BigInt(`${m[2] ?? ''}${m[3] ?? ''}` || '0') * (m[1] === '-' ? -1n : 1n);
  const exp = Number(m[4] ?? '0') - (m[3] ?? '').length + 9;
  if (digits === 0n) return 0n;
  if (exp > 30) return null;
  if (exp >= 0) return digits * 10n ** BigInt(exp);
  if (exp < -1000) return 'value is too precise';
  const unit = 10n ** BigInt(-exp);
  return digits % unit === 0n ? digits / unit : 'value is too precise';
}

export const nanoCpus: Check = (v) => { const r = nanoCpusOf(v); return typeof r === 'string' ? r : null; };

/** `--cpus` as the decimal number of CPUs the CLI sends (as nano-CPUs): `3/2` → `1.5`. */
export function decimalCpus(v: string): string {
  const nano = nanoCpusOf(v);
  if (typeof nano !== 'bigint') return v;
  const sign = nano < 0n ? '-' : '';
  const abs = nano < 0n ? -nano : nano;
  const frac = (abs % TEN_TO_9).toString().padStart(9, '0').replace(/0+$/, '');
  return `${sign}${abs / TEN_TO_9}${frac ? `.${frac}` : ''}`;
}

const UNITS = ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'];

/** time.ParseDuration's verdict, as pflag's duration flags report it. */
export const duration: Check = (orig) => {
  let s = orig.replace(/^[+-]/, '');
  if (s === '0') return null;
  if (s === '') return `time: invalid duration ${goQuote(orig)}`;
  while (s !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = num?.[0] ?? '';
    if (whole === '' || whole === '.') return `time: invalid duration ${goQuote(orig)}`;
    s = s.slice(whole.length);
    const unit = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration ${goQuote(orig)}`;
    if (!UNITS.includes(unit)) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`;
    s = s.slice(unit.length);
  }
  return null;
};

/** ValidateEnv: only an empty name is refused (a bare name is looked up in the client's environment). */
export const env: Check = (v) => (v.split('=')[0] === '' ? `invalid environment variable: ${v}` : null);

const attach: Check = (v) => (['stdin', 'stdout', 'stderr'].includes(v.toLowerCase()) ? null : 'valid streams are STDIN, STDOUT and STDERR');

const BOOLS = ['detach|d', 'sig-proxy', 'quiet|q', 'use-api-socket', 'help', 'disable-content-trust', 'interactive|i',
  'read-only', 'tty|t', 'rm', 'privileged', 'publish-all|P', 'no-healthcheck', 'oom-kill-disable', 'init'];

const STRINGS = ['name', 'detach-keys', 'pull', 'platform', 'device-cgroup-rule', 'device', 'gpus', 'env-file',
  'entrypoint', 'group-add', 'hostname|h', 'domainname', 'label|l', 'label-file', 'restart', 'stop-signal', 'sysctl',
  'ulimit', 'user|u', 'workdir|w', 'cap-add', 'cap-drop', 'security-opt', 'userns', 'cgroupns', 'add-host', 'dns',
  'dns-opt', 'dns-option', 'dns-search', 'expose', 'ip', 'ip6', 'link', 'link-local-ip', 'mac-address', 'publish|p',
  'net', 'network', 'net-alias', 'network-alias', 'log-driver', 'volume-driver', 'log-opt', 'storage-opt', 'tmpfs',
  'volumes-from', 'volume|v', 'mount', 'health-cmd', 'blkio-weight-device', 'cidfile', 'cpuset-cpus', 'cpuset-mems',
  'device-read-bps', 'device-read-iops', 'device-write-bps', 'device-write-iops', 'cgroup-parent', 'ipc', 'isolation',
  'pid', 'uts', 'runtime', 'annotation'];

/** The flag set of `docker run`; `--help` has no `-h` here, because `-h` is `--hostname`. */
export const DOCKER_RUN_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', BOOLS),
  ...flags('value', STRINGS),
  ...flags('value', ['env|e'], env),
  ...flags('value', ['attach|a'], attach),
  ...flags('value', ['cpu-count', 'cpu-percent', 'cpu-period', 'cpu-quota', 'cpu-rt-period', 'cpu-rt-runtime',
    'cpu-shares|c', 'memory-swappiness', 'pids-limit', 'stop-timeout', 'health-retries', 'oom-score-adj'], int64),
  ...flags('value', ['blkio-weight'], uint16),
  ...flags('value', ['io-maxiops'], uint64),
  ...flags('value', ['memory|m', 'memory-reservation', 'shm-size', 'kernel-memory', 'io-maxbandwidth'], ramInBytes),
  ...flags('value', ['memory-swap'], memSwap),
  ...flags('value', ['cpus'], nanoCpus),
  ...flags('value', ['health-interval', 'health-timeout', 'health-start-period', 'health-start-interval'], duration),
];

/** The flags dockerRunRequest.ts turns into RunRequest fields; any other flag given is listed as unmodelled. */
export const MODELLED_RUN_FLAGS: ReadonlySet<string> = new Set(['detach', 'interactive', 'tty', 'rm', 'privileged',
  'read-only', 'name', 'hostname', 'user', 'workdir', 'entrypoint', 'env', 'cap-add', 'cap-drop', 'security-opt',
  'userns', 'pid', 'network', 'net', 'volume', 'runtime', 'memory', 'cpus', 'pids-limit', 'help']);
