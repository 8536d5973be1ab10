/**
 * `runc …` as runc (v1.5.1, urfave/cli v1) reads it. Errors go through
 * logrus, which on a terminal prints `ERRO[0000] message` on stderr, and exit
 * 1; argument-count and flag errors first print `Incorrect Usage…` and the
 * command's help on stdout. An unknown command is urfave's `No help topic`,
 * exit 3.
 * Some refusals come only after runc has looked at the container or the
 * bundle (does it exist? is the spec readable?); those are returned in
 * `laterError` for the caller to print if it gets that far.
 * @see opencontainers/runc v1.5.1 main.go (app flags, fatal), utils.go checkArgs(), utils_linux.go getContainer()/startContainer(),
 *      {spec,create,start,run,state,list,kill,delete,ps,exec}.go; libcontainer/factory_linux.go validateID(); libcontainer/error.go
 * @see urfave/cli v1.22.17 help.go (CommandHelpTemplate, helpCommand, ShowCommandHelp), errors.go HandleExitCoder()
 */
import { cliError, cliHelp, LAB_PREFIX, type CliError, type CliOutcome } from './cliResult.ts';
import { goBool, goFlag, goSlice, goString, parseGoFlags, reorderArgs, type GoFlag, type GoFlags } from './runcFlags.ts';
import { SIGNALS } from '../syscalls/constants/signalConstants.ts';

export interface RuncGlobals { root?: string; systemdCgroup: boolean; debug: boolean; rootless?: string }

export type RuncCommand = { globals: RuncGlobals } & (
  | { type: 'spec'; rootless: boolean; bundle?: string }
  | { type: 'create'; id: string; bundle?: string; consoleSocket?: string; pidFile?: string; laterError: CliError | null }
  | { type: 'run'; id: string; bundle?: string; detach: boolean; keep: boolean; consoleSocket?: string; pidFile?: string; laterError: CliError | null }
  | { type: 'start'; id: string }
  | { type: 'state'; id: string }
  | { type: 'list'; quiet: boolean; format: string }
  /** `signal` null: `laterError` says why (an unknown signal name), after the container is found. */
  | { type: 'kill'; id: string; signal: number | null; laterError: CliError | null }
  | { type: 'delete'; id: string; force: boolean }
  | { type: 'ps'; id: string; format: string; psArgs: string[] }
  | {
    type: 'exec'; id: string; command: string[]; tty: boolean; detach: boolean; env: string[]; cwd?: string; user?: string;
    caps: string[]; noNewPrivs: boolean; process?: string; laterError: CliError | null;
  }
  | { type: 'version' });

export type RuncParse = RuncCommand | CliOutcome;

/** What runc prints on stderr for an error, on a terminal. */
export const runcError = (message: string, status = 1, stdout = ''): CliError => cliError(`${stdout}ERRO[0000] ${message}`, status);

interface Cmd { usage: string; argsUsage: string; flags: readonly GoFlag[]; reorder: boolean; build: (f: GoFlags, g: RuncGlobals) => RuncParse }

const HELP = goFlag('bool', 'help', 'h');
const BUNDLE = goFlag('string', 'bundle', 'b');
const CONSOLE = [goFlag('string', 'console-socket'), goFlag('string', 'pidfd-socket'), goFlag('string', 'pid-file')];
const PIVOT = [goFlag('bool', 'no-pivot'), goFlag('bool', 'no-new-keyring'), goFlag('int', 'preserve-fds')];

const opt = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> => (v === undefined ? {} : { [key]: v }) as Partial<Record<K, string>>;

/** libcontainer validateID: letters, digits, `_+-.`, and not `.` or `..`. */
export function runcIdProblem(id: string): string | null {
  if (id === '') return 'container id cannot be empty';
  return /^[A-Za-z0-9_+.-]+$/.test(id) && id !== '.' && id !== '..' ? null : 'invalid container ID format';
}

/** A command that loads an existing container: an invalid ID fails before anything else. */
function loaded<T extends RuncParse>(f: GoFlags, make: (id: string) => T): RuncParse {
  const id = f.args[0] ?? '';
  const problem = runcIdProblem(id);
  return problem ? runcError(problem) : make(id);
}

/** parseSignal: a number, or a name with or without SIG, in any case. */
function parseSignal(raw: string): number | null {
  if (/^[+-]?\d+$/.test(raw)) return Number(raw);
  const name = raw.toUpperCase().startsWith('SIG') ? raw.toUpperCase() : `SIG${raw.toUpperCase()}`;
  return SIGNALS.entries.find(([n]) => n === name)?.[1] ?? null;
}

/** --bundle, --console-socket and --pid-file of create and run. */
const bundleOpts = (f: GoFlags): { bundle?: string; consoleSocket?: string; pidFile?: string } => ({
  ...opt('bundle', goString(f, 'bundle')), ...opt('consoleSocket', goString(f, 'console-socket')), ...opt('pidFile', goString(f, 'pid-file')),
});

