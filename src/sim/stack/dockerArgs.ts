/**
 * `docker …` as the docker CLI reads it: the global flags up to the first
 * word, then the command (or a management command and its subcommand), its
 * flags and its arguments, with docker's own error texts and exit statuses.
 * @see docker/cli cli/cobra.go HandleGlobalFlags(); cmd/docker/docker.go newDockerCommand(), runDocker(); cli/flags/options.go InstallFlags()
 * @see docker/cli cli/command/container/cmd.go, cli/command/image/cmd.go, cli/command/system/cmd.go (management commands)
 */
import { cliHelp, unmodelled, LAB_PREFIX, type CliError, type CliOutcome } from './cliResult.ts';
import { boolValue, flags, parseFlags, type FlagSpec } from './flagParser.ts';
import { DOCKER_RUN_FLAGS } from './dockerRunFlags.ts';
import { dockerRunRequest } from './dockerRunRequest.ts';
import { CONTAINER_INSPECT, EXEC, IMAGES, INFO, INSPECT, KILL, PS, PULL, RM, STOP, VERSION, type DockerCommand, type DockerSub } from './dockerCommands.ts';
import { dockerArgsError, dockerFlagError, dockerHelp, runRefusal, unknownCommand, unknownSubcommand, type DockerCmd } from './dockerText.ts';

export type { DockerCommand } from './dockerCommands.ts';
export type DockerParse = DockerCommand | CliOutcome;

const RUN: DockerSub = {
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]', short: 'Create and run a new container from an image',
  interspersed: false, args: { min: 1 }, aliases: 'docker container run, docker run', flags: DOCKER_RUN_FLAGS,
};

/** The root command's own flags and the persistent ones, read in one pass before the command word. */
const GLOBAL_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', ['debug|D', 'tls', 'tlsverify', 'version|v', 'help|h']),
  ...flags('value', ['config', 'log-level|l', 'tlscacert', 'tlscert', 'tlskey', 'host|H', 'context|c']),
];

const ROOT: DockerCmd = { path: 'docker', use: 'docker [OPTIONS] COMMAND [ARG...]', short: 'A self-sufficient runtime for containers' };

/** Top-level commands, by the word typed. */
const TOP: Readonly<Record<string, DockerSub>> = {
  run: RUN, ps: PS, exec: EXEC, inspect: INSPECT, stop: STOP, kill: KILL, rm: RM, images: IMAGES, pull: PULL, version: VERSION, info: INFO,
};

/** Management commands: their subcommands by every name cobra accepts (Use name and Aliases). */
const MANAGEMENT: Readonly<Record<string, { short: string; subs: Readonly<Record<string, [string, DockerSub]>> }>> = {
  container: {
    short: 'Manage containers',
    subs: {
      run: ['run', RUN], ls: ['ls', PS], ps: ['ls', PS], list: ['ls', PS], exec: ['exec', EXEC], inspect: ['inspect', CONTAINER_INSPECT],
      stop: ['stop', STOP], kill: ['kill', KILL], rm: ['rm', RM], remove: ['rm', RM],
    },
  },
  image: { short: 'Manage images', subs: { ls: ['ls', IMAGES], list: ['ls', IMAGES], pull: ['pull', PULL] } },
  system: { short: 'Manage Docker', subs: { info: ['info', INFO] } },
};

/** Docker's other commands (docker/cli, plus the compose and buildx plugins): real, but not modelled by the lab. */
const OTHER_COMMANDS = new Set(['attach', 'build', 'builder', 'buildx', 'checkpoint', 'commit', 'compose', 'config', 'context',
  'cp', 'create', 'diff', 'events', 'export', 'history', 'import', 'load', 'login', 'logout', 'logs', 'manifest', 'network',
  'node', 'pause', 'plugin', 'port', 'push', 'rename', 'restart', 'rmi', 'save', 'search', 'secret', 'service', 'stack',
  'start', 'stats', 'swarm', 'tag', 'top', 'unpause', 'update', 'volume', 'wait']);

const MODELLED = 'run, exec, ps, inspect, stop, kill, rm, images, pull, version and info (also as docker container …/docker image …)';

