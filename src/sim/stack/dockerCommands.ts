/**
 * The docker commands besides `run` that the lab models: their flags (every
 * flag docker defines for them, so none is falsely unknown), the argument
 * count cobra checks, and the typed command each becomes.
 * @see docker/cli cli/command/container/{list,exec,inspect,stop,kill,rm}.go; cli/command/image/{list,pull}.go; cli/command/system/{inspect,version,info}.go
 */
import { allValues, boolValue, flags, lastValue, type FlagSpec, type ParsedFlags } from './flagParser.ts';
import { parseGoInt } from './goStrconv.ts';
import { env } from './dockerRunFlags.ts';
import type { ArgRule } from './dockerText.ts';
import { cliError, type CliError } from './cliResult.ts';
import { isNameOnly, normalizedNameError } from './imageReference.ts';
import type { RunRequest } from './runRequest.ts';

/** What a docker command line asks for, by command. */
export type DockerCommand =
  | { type: 'run'; request: RunRequest }
  | { type: 'ps'; all: boolean; quiet: boolean; format?: string; filters: string[] }
  | {
    type: 'exec'; container: string; command: string[]; interactive: boolean; tty: boolean; detach: boolean;
    privileged: boolean; user?: string; workdir?: string; env: string[];
  }
  /** `docker inspect` / `docker container inspect`; `format` is the Go template as typed (`{{.State.Pid}}`), for the caller to evaluate. */
  | { type: 'inspect'; targets: string[]; format?: string; objectType?: string; size: boolean }
  /** `signal`/`timeout` absent: the container's stop signal (SIGTERM) and stop timeout (10 s) apply. */
  | { type: 'stop'; containers: string[]; signal?: string; timeout?: number }
  /** `signal` absent: the daemon sends SIGKILL. */
  | { type: 'kill'; containers: string[]; signal?: string }
  | { type: 'rm'; containers: string[]; force: boolean; volumes: boolean }
  | { type: 'images'; quiet: boolean; all: boolean; reference?: string; format?: string }
  | { type: 'pull'; image: string; quiet: boolean; allTags: boolean }
  | { type: 'version'; format?: string }
  /** `docker --version`/`-v`: the one-line client version. */
  | { type: 'clientVersion' }
  | { type: 'info'; format?: string };

/** One modelled subcommand: its cobra names, flags, argument rule and what it becomes. */
export interface DockerSub {
  /** `Use` without the path: `ps [OPTIONS]`. */
  use: string;
  short: string;
  flags: readonly FlagSpec[];
  interspersed: boolean;
  args: ArgRule;
  aliases?: string;
  /** Absent for `run`, whose request dockerRunRequest.ts builds with docker's checks. */
  build?: (p: ParsedFlags) => DockerCommand | CliError;
}

const HELP = flags('bool', ['help|h']);
const int = (v: string): string | null => { const r = parseGoInt(v, 64); return r.ok ? null : r.cause; };
const opt = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> =>
  (v === undefined ? {} : { [key]: v }) as Partial<Record<K, string>>;

export const PS: DockerSub = {
  use: 'ps [OPTIONS]', short: 'List containers', interspersed: true, args: { none: true },
  aliases: 'docker container ls, docker container list, docker container ps, docker ps',
  flags: [...HELP, ...flags('bool', ['quiet|q', 'size|s', 'all|a', 'no-trunc', 'latest|l']),
    ...flags('value', ['last|n'], int), ...flags('value', ['format', 'filter|f'])],
  build: (p) => ({ type: 'ps', all: boolValue(p, 'all'), quiet: boolValue(p, 'quiet'), ...opt('format', lastValue(p, 'format')), filters: allValues(p, 'filter') }),
};

export const EXEC: DockerSub = {
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]', short: 'Execute a command in a running container',
  interspersed: false, args: { min: 2 }, aliases: 'docker container exec, docker exec',
  flags: [...HELP, ...flags('bool', ['interactive|i', 'tty|t', 'detach|d', 'privileged']),
    ...flags('value', ['detach-keys', 'user|u', 'env-file', 'workdir|w']), ...flags('value', ['env|e'], env)],
  build: (p) => ({
    type: 'exec', container: p.args[0] ?? '', command: p.args.slice(1), interactive: boolValue(p, 'interactive'),
    tty: boolValue(p, 'tty'), detach: boolValue(p, 'detach'), privileged: boolValue(p, 'privileged'),
    ...opt('user', lastValue(p, 'user')), ...opt('workdir', lastValue(p, 'workdir')), env: allValues(p, 'env'),
  }),
};