/** create and run refuse a bad ID only after loading the bundle's config.json. */
const creating = (verb: string, id: string): CliError | null => {
  const problem = runcIdProblem(id);
  return problem ? runcError(`runc ${verb} failed: ${problem}`) : null;
};

const COMMANDS: Readonly<Record<string, Cmd & { name: string; exact?: number; min?: number; max?: number }>> = {
  spec: { name: 'spec', usage: 'create a new specification file', argsUsage: '', reorder: true, exact: 0,
    flags: [BUNDLE, goFlag('bool', 'rootless')], build: (f, g) => ({ type: 'spec', globals: g, rootless: goBool(f, 'rootless'), ...opt('bundle', goString(f, 'bundle')) }) },
  create: { name: 'create', usage: 'create a container', argsUsage: '<container-id>', reorder: true, exact: 1, flags: [BUNDLE, ...CONSOLE, ...PIVOT],
    build: (f, g) => ({ type: 'create', globals: g, id: f.args[0] ?? '', ...bundleOpts(f), laterError: creating('create', f.args[0] ?? '') }) },
  run: { name: 'run', usage: 'create and run a container', argsUsage: '<container-id>', reorder: true, exact: 1,
    flags: [BUNDLE, ...CONSOLE, goFlag('bool', 'detach', 'd'), goFlag('bool', 'keep'), goFlag('bool', 'no-subreaper'), ...PIVOT],
    build: (f, g) => ({
      type: 'run', globals: g, id: f.args[0] ?? '', detach: goBool(f, 'detach'), keep: goBool(f, 'keep'), ...bundleOpts(f), laterError: creating('run', f.args[0] ?? ''),
    }) },
  start: { name: 'start', usage: 'executes the user defined process in a created container', argsUsage: '<container-id>', reorder: true, exact: 1, flags: [],
    build: (f, g) => loaded(f, (id) => ({ type: 'start', globals: g, id })) },
  state: { name: 'state', usage: 'output the state of a container', argsUsage: '<container-id>', reorder: true, exact: 1, flags: [],
    build: (f, g) => loaded(f, (id) => ({ type: 'state', globals: g, id })) },
  list: { name: 'list', usage: 'lists containers started by runc with the given root', argsUsage: '', reorder: true, exact: 0,
    flags: [goFlag('string', 'format', 'f'), goFlag('bool', 'quiet', 'q')],
    build: (f, g) => {
      const format = goString(f, 'format') ?? 'table';
      return format === 'table' || format === 'json' ? { type: 'list', globals: g, quiet: goBool(f, 'quiet'), format } : runcError('invalid format option');
    } },
  kill: { name: 'kill', usage: "kill sends the specified signal (default: SIGTERM) to the container's init process", argsUsage: '<container-id> [signal]',
    reorder: true, min: 1, max: 2, flags: [goFlag('bool', 'all', 'a')],
    build: (f, g) => loaded(f, (id) => {
      const raw = f.args[1] || 'SIGTERM';
      const signal = parseSignal(raw);
      return { type: 'kill', globals: g, id, signal, laterError: signal === null ? runcError(`unknown signal "${raw}"`) : null };
    }) },
  delete: { name: 'delete', usage: 'delete any resources held by the container often used with detached container', argsUsage: '<container-id>', reorder: true, exact: 1,
    flags: [goFlag('bool', 'force', 'f')], build: (f, g) => loaded(f, (id) => ({ type: 'delete', globals: g, id, force: goBool(f, 'force') })) },
  ps: { name: 'ps', usage: 'ps displays the processes running inside a container', argsUsage: '<container-id> [ps options]', reorder: false, min: 1,
    flags: [goFlag('string', 'format', 'f')], build: (f, g) => loaded(f, (id) => ({ type: 'ps', globals: g, id, format: goString(f, 'format') ?? 'table', psArgs: f.args.slice(1) })) },
  exec: { name: 'exec', usage: 'execute new process inside the container', argsUsage: '<container-id> <command> [command options]  || -p process.json <container-id>',
    reorder: false, min: 1, flags: EXEC_FLAGS(), build: buildExec },
};

function EXEC_FLAGS(): GoFlag[] {
  return [goFlag('string', 'console-socket'), goFlag('string', 'pidfd-socket'), goFlag('string', 'cwd'), goFlag('slice', 'env', 'e'),
    goFlag('bool', 'tty', 't'), goFlag('string', 'user', 'u'), goFlag('slice', 'additional-gids', 'g'), goFlag('string', 'process', 'p'),
    goFlag('bool', 'detach', 'd'), goFlag('string', 'pid-file'), goFlag('string', 'process-label'), goFlag('string', 'apparmor'),
    goFlag('bool', 'no-new-privs'), goFlag('slice', 'cap', 'c'), goFlag('int', 'preserve-fds'), goFlag('slice', 'cgroup'), goFlag('bool', 'ignore-paused')];
}

