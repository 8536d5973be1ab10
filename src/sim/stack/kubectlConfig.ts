/**
 * `kubectl config …` as kubectl reads it: the config command's own
 * subcommands, each with its flags plus the inherited root flags. Modelled:
 * get-contexts, current-context, use-context (alias `use`); the others are
 * real but not modelled. `kubectl config` alone prints its help on stderr and
 * exits 1 (DefaultSubCommandRun); an unknown word is its usage error. These
 * commands read the kubeconfig file itself, so the root --context flag does
 * not change what they print.
 * @see kubernetes/kubectl pkg/cmd/config/config.go NewCmdConfig; get_contexts.go, current_context.go, use_context.go
 * @see kubernetes/kubectl pkg/cmd/util/helpers.go DefaultSubCommandRun, RequireNoArguments, UsageErrorf
 */
import { cliError, cliHelp, LAB_PREFIX, unmodelled, type CliOutcome } from './cliResult.ts';
import { boolValue, flags, lastValue, parseFlags, type FlagSpec, type ParsedFlags } from './flagParser.ts';
import { goQuote } from './goStrconv.ts';
import { KUBECTL_GLOBAL_FLAGS, kubectlError, kubectlFlagError, kubectlUsageError } from './kubectlText.ts';

export type KubectlConfig =
  | { type: 'config'; action: 'get-contexts'; names: string[]; nameOnly: boolean; noHeaders: boolean }
  | { type: 'config'; action: 'current-context' }
  /** The words after use-context, as typed: the runner checks there is exactly one. */
  | { type: 'config'; action: 'use-context'; args: string[]; usage: string };

interface ConfigSub { use: string; flagsInUse: boolean; flags: readonly FlagSpec[]; build?: (p: ParsedFlags, usage: string) => KubectlConfig | CliOutcome }

const SUBS: Readonly<Record<string, ConfigSub>> = {
  'get-contexts': { use: 'get-contexts [(-o|--output=)name)]', flagsInUse: false, flags: [...flags('bool', ['no-headers']), ...flags('value', ['output|o'])], build: buildGetContexts },
  'current-context': { use: 'current-context', flagsInUse: true, flags: [], build: () => ({ type: 'config', action: 'current-context' }) },
  'use-context': { use: 'use-context CONTEXT_NAME', flagsInUse: false, flags: [], build: (p, usage) => ({ type: 'config', action: 'use-context', args: [...p.args], usage }) },
  view: { use: 'view', flagsInUse: true, flags: [] },
  'set-cluster': { use: 'set-cluster NAME', flagsInUse: true, flags: [] },
  'set-credentials': { use: 'set-credentials NAME', flagsInUse: true, flags: [] },
  'set-context': { use: 'set-context [NAME | --current]', flagsInUse: true, flags: [] },
  set: { use: 'set PROPERTY_NAME PROPERTY_VALUE', flagsInUse: true, flags: [] },
  unset: { use: 'unset PROPERTY_NAME', flagsInUse: true, flags: [] },
  'get-clusters': { use: 'get-clusters', flagsInUse: true, flags: [] },
  'get-users': { use: 'get-users', flagsInUse: true, flags: [] },
  'delete-cluster': { use: 'delete-cluster NAME', flagsInUse: true, flags: [] },
  'delete-context': { use: 'delete-context NAME', flagsInUse: true, flags: [] },
  'delete-user': { use: 'delete-user NAME', flagsInUse: true, flags: [] },
  'rename-context': { use: 'rename-context CONTEXT_NAME NEW_NAME', flagsInUse: true, flags: [] },
};

const ALIASES: Readonly<Record<string, string>> = { use: 'use-context' };

const usageOf = (sub: ConfigSub): string =>
  `Usage:\n  kubectl config ${sub.use}${sub.flagsInUse ? ' [options]' : ''}\n\n${LAB_PREFIX}the description, examples and options are left out.\n`;

const CONFIG_USAGE = `Usage:\n  kubectl config SUBCOMMAND [options]\n\n${LAB_PREFIX}the description and the list of subcommands are left out; the lab models get-contexts, current-context and use-context.`;

/** Reads what follows `kubectl config`: `word` is the subcommand cobra found (null: none), `args` everything else. Never throws. */
export function parseKubectlConfig(word: string | null, args: readonly string[]): KubectlConfig | CliOutcome {
  const name = word === null ? undefined : ALIASES[word] ?? word;
  const sub = name === undefined ? undefined : SUBS[name];
  if (!sub) return configItself(word, args);
  const path = `kubectl config ${name ?? ''}`;
  const parsed = parseFlags(args, { flags: [...sub.flags, ...KUBECTL_GLOBAL_FLAGS], interspersed: true });
  if (!parsed.ok) return parsed.error.kind === 'help' ? cliHelp(usageOf(sub).trimEnd()) : kubectlFlagError(path, parsed.error);
  if (boolValue(parsed.flags, 'help')) return cliHelp(usageOf(sub).trimEnd());
  if (!sub.build) return unmodelled(`the lab does not model '${path}'; it models get-contexts, current-context and use-context.`);
  return sub.build(parsed.flags, usageOf(sub));
}

/** `kubectl config` with no subcommand it knows: its flags, then help (exit 1) or `unknown command`. */
function configItself(word: string | null, args: readonly string[]): CliOutcome {
  const all = word === null ? args : [word, ...args];
  const parsed = parseFlags(all, { flags: KUBECTL_GLOBAL_FLAGS, interspersed: true });
  if (!parsed.ok) return parsed.error.kind === 'help' ? cliHelp(CONFIG_USAGE) : kubectlFlagError('kubectl config', parsed.error);
  if (boolValue(parsed.flags, 'help')) return cliHelp(CONFIG_USAGE);
  if (parsed.flags.args.length > 0) return kubectlUsageError('kubectl config', `unknown command ${goQuote(parsed.flags.args.join(' '))}`);
  return cliError(CONFIG_USAGE, 1);
}

/** GetContextsOptions.Complete(): only the default output or `name`. */
function buildGetContexts(p: ParsedFlags): KubectlConfig | CliOutcome {
  const output = lastValue(p, 'output') ?? '';
  if (output !== '' && output !== 'name') return kubectlError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
  return { type: 'config', action: 'get-contexts', names: [...p.args], nameOnly: output === 'name', noHeaders: boolValue(p, 'no-headers') };
}