function rootHelp(): CliOutcome {
  return cliHelp(`Usage:  docker [OPTIONS] COMMAND\n\n${ROOT.short}\n\n${LAB_PREFIX}the lab models ${MODELLED}; docker's full command list is left out.`);
}

/** Reads `docker …` (argv[0] is `docker`). Never throws. */
export function parseDocker(argv: readonly string[]): DockerParse {
  const global = parseFlags(argv.slice(1), { flags: GLOBAL_FLAGS, interspersed: false });
  if (!global.ok) return global.error.kind === 'help' ? rootHelp() : dockerFlagError(ROOT, global.error);
  const g = global.flags;
  if (boolValue(g, 'version')) return { type: 'clientVersion' };
  const [word, ...rest] = g.args;
  if (boolValue(g, 'help') || word === undefined || word === 'help') return helpFor(rest, word);
  const top = TOP[word];
  if (top) return runSub({ path: `docker ${word}`, use: `docker ${top.use}`, short: top.short }, top, rest);
  const management = MANAGEMENT[word];
  if (management) return runManagement(word, management, rest);
  if (OTHER_COMMANDS.has(word)) return unmodelled(`the lab does not model 'docker ${word}'; it models ${MODELLED}.`);
  return unknownCommand(word);
}

/** `docker help [COMMAND]`, `docker --help`, bare `docker`. */
function helpFor(rest: readonly string[], word: string | undefined): CliOutcome {
  const name = word === 'help' ? rest[0] : undefined;
  const top = name ? TOP[name] : undefined;
  if (!top) return rootHelp();
  return dockerHelp({ path: `docker ${name}`, use: `docker ${top.use}`, short: top.short }, top.flags, top.aliases);
}

/** `docker container …`: its own flags (only --help) up to the subcommand; no subcommand shows its help. */
function runManagement(word: string, m: (typeof MANAGEMENT)[string], rest: readonly string[]): DockerParse {
  const cmd: DockerCmd = { path: `docker ${word}`, use: `docker ${word}`, short: m.short };
  const own = parseFlags(rest, { flags: flags('bool', ['help|h']), interspersed: false });
  const help = cliHelp(`Usage:  docker ${word} COMMAND\n\n${m.short}\n\n${LAB_PREFIX}the lab models docker ${word} ${Object.keys(m.subs).join(', ')}.`);
  if (!own.ok) return own.error.kind === 'help' ? help : dockerFlagError(cmd, own.error);
  const [sub, ...args] = own.flags.args;
  if (sub === undefined || boolValue(own.flags, 'help')) return help;
  const found = m.subs[sub];
  if (!found) return unknownSubcommand(cmd, sub);
  const [name, spec] = found;
  return runSub({ path: `docker ${word} ${name}`, use: `docker ${word} ${spec.use.replace(/^\S+/, name)}`, short: spec.short }, spec, args);
}

/** One command: its flags (--help wins once they parse), its argument count, then what it builds. */
function runSub(cmd: DockerCmd, spec: DockerSub, argv: readonly string[]): DockerParse {
  const parsed = parseFlags(argv, { flags: spec.flags, interspersed: spec.interspersed });
  if (!parsed.ok) {
    return parsed.error.kind === 'help' ? dockerHelp(cmd, spec.flags, spec.aliases) : dockerFlagError(cmd, parsed.error);
  }
  const p = parsed.flags;
  if (boolValue(p, 'help')) return dockerHelp(cmd, spec.flags, spec.aliases);
  const countError = dockerArgsError(cmd, spec.args, p.args.length);
  if (countError) return countError;
  if (spec.build) return spec.build(p);
  const built = dockerRunRequest(p);
  return built.ok ? { type: 'run', request: built.request } : built.outcome;
}

/**
 * What `docker run` prints when the seccomp profile named by
 * `--security-opt seccomp=PATH` cannot be read on the client (the CLI sends
 * the file's contents, not its path). The caller, which knows the client's
 * files, decides; `reason` is the Go error text, e.g. `no such file or directory`.
 * @see docker/cli cli/command/container/opts.go parseSecurityOpts()
 */
export function dockerSeccompUnreadable(path: string, reason: string): CliError {
  return runRefusal(`opening seccomp profile (${path}) failed: open ${path}: ${reason}`);
}
