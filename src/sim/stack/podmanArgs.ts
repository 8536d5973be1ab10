/**
 * `podman …` as podman reads it: the root flags, the command (also under
 * `podman container …`), its flags with the inherited root flags, and
 * podman's error texts. Podman prints every error as `Error: …` and exits
 * 125 (define.ExecErrorCodeGeneric); a flag error adds `See '… --help'`.
 * @see containers/podman cmd/podman/main.go flagErrorFuncfunc(); cmd/podman/root.go Execute(), formatError()
 * @see containers/podman cmd/podman/validate/args.go (NoArgs, SubCommandExists, CheckAllLatestAndIDFile); cmd/podman/containers/{run,ps,rm,stop,inspect}.go; cmd/podman/inspect/inspect.go
 */
import { cliHelp, LAB_PREFIX, unmodelled, type CliError, type CliOutcome } from './cliResult.ts';
import { allValues, boolValue, changed, flagErrorText, flags, lastValue, parseFlags, type FlagSpec, type ParsedFlags } from './flagParser.ts';
import { parseGoInt } from './goStrconv.ts';
import { cobraSuggestions } from './kubectlResources.ts';
import { podmanError, podmanRunRequest } from './podmanRun.ts';
import { PODMAN_ALIASES, PODMAN_GLOBAL_FLAGS, PODMAN_RUN_FLAGS } from './podmanRunFlags.ts';
import type { RunRequest } from './runRequest.ts';

export type PodmanCommand =
  | { type: 'run'; request: RunRequest }
  | { type: 'ps'; all: boolean; quiet: boolean; format?: string }
  | { type: 'rm'; containers: string[]; all: boolean; force: boolean; volumes: boolean }
  | { type: 'stop'; containers: string[]; all: boolean; timeout?: number }
  | { type: 'inspect'; targets: string[]; format?: string; objectType?: string };

export type PodmanParse = PodmanCommand | CliOutcome;

const int = (v: string): string | null => { const r = parseGoInt(v, 64); return r.ok ? null : r.cause; };

interface Sub { use: string; flags: readonly FlagSpec[]; interspersed: boolean; aliases?: Readonly<Record<string, string>>; build: (p: ParsedFlags, path: string) => PodmanParse }

const SUBS: Readonly<Record<string, Sub>> = {
  run: { use: 'run [options] IMAGE [COMMAND [ARG...]]', flags: PODMAN_RUN_FLAGS, interspersed: false, aliases: PODMAN_ALIASES, build: buildRun },
  ps: {
    use: 'ps [options]', interspersed: true, aliases: PODMAN_ALIASES,
    flags: [...flags('bool', ['all|a', 'external', 'ns', 'no-trunc', 'pod|p', 'quiet|q', 'noheading', 'size|s', 'sync', 'latest|l']),
      ...flags('value', ['filter|f', 'format', 'sort']), ...flags('value', ['last|n', 'watch|w'], int)],
    build: (p, path) => (p.args.length > 0 ? podmanError(`\`${path}\` takes no arguments`)
      : { type: 'ps', all: boolValue(p, 'all'), quiet: boolValue(p, 'quiet'), ...opt('format', lastValue(p, 'format')) }),
  },
  rm: {
    use: 'rm [options] CONTAINER [CONTAINER...]', interspersed: true,
    flags: [...flags('bool', ['all|a', 'ignore|i', 'force|f', 'depend', 'volumes|v', 'latest|l']), ...flags('value', ['cidfile', 'filter']), ...flags('value', ['time|t'], int)],
    build: (p) => allLatest(p) ?? (changed(p, 'time') && !boolValue(p, 'force') ? podmanError('--force option must be specified to use the --time option')
      : { type: 'rm', containers: p.args, all: boolValue(p, 'all'), force: boolValue(p, 'force'), volumes: boolValue(p, 'volumes') }),
  },
  stop: {
    use: 'stop [options] CONTAINER [CONTAINER...]', interspersed: true, aliases: { timeout: 'time' },
    flags: [...flags('bool', ['all|a', 'ignore|i', 'service', 'latest|l']), ...flags('value', ['cidfile', 'filter|f']), ...flags('value', ['time|t'], int)],
    build: (p) => allLatest(p) ?? { type: 'stop', containers: p.args, all: boolValue(p, 'all'), ...timeout(p) },
  },
  inspect: {
    use: 'inspect [options] {ARTIFACT|CONTAINER|IMAGE|POD|NETWORK|VOLUME} [...]', interspersed: true,
    flags: [...flags('bool', ['size|s', 'latest|l']), ...flags('value', ['format|f', 'type|t'])],
    build: (p) => (p.args.length === 0 && !boolValue(p, 'latest') ? podmanError('no names or ids specified')
      : { type: 'inspect', targets: p.args, ...opt('format', lastValue(p, 'format')), ...opt('objectType', lastValue(p, 'type')) }),
  },
};

