/**
 * From `podman run`'s parsed flags to a RunRequest, with podman's refusals in
 * podman's words (the caller prints them after `Error: `, exit 125): the
 * namespace modes, --security-opt, --memory and -v as podman's spec
 * generator reads them. `--userns` is kept as typed (keep-id, auto, nomap,
 * ns:PATH, host); podman's runtime is crun unless --runtime says otherwise.
 * @see containers/podman pkg/specgenutil/specgen.go FillOutSpecGen() (security opts, getMemoryLimits); pkg/specgen/namespaces.go (ParseNamespace, ParseUserNamespace, ParseNetworkFlag); pkg/specgen/volumes.go GenVolumeMounts()
 * @see containers/common pkg/config/containers.conf (runtime = "crun")
 */
import { cliError, unmodelled, type CliError, type CliUnmodelled } from './cliResult.ts';
import { allValues, boolValue, changed, lastValue, type ParsedFlags } from './flagParser.ts';
import { parseGoBool, parseGoFloat, parseGoInt } from './goStrconv.ts';
import { ramInBytes } from './dockerRunFlags.ts';
import { unmodelledFlags } from './dockerRunRequest.ts';
import { PODMAN_BOOLS, PODMAN_MODELLED } from './podmanRunFlags.ts';
import { defaultRequest, type RunRequest } from './runRequest.ts';

export const podmanError = (text: string, from: CliError['from'] = 'cli'): CliError => cliError(`Error: ${text}`, 125, from);

type Check = (p: ParsedFlags) => CliError | null;

const modeError = (v: string): string => `unrecognized namespace mode ${v} passed`;

/** ParseNamespace (--pid) and ParseUserNamespace (--userns). */
const namespacesCheck: Check = (p) => {
  const pid = lastValue(p, 'pid') ?? '';
  const nsForm = (v: string): boolean => ['pod', 'host', 'private', ''].includes(v) || v.startsWith('ns:') || v.startsWith('container:');
  if (!nsForm(pid)) return podmanError(modeError(pid));
  const userns = lastValue(p, 'userns') ?? '';
  const usernsOk = ['auto', 'keep-id', 'nomap'].includes(userns) || userns.startsWith('auto:') || userns.startsWith('keep-id:') || nsForm(userns);
  return usernsOk ? null : podmanError(modeError(userns));
};

const SECURITY_KEYS = ['apparmor', 'label', 'mask', 'proc-opts', 'seccomp', 'systempaths', 'unmask', 'no-new-privileges'];

/** The --security-opt loop of FillOutSpecGen. */
const securityCheck: Check = (p) => {
  for (const opt of allValues(p, 'security-opt')) {
    const { key, value, hasVal } = cut(opt);
    if (!hasVal && key !== 'no-new-privileges') return podmanError(`invalid --security-opt 1: "${opt}"`);
    if (!SECURITY_KEYS.includes(key)) return podmanError(`invalid --security-opt 2: "${opt}"`);
    if (key === 'systempaths' && value !== 'unconfined') return podmanError(`invalid systempaths option "${value}", only \`unconfined\` is supported`);
    if (key === 'no-new-privileges' && hasVal && parseGoBool(value) === null) return podmanError(`invalid --security-opt 2: "${opt}"`);
  }
  return null;
};

/** getMemoryLimits: --memory through go-units. */
const memoryCheck: Check = (p) => {
  const m = lastValue(p, 'memory');
  const why = m === undefined || m === '' ? null : ramInBytes(m);
  return why ? podmanError(`invalid value for memory: ${why}`) : null;
};

/** GenVolumeMounts: at most three parts, and a source when there is a destination. */
const volumesCheck: Check = (p) => {
  for (const vol of allValues(p, 'volume')) {
    const parts = vol.split(':');
    if (parts.length > 3) return podmanError(`${vol}: incorrect volume format, should be [host-dir:]ctr-dir[:option]`);
    if (parts.length > 1 && parts[0] === '') return podmanError('host directory cannot be empty');
  }
  return null;
};

function cut(opt: string): { key: string; value: string; hasVal: boolean } {
  const sep = opt.includes('=') ? '=' : ':';
  const i = opt.indexOf(sep);
  return i < 0 ? { key: opt, value: '', hasVal: false } : { key: opt.slice(0, i), value: opt.slice(i + 1), hasVal: true };
}