const inspectBuild = (p: ParsedFlags): DockerCommand => ({
  type: 'inspect', targets: p.args, ...opt('format', lastValue(p, 'format')), ...opt('objectType', lastValue(p, 'type')), size: boolValue(p, 'size'),
});

/** `docker inspect`: any kind of object. */
export const INSPECT: DockerSub = {
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]', short: 'Return low-level information on Docker objects',
  interspersed: true, args: { min: 1 },
  flags: [...HELP, ...flags('value', ['format|f', 'type']), ...flags('bool', ['size|s'])], build: inspectBuild,
};

/** `docker container inspect`: containers only. */
export const CONTAINER_INSPECT: DockerSub = {
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]', short: 'Display detailed information on one or more containers',
  interspersed: true, args: { min: 1 }, flags: [...HELP, ...flags('value', ['format|f']), ...flags('bool', ['size|s'])], build: inspectBuild,
};

export const STOP: DockerSub = {
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]', short: 'Stop one or more running containers',
  interspersed: true, args: { min: 1 }, aliases: 'docker container stop, docker stop',
  flags: [...HELP, ...flags('value', ['signal|s']), ...flags('value', ['timeout|t', 'time'], int)],
  build: (p) => {
    const t = parseGoInt(lastValue(p, 'timeout') ?? lastValue(p, 'time') ?? '');
    return { type: 'stop', containers: p.args, ...opt('signal', lastValue(p, 'signal')), ...(t.ok ? { timeout: Number(t.value) } : {}) };
  },
};

export const KILL: DockerSub = {
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]', short: 'Kill one or more running containers',
  interspersed: true, args: { min: 1 }, aliases: 'docker container kill, docker kill',
  flags: [...HELP, ...flags('value', ['signal|s'])],
  build: (p) => ({ type: 'kill', containers: p.args, ...opt('signal', lastValue(p, 'signal')) }),
};

export const RM: DockerSub = {
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]', short: 'Remove one or more containers',
  interspersed: true, args: { min: 1 }, aliases: 'docker container rm, docker container remove, docker rm',
  flags: [...HELP, ...flags('bool', ['volumes|v', 'link|l', 'force|f'])],
  build: (p) => ({ type: 'rm', containers: p.args, force: boolValue(p, 'force'), volumes: boolValue(p, 'volumes') }),
};

export const IMAGES: DockerSub = {
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]', short: 'List images', interspersed: true, args: { max: 1 },
  aliases: 'docker image ls, docker image list, docker images',
  flags: [...HELP, ...flags('bool', ['quiet|q', 'all|a', 'no-trunc', 'digests', 'tree']), ...flags('value', ['format', 'filter|f'])],
  build: (p) => ({ type: 'images', quiet: boolValue(p, 'quiet'), all: boolValue(p, 'all'), ...opt('reference', p.args[0]), ...opt('format', lastValue(p, 'format')) }),
};

export const PULL: DockerSub = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]', short: 'Download an image from a registry', interspersed: true,
  args: { exact: 1 }, aliases: 'docker image pull, docker pull',
  flags: [...HELP, ...flags('bool', ['all-tags|a', 'quiet|q', 'disable-content-trust']), ...flags('value', ['platform'])],
  build: (p) => {
    const image = p.args[0] ?? '';
    const refError = normalizedNameError(image);
    if (refError) return cliError(refError, 1);
    if (boolValue(p, 'all-tags') && !isNameOnly(image)) return cliError("tag can't be used with --all-tags/-a", 1);
    return { type: 'pull', image, quiet: boolValue(p, 'quiet'), allTags: boolValue(p, 'all-tags') };
  },
};

export const VERSION: DockerSub = {
  use: 'version [OPTIONS]', short: 'Show the Docker version information', interspersed: true, args: { none: true },
  flags: [...HELP, ...flags('value', ['format|f'])], build: (p) => ({ type: 'version', ...opt('format', lastValue(p, 'format')) }),
};

export const INFO: DockerSub = {
  use: 'info [OPTIONS]', short: 'Display system-wide information', interspersed: true, args: { none: true },
  aliases: 'docker system info, docker info',
  flags: [...HELP, ...flags('value', ['format|f'])], build: (p) => ({ type: 'info', ...opt('format', lastValue(p, 'format')) }),
};
