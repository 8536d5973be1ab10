/**
 * How the docker CLI words its errors and help, and the commands' usage
 * lines. Flag errors exit 125 (cli.StatusError from FlagErrorFunc); argument
 * count errors are plain errors and exit 1; `docker run`'s own refusals go
 * through withHelp() and exit 125; the daemon's answers are prefixed by the
 * API client.
 * @see docker/cli cli/cobra.go FlagErrorFunc(), usageTemplate; cli/required.go; cmd/docker/docker.go main(), newDockerCommand()
 * @see docker/cli cli/command/container/run.go withHelp(), toStatusError()
 * @see moby/moby client/request.go ("Error response from daemon: ")
 */
import { cliError, cliHelp, type CliError, type CliHelp, LAB_PREFIX } from './cliResult.ts';
import { flagErrorText, type FlagError, type FlagSpec } from './flagParser.ts';

/** A docker command as cobra knows it: its path and its usage line. */
export interface DockerCmd {
  /** `cmd.CommandPath()`: `docker run`, `docker container ls`. */
  path: string;
  /** `cmd.UseLine()`: `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  use: string;
  /** `cmd.Short`. */
  short: string;
}

/** FlagErrorFunc: pflag's error, the usage line, and where to look. */
export function dockerFlagError(cmd: DockerCmd, e: FlagError): CliError {
  return cliError(`${flagErrorText(e)}\n\nUsage:  ${cmd.use}\n\nRun '${cmd.path} --help' for more information`, 125);
}

const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments');

/** cli.RequiresMinArgs, RequiresMaxArgs, ExactArgs, NoArgs: the checked argument count. */
export type ArgRule = { min: number } | { max: number } | { exact: number } | { none: true };

/** The argument-count error for `n` arguments, or null when the count is right. */
export function dockerArgsError(cmd: DockerCmd, rule: ArgRule, n: number): CliError | null {
  const tail = `\n\nUsage:  ${cmd.use}\n\n`;
  if ('min' in rule) {
    return n >= rule.min ? null
      : cliError(`docker: '${cmd.path}' requires at least ${rule.min} ${plural(rule.min)}${tail}See '${cmd.path} --help' for more information`, 1);
  }
  if ('max' in rule) {
    return n <= rule.max ? null
      : cliError(`docker: '${cmd.path}' requires at most ${rule.max} ${plural(rule.max)}${tail}Run '${cmd.path} --help' for more information`, 1);
  }
  if ('exact' in rule) {
    return n === rule.exact ? null
      : cliError(`docker: '${cmd.path}' requires ${rule.exact} ${plural(rule.exact)}${tail}Run '${cmd.path} --help' for more information`, 1);
  }
  return n === 0 ? null : cliError(`docker: '${cmd.path}' accepts no arguments${tail}Run '${cmd.path} --help' for more information`, 1);
}

/** `docker run`'s own refusals (withHelp: always names `docker run`, also under `docker container run`). */
export const runRefusal = (text: string): CliError =>
  cliError(`docker: ${text}\n\nRun 'docker run --help' for more information`, 125);

/** What the daemon answered to `docker run`, as the CLI prints it. */
export const runDaemonError = (text: string): CliError =>
  ({ ...runRefusal(`Error response from daemon: ${text}`), from: 'daemon' });

/** `docker foo`: no such command (and no plugin called docker-foo). */
export const unknownCommand = (word: string): CliError =>
  cliError(`docker: unknown command: docker ${word}\n\nRun 'docker --help' for more information`, 1);

/** `docker container foo`: a management command's NoArgs error. */
export const unknownSubcommand = (cmd: DockerCmd, word: string): CliError =>
  cliError(`docker: unknown command: ${cmd.path} ${word}\n\nUsage:  ${cmd.use}\n\nRun '${cmd.path} --help' for more information`, 1);

const flagUsage = (f: FlagSpec): string => `${f.short ? `-${f.short}, ` : '    '}--${f.name}`;

/** Flags docker marks hidden or deprecated, which its help leaves out. */
const HIDDEN = new Set(['help', 'net', 'dns-opt', 'net-alias', 'kernel-memory', 'disable-content-trust', 'time']);

/**
 * `--help`: the usage template's first lines as docker prints them, then the
 * flag names in pflag's order (by long name). Docker also prints each flag's
 * type and description; the lab says it leaves them out rather than inventing them.
 */
export function dockerHelp(cmd: DockerCmd, flagList: readonly FlagSpec[], aliases?: string): CliHelp {
  const names = flagList.filter((f) => !HIDDEN.has(f.name)).sort((a, b) => a.name.localeCompare(b.name)).map(flagUsage);
  const alias = aliases ? `\n\nAliases:\n  ${aliases}` : '';
  return cliHelp(`Usage:  ${cmd.use}\n\n${cmd.short}${alias}\n\nOptions:\n  ${names.join('\n  ')}\n\n`
    + `${LAB_PREFIX}the options' types and descriptions are left out.`);
}
