/**
 * From `docker run`'s parsed flags to a RunRequest, with docker's own checks
 * in docker's order: the CLI's parse() (volumes, --pid, --userns, --restart,
 * --security-opt, --rm with --restart), runContainer() (--attach with
 * --detach), the image reference, then what the daemon refuses when it
 * creates the container. A command line the real tool accepts but the lab
 * does not model comes back as `unmodelled`, after every real error.
 * @see docker/cli cli/command/container/opts.go parse(), parseSecurityOpts(), parseSystemPaths(); run.go runContainer(); create.go createContainer()
 * @see docker/cli opts/parse.go ParseRestartPolicy(); moby/moby api/types/container/hostconfig.go (PidMode, UsernsMode Valid)
 * @see moby/moby daemon/daemon_unix.go parseSecurityOpt(), verifyPlatformContainerResources() (Nano CPUs conflicts)
 */
import { cliError, unmodelled, type CliError, type CliUnmodelled } from './cliResult.ts';
import { parseGoBool, parseGoInt } from './goStrconv.ts';
import { allValues, boolValue, changed, lastValue, type ParsedFlags } from './flagParser.ts';
import { dockerReferenceError } from './imageReference.ts';
import { cliVolumeSpec, daemonVolumeSpec, isReadOnlyMode } from './dockerVolumes.ts';
import { decimalCpus, DOCKER_RUN_FLAGS, MODELLED_RUN_FLAGS } from './dockerRunFlags.ts';
import { runDaemonError, runRefusal } from './dockerText.ts';
import { defaultRequest, type RunRequest } from './runRequest.ts';

export type RunBuild = { ok: true; request: RunRequest } | { ok: false; outcome: CliError | CliUnmodelled };

type Check = (p: ParsedFlags) => CliError | null;

/** parse(): each -v as the CLI splits it. */
const volumesCheck: Check = (p) => {
  for (const spec of allValues(p, 'volume')) {
    const r = cliVolumeSpec(spec);
    if (!r.ok) return runRefusal(r.error);
  }
  return null;
};

const isContainerMode = (v: string): boolean => v.startsWith('container:') && v.length > 'container:'.length;

/** parse(): PidMode.Valid, UsernsMode.Valid, ParseRestartPolicy. */
const modesCheck: Check = (p) => {
  const pid = lastValue(p, 'pid') ?? '';
  if (!(pid === '' || pid === 'host' || isContainerMode(pid))) return runRefusal('--pid: invalid PID mode');
  const userns = lastValue(p, 'userns') ?? '';
  if (!(userns === '' || userns === 'host')) return runRefusal('--userns: invalid USER mode');
  const restart = lastValue(p, 'restart') ?? '';
  const [name, count] = restart.split(/:(.*)/s);
  if (restart.includes(':') && name === '') return runRefusal('invalid restart policy format: no policy provided before colon');
  if (count !== undefined && count !== '' && !/^[+-]?\d+$/.test(count)) {
    return runRefusal('invalid restart policy format: maximum retry count must be an integer');
  }
  return null;
};

/** parseSecurityOpts(): key=value (or the old key:value); only no-new-privileges may stand alone. */
const securityOptCheck: Check = (p) => {
  for (const opt of allValues(p, 'security-opt')) {
    const { key, value, ok } = cutOpt(opt, true);
    if ((!ok || value === '') && key !== 'no-new-privileges') return runRefusal(`invalid --security-opt: "${opt}"`);
  }
  return null;
};

/** `--rm` with a restart policy other than none, and `--attach` with `--detach`. */
const conflictsCheck: Check = (p) => {
  const policy = (lastValue(p, 'restart') ?? '').split(':')[0] ?? '';
  if (boolValue(p, 'rm') && policy !== '' && policy !== 'no') return runRefusal('conflicting options: cannot specify both --restart and --rm');
  if (boolValue(p, 'detach') && allValues(p, 'attach').length > 0) return cliError('conflicting options: cannot specify both --attach and --detach', 1);
  const refError = dockerReferenceError(p.args[0] ?? '');
  return refError ? runRefusal(refError) : null;
};