/** `podman run`'s flags and arguments (image first) to a RunRequest, or podman's refusal. */
export function podmanRunRequest(p: ParsedFlags): { ok: true; request: RunRequest } | { ok: false; outcome: CliError | CliUnmodelled } {
  if (boolValue(p, 'rmi') && changed(p, 'rm') && !boolValue(p, 'rm')) return { ok: false, outcome: podmanError('the --rmi option does not work without --rm') };
  for (const check of [namespacesCheck, securityCheck, memoryCheck, volumesCheck]) {
    const error = check(p);
    if (error) return { ok: false, outcome: error };
  }
  const limits: string[] = [];
  const request = build(p, limits);
  return limits.length > 0 ? { ok: false, outcome: unmodelled(limits[0] as string) } : { ok: true, request };
}

const csv = (p: ParsedFlags, name: string): string[] => allValues(p, name).flatMap((v) => v.split(','));

function build(p: ParsedFlags, limits: string[]): RunRequest {
  const userns = lastValue(p, 'userns');
  const r: RunRequest = {
    ...defaultRequest(p.args[0] ?? ''),
    command: p.args.slice(1), runtime: lastValue(p, 'runtime') || 'crun', capAdd: csv(p, 'cap-add'), capDrop: csv(p, 'cap-drop'),
    privileged: boolValue(p, 'privileged'), readOnly: boolValue(p, 'read-only'), interactive: boolValue(p, 'interactive'),
    tty: boolValue(p, 'tty'), detach: boolValue(p, 'detach'), remove: boolValue(p, 'rm') || boolValue(p, 'rmi'),
    pid: lastValue(p, 'pid') === 'host' ? 'host' : 'private', userns: userns === 'host' ? 'host' : 'default', resources: {},
  };
  if (userns !== undefined) r.usernsMode = userns;
  for (const [field, flag] of [['name', 'name'], ['hostname', 'hostname'], ['user', 'user'], ['workdir', 'workdir'], ['entrypoint', 'entrypoint']] as const) {
    const v = lastValue(p, flag);
    if (v !== undefined) r[field] = v;
  }
  if (changed(p, 'env')) r.env = allValues(p, 'env');
  const [memory, cpus, pids] = [lastValue(p, 'memory'), parseGoFloat(lastValue(p, 'cpus') ?? ''), parseGoInt(lastValue(p, 'pids-limit') ?? '')];
  if (memory !== undefined) r.resources.memory = memory;
  if (cpus.ok) r.resources.cpus = String(cpus.value);
  if (pids.ok) r.resources.pidsLimit = String(pids.value);
  r.network = network(lastValue(p, 'network') ?? '', limits);
  if ((lastValue(p, 'pid') ?? '').includes(':')) limits.push('joining another namespace with --pid container:… or ns:… is not modelled.');
  r.volumes = volumes(allValues(p, 'volume'), limits);
  securityOpts(r, allValues(p, 'security-opt'));
  const extra = [...unmodelledFlags(p, PODMAN_MODELLED, PODMAN_BOOLS), ...(r.unmodelled ?? [])];
  if (extra.length > 0) r.unmodelled = extra;
  return r;
}

function network(mode: string, limits: string[]): RunRequest['network'] {
  if (mode === '' || mode === 'bridge' || mode === 'private' || mode === 'podman') return 'bridge';
  if (mode === 'none' || mode === 'host') return mode;
  if (/^(pasta|slirp4netns)(:|$)/.test(mode)) limits.push(`rootless networking (--network ${mode}) is not modelled; the lab models bridge, none and host.`);
  else limits.push(`--network ${mode} is not modelled; the lab models bridge, none and host.`);
  return 'bridge';
}

function volumes(specs: readonly string[], limits: string[]): RunRequest['volumes'] {
  const out: RunRequest['volumes'] = [];
  for (const vol of specs) {
    const [src = '', dest = '', opts = ''] = vol.split(':');
    if (vol.split(':').length === 1 || !src.startsWith('/')) {
      limits.push(src.startsWith('.') ? `the relative host path in "-v ${vol}" is not modelled; give an absolute path.`
        : `"-v ${vol}" is a named or anonymous volume; the lab models bind mounts only (-v /host/path:/path/in/container).`);
      continue;
    }
    out.push({ host: src, container: dest, readOnly: opts.split(',').includes('ro') });
  }
  return out;
}

function securityOpts(r: RunRequest, opts: readonly string[]): void {
  for (const opt of opts) {
    const { key, value, hasVal } = cut(opt);
    if (key === 'no-new-privileges') r.noNewPrivileges = !hasVal || parseGoBool(value) === true;
    else if (key === 'seccomp') r.seccomp = value === 'unconfined' ? { type: 'unconfined' } : { type: 'profile', path: value };
    else r.unmodelled = [...(r.unmodelled ?? []), `--security-opt ${opt}`];
  }
}