function buildExec(f: GoFlags, g: RuncGlobals): RuncParse {
  return loaded(f, (id) => {
    const process = goString(f, 'process');
    const command = f.args.slice(1);
    const laterError = !process && command.length === 0 ? runcError('exec failed: exec args cannot be empty', 255) : null;
    return {
      type: 'exec', globals: g, id, command, tty: goBool(f, 'tty'), detach: goBool(f, 'detach'), env: goSlice(f, 'env'),
      ...opt('cwd', goString(f, 'cwd')), ...opt('user', goString(f, 'user')), caps: goSlice(f, 'cap'), noNewPrivs: goBool(f, 'no-new-privs'),
      ...opt('process', process), laterError,
    };
  });
}

/** The command help's first lines (urfave's CommandHelpTemplate), without the description and options. */
function commandHelp(c: Cmd & { name: string }): string {
  const args = c.argsUsage === '' ? (c.name === 'list' ? '' : ' [arguments...]') : ` ${c.argsUsage}`;
  return `NAME:\n   runc ${c.name} - ${c.usage}\n\nUSAGE:\n   runc ${c.name} [command options]${args}\n\n${LAB_PREFIX}the description and options are left out.\n`;
}

/** checkArgs(). */
function argsError(c: Cmd & { name: string; exact?: number; min?: number; max?: number }, n: number): CliError | null {
  const usage = `Incorrect Usage.\n\n${commandHelp(c)}`;
  if (c.exact !== undefined && n !== c.exact) return runcError(`runc: "${c.name}" requires exactly ${c.exact} argument(s)`, 1, usage);
  if (c.min !== undefined && n < c.min) return runcError(`runc: "${c.name}" requires a minimum of ${c.min} argument(s)`, 1, usage);
  if (c.max !== undefined && n > c.max) return runcError(`runc: "${c.name}" requires a maximum of ${c.max} argument(s)`, 1, usage);
  return null;
}

const GLOBAL_FLAGS: readonly GoFlag[] = [goFlag('bool', 'debug'), goFlag('string', 'log'), goFlag('string', 'log-format'), goFlag('string', 'root'),
  goFlag('bool', 'systemd-cgroup'), goFlag('string', 'rootless'), HELP, goFlag('bool', 'version', 'v')];

const OTHER_COMMANDS = ['checkpoint', 'events', 'pause', 'restore', 'resume', 'update', 'features'];

const APP_HELP = `NAME:\n   runc - Open Container Initiative runtime\n\n${LAB_PREFIX}the rest of runc's help is left out.`;

/** urfave's help command: `runc help [COMMAND]`. */
function helpCommand(topic: string | undefined): RuncParse {
  if (topic === undefined) return cliHelp(APP_HELP);
  const c = COMMANDS[topic];
  return c ? cliHelp(commandHelp(c).trimEnd()) : runcError(`No help topic for '${topic}'`, 3);
}

/** Reads `runc …` (argv[0] is `runc`). Never throws. */
export function parseRunc(argv: readonly string[]): RuncParse {
  const app = parseGoFlags(GLOBAL_FLAGS, argv.slice(1));
  if (!app.ok) return runcError(app.error, 1, `Incorrect Usage. ${app.error}\n\n${APP_HELP}\n`);
  const a = app.flags;
  if (goBool(a, 'help')) return cliHelp(APP_HELP);
  if (goBool(a, 'version')) return { type: 'version', globals: globalsOf(a) };
  const [word, ...rest] = a.args;
  if (word === undefined || word === 'help' || word === 'h') return helpCommand(rest[0]);
  const c = COMMANDS[word];
  if (!c) {
    return OTHER_COMMANDS.includes(word) ? { type: 'unmodelled', message: `${LAB_PREFIX}the lab does not model 'runc ${word}'.` } : runcError(`No help topic for '${word}'`, 3);
  }
  const flagList = [...c.flags, HELP];
  const parsed = parseGoFlags(flagList, c.reorder ? reorderArgs(flagList, rest) : rest);
  if (!parsed.ok) return runcError(parsed.error, 1, `Incorrect Usage: ${parsed.error}\n\n${commandHelp(c)}`);
  if (goBool(parsed.flags, 'help')) return cliHelp(commandHelp(c).trimEnd());
  return argsError(c, parsed.flags.args.length) ?? c.build(parsed.flags, globalsOf(a));
}

function globalsOf(a: GoFlags): RuncGlobals {
  return { systemdCgroup: goBool(a, 'systemd-cgroup'), debug: goBool(a, 'debug'), ...opt('root', goString(a, 'root')), ...opt('rootless', goString(a, 'rootless')) };
}