/** The daemon's parseSecurityOpt(). */
const daemonSecurityCheck: Check = (p) => {
  for (const opt of allValues(p, 'security-opt')) {
    // parseSystemPaths() takes systempaths=unconfined out before the request is sent.
    if (['no-new-privileges', 'writable-cgroups', 'disable', 'systempaths=unconfined'].includes(opt)) continue;
    const { key, value, ok } = cutOpt(opt, false);
    if (!ok) return runDaemonError(`invalid --security-opt 1: "${opt}"`);
    const boolKey = key === 'no-new-privileges' || key === 'writable-cgroups';
    if ((boolKey && parseGoBool(value) === null) || !['label', 'apparmor', 'seccomp', 'no-new-privileges', 'writable-cgroups'].includes(key)) {
      return runDaemonError(`invalid --security-opt 2: "${opt}"`);
    }
  }
  return null;
};

/** The daemon's refusals of resources and mounts. */
const daemonResourcesCheck: Check = (p) => {
  if (changed(p, 'cpus') && changed(p, 'cpu-period')) return runDaemonError('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (changed(p, 'cpus') && changed(p, 'cpu-quota')) return runDaemonError('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  for (const spec of allValues(p, 'volume')) {
    const cli = cliVolumeSpec(spec);
    if (!cli.ok || cli.value.source === '') continue;
    const r = daemonVolumeSpec(spec);
    if (!r.ok) return runDaemonError(r.error);
  }
  return null;
};

/** strings.Cut on `=`, then (CLI: unless no-new-privileges; daemon: only without `=`) on `:`. */
function cutOpt(opt: string, cli: boolean): { key: string; value: string; ok: boolean } {
  const eq = opt.indexOf('=');
  if (eq >= 0) return { key: opt.slice(0, eq), value: opt.slice(eq + 1), ok: true };
  const colon = opt.indexOf(':');
  if ((cli && opt === 'no-new-privileges') || colon < 0) return { key: opt, value: '', ok: false };
  return { key: opt.slice(0, colon), value: opt.slice(colon + 1), ok: true };
}

const CHECKS: readonly Check[] = [volumesCheck, modesCheck, securityOptCheck, conflictsCheck, daemonSecurityCheck, daemonResourcesCheck];

/** `docker run`'s flags and arguments (image first) to a RunRequest, or docker's refusal. */
export function dockerRunRequest(p: ParsedFlags): RunBuild {
  for (const check of CHECKS) {
    const error = check(p);
    if (error) return { ok: false, outcome: error };
  }
  const limits: string[] = [];
  const request = buildRequest(p, limits);
  if (limits.length > 0) return { ok: false, outcome: unmodelled(limits[0] as string) };
  return { ok: true, request };
}

function buildRequest(p: ParsedFlags, limits: string[]): RunRequest {
  const r: RunRequest = {
    ...defaultRequest(p.args[0] ?? ''), command: p.args.slice(1),
    capAdd: allValues(p, 'cap-add'), capDrop: allValues(p, 'cap-drop'), privileged: boolValue(p, 'privileged'),
    readOnly: boolValue(p, 'read-only'), interactive: boolValue(p, 'interactive'), tty: boolValue(p, 'tty'),
    detach: boolValue(p, 'detach'), remove: boolValue(p, 'rm'), runtime: lastValue(p, 'runtime') || 'runc',
    pid: lastValue(p, 'pid') === 'host' ? 'host' : 'private', userns: lastValue(p, 'userns') === 'host' ? 'host' : 'default',
  };
  const optional = { name: 'name', hostname: 'hostname', user: 'user', workdir: 'workdir', entrypoint: 'entrypoint' } as const;
  for (const [field, flag] of Object.entries(optional)) {
    const v = lastValue(p, flag);
    if (v !== undefined) r[field as keyof typeof optional] = v;
  }
  if (changed(p, 'env')) r.env = allValues(p, 'env');
  r.resources = resources(p);
  r.network = network(p, limits);
  if (isContainerMode(lastValue(p, 'pid') ?? '')) limits.push('`--pid container:NAME` (sharing another container\'s pid namespace) is not modelled; the lab models a private pid namespace or --pid host.');
  r.volumes = volumes(p, limits);
  applySecurityOpts(r, allValues(p, 'security-opt'));
  const extra = [...unmodelledFlags(p), ...(r.unmodelled ?? [])];
  if (extra.length > 0) r.unmodelled = extra;
  return r;
}

/** --memory as typed; --cpus and --pids-limit in decimal, as the CLI sends them (`3/2` → `1.5`, `0x10` → `16`). */
function resources(p: ParsedFlags): RunRequest['resources'] {
  const out: RunRequest['resources'] = {};
  const memory = lastValue(p, 'memory');
  const cpus = lastValue(p, 'cpus');
  const pids = parseGoInt(lastValue(p, 'pids-limit') ?? '');
  if (memory !== undefined) out.memory = memory;
  if (cpus !== undefined) out.cpus = decimalCpus(cpus);
  if (pids.ok) out.pidsLimit = String(pids.value);
  return out;
}

/** NetworkOpt.NetworkMode(): the first network given (`--net` and `--network` fill the same list). */
function network(p: ParsedFlags, limits: string[]): RunRequest['network'] {
  const given = p.entries.filter((e) => e.name === 'network' || e.name === 'net').map((e) => e.value);
  const first = given[0] ?? '';
  const mode = first === '' || first === 'default' ? 'bridge' : first;
  if (mode === 'bridge' || mode === 'none' || mode === 'host') {
    if (given.length > 1) limits.push('connecting a container to several networks is not modelled; the lab models one of bridge, none or host.');
    return mode;
  }
  limits.push(mode.startsWith('container:') || mode === 'container'
    ? '`--network container:NAME` (joining another container\'s network namespace) is not modelled; the lab models bridge, none and host.'
    : `the network "${mode}" is not modelled; the lab models Docker's bridge, none and host networks.`);
  return 'bridge';
}

function volumes(p: ParsedFlags, limits: string[]): RunRequest['volumes'] {
  const out: RunRequest['volumes'] = [];
  for (const spec of allValues(p, 'volume')) {
    const cli = cliVolumeSpec(spec);
    const daemon = cli.ok && cli.value.source !== '' ? daemonVolumeSpec(spec) : null;
    if (!daemon || !daemon.ok || daemon.type !== 'bind') {
      const relative = cli.ok && cli.value.source.startsWith('.');
      limits.push(relative
        ? `the relative host path in "-v ${spec}" is not modelled; give an absolute path.`
        : `"-v ${spec}" is a ${cli.ok && cli.value.source !== '' ? 'named' : 'anonymous'} volume; the lab models bind mounts only (-v /host/path:/path/in/container).`);
      continue;
    }
    out.push({ host: daemon.value.source, container: daemon.value.target, readOnly: isReadOnlyMode(daemon.value.mode) });
  }
  return out;
}

/** seccomp= and no-new-privileges into the request; apparmor, label, systempaths and the rest listed as unmodelled. */
function applySecurityOpts(r: RunRequest, opts: readonly string[]): void {
  for (const opt of opts) {
    const { key, value } = cutOpt(opt, false);
    if (opt === 'no-new-privileges') r.noNewPrivileges = true;
    else if (key === 'no-new-privileges') r.noNewPrivileges = parseGoBool(value) === true;
    else if (key === 'seccomp') {
      r.seccomp = value === 'unconfined' ? { type: 'unconfined' } : value === 'builtin' ? { type: 'default' } : { type: 'profile', path: value };
    } else r.unmodelled = [...(r.unmodelled ?? []), `--security-opt ${opt}`];
  }
}

const BOOL_NAMES = new Set(DOCKER_RUN_FLAGS.filter((f) => f.kind === 'bool').map((f) => f.name));

/** Every flag given that the lab does not act on, in long form: `--init`, `--publish 8080:80`. */
export function unmodelledFlags(p: ParsedFlags, modelled: ReadonlySet<string> = MODELLED_RUN_FLAGS, bools: ReadonlySet<string> = BOOL_NAMES): string[] {
  return p.entries.filter((e) => !modelled.has(e.name)).map((e) => {
    if (!bools.has(e.name)) return `--${e.name} ${e.value}`;
    return e.value === 'true' ? `--${e.name}` : `--${e.name}=${e.value}`;
  });
}