/** Podman's other commands: real, not modelled. */
const OTHER = ['artifact', 'attach', 'auto-update', 'build', 'commit', 'compose', 'container', 'cp', 'create', 'diff', 'events',
  'exec', 'export', 'farm', 'generate', 'healthcheck', 'help', 'history', 'image', 'images', 'import', 'info', 'init', 'kill',
  'kube', 'load', 'login', 'logout', 'logs', 'machine', 'manifest', 'mount', 'network', 'pause', 'play', 'pod', 'port', 'pull',
  'push', 'quadlet', 'rename', 'restart', 'rmi', 'save', 'search', 'secret', 'start', 'stats', 'system', 'tag', 'top',
  'unmount', 'unpause', 'unshare', 'untag', 'update', 'version', 'volume', 'wait'];

const opt = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> => (v === undefined ? {} : { [key]: v }) as Partial<Record<K, string>>;

function timeout(p: ParsedFlags): { timeout?: number } {
  const t = parseGoInt(lastValue(p, 'time') ?? '');
  return t.ok ? { timeout: Number(t.value) } : {};
}

/** CheckAllLatestAndIDFile for rm and stop. */
function allLatest(p: ParsedFlags): CliError | null {
  const all = boolValue(p, 'all');
  const latest = boolValue(p, 'latest');
  const idFile = allValues(p, 'cidfile').length > 0;
  if (changed(p, 'filter')) return p.args.length > 0 ? podmanError('--filter takes no arguments') : null;
  if (idFile && (all || latest)) return podmanError('--all, --latest, and --cidfile cannot be used together');
  if (all && latest) return podmanError('--all and --latest cannot be used together');
  if (p.args.length > 0 && all) return podmanError('no arguments are needed with --all');
  if (p.args.length > 0 && latest) return podmanError('--latest and containers cannot be used together');
  if (p.args.length > 0 && idFile) return podmanError('no arguments are needed with --latest or --cidfile');
  if (p.args.length === 0 && !all && !latest && !idFile) return podmanError('you must provide at least one name or id');
  return null;
}

function buildRun(p: ParsedFlags): PodmanParse {
  if (p.args.length === 0) return podmanError('requires at least 1 arg(s), only received 0');
  const built = podmanRunRequest(p);
  return built.ok ? { type: 'run', request: built.request } : built.outcome;
}

const flagError = (path: string, text: string): CliError => podmanError(`${text}\nSee '${path} --help'`);

/** Reads `podman …` (argv[0] is `podman`). Never throws. */
export function parsePodman(argv: readonly string[]): PodmanParse {
  const root = parseFlags(argv.slice(1), { flags: PODMAN_GLOBAL_FLAGS, interspersed: false });
  if (!root.ok) return root.error.kind === 'help' ? rootHelp() : flagError('podman', flagErrorText(root.error));
  let [word, ...rest] = root.flags.args;
  let path = `podman ${word ?? ''}`;
  if (word === 'container' && rest[0] !== undefined && SUBS[rest[0]]) { path = `podman container ${rest[0]}`; [word, ...rest] = rest; }
  if (word === undefined || boolValue(root.flags, 'help')) return rootHelp();
  const sub = SUBS[word];
  if (!sub) return OTHER.includes(word) ? unmodelled(`the lab does not model '${path}'; it models podman run, ps, rm, stop and inspect.`) : unknownCommand(word);
  const parsed = parseFlags([...root.flags.entries.map((e) => `--${e.name}=${e.value}`), ...rest],
    { flags: [...sub.flags, ...PODMAN_GLOBAL_FLAGS], interspersed: sub.interspersed, ...(sub.aliases ? { aliases: sub.aliases } : {}) });
  if (!parsed.ok) return parsed.error.kind === 'help' ? subHelp(path, sub) : flagError(path, flagErrorText(parsed.error));
  return boolValue(parsed.flags, 'help') ? subHelp(path, sub) : sub.build(parsed.flags, path);
}

/** SubCommandExists: `unrecognized command`, with cobra's suggestions. */
function unknownCommand(word: string): CliError {
  const s = cobraSuggestions(word, [...Object.keys(SUBS), ...OTHER].sort());
  if (s.length === 0) return podmanError(`unrecognized command \`podman ${word}\`\nTry 'podman --help' for more information`);
  return podmanError(`unrecognized command \`podman ${word}\`\n\nDid you mean this?\n\t${s.join('\n\t')}\n\nTry 'podman --help' for more information`);
}

const rootHelp = (): CliOutcome => cliHelp(`Manage pods, containers and images\n\n${LAB_PREFIX}the lab models podman run, ps, rm, stop and inspect.`);

const subHelp = (path: string, sub: Sub): CliOutcome =>
  cliHelp(`Usage:\n  ${path.replace(/ \S+$/, '')} ${sub.use}\n\n${LAB_PREFIX}the description, examples and options are left out.`);
