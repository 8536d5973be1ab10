/**
 * `kubectl …` as kubectl reads it: cobra finds the command word (skipping the
 * root flags and their values), removes it, and parses everything else with
 * the command's flags plus the inherited root flags, flags and arguments in
 * any order, `--` ending the flags. Modelled: run, get, describe, delete and
 * exec of pods and RuntimeClasses, and `config` (kubectlConfig.ts). The root
 * flag --context picks the kubeconfig context a command talks to.
 * @see spf13/cobra command.go Find(), stripFlags(), argsMinusFirstX(), legacyArgs(), SuggestionsFor(); args.go
 * @see kubernetes/kubectl pkg/cmd/{get/get.go,describe/describe.go,delete/delete.go,delete/delete_flags.go,exec/exec.go}
 */
import { cliHelp, isOutcome, LAB_PREFIX, unmodelled, type CliError, type CliOutcome } from './cliResult.ts';
import { allValues, boolValue, changed, flags, lastValue, parseFlags, type FlagSpec, type ParsedFlags } from './flagParser.ts';
import { duration } from './dockerRunFlags.ts';
import { parseGoInt } from './goStrconv.ts';
import { KUBECTL_RUN_FLAGS, kubectlRun, type KubectlRun } from './kubectlRun.ts';
import { apiStatusError, KUBECTL_GLOBAL_FLAGS, kubectlError, kubectlFlagError, kubectlUsageError } from './kubectlText.ts';
import { kubectlResources, KUBECTL_COMMANDS, unknownKubectlCommand, type KubeResource } from './kubectlResources.ts';
import { parseKubectlConfig, type KubectlConfig } from './kubectlConfig.ts';

export type { KubectlRun } from './kubectlRun.ts';
export type { KubeResource } from './kubectlResources.ts';
export type { KubectlConfig } from './kubectlConfig.ts';

/** A command that talks to a cluster; `context` is the root --context flag, when given. */
export type KubectlCommand = (
  | KubectlRun
  /** `output` as typed (`wide`, `yaml`, `jsonpath=…`); `names` empty: all of them. */
  | { type: 'get'; resource: KubeResource; names: string[]; output?: string; allNamespaces: boolean; watch: boolean; namespace?: string }
  | { type: 'describe'; resource: KubeResource; names: string[]; namespace?: string }
  | { type: 'delete'; resource: KubeResource; names: string[]; all: boolean; force: boolean; gracePeriod?: number; namespace?: string }
  | { type: 'exec'; pod: string; command: string[]; stdin: boolean; tty: boolean; container?: string; namespace?: string }
) & { context?: string };

export type KubectlParse = KubectlCommand | KubectlConfig | CliOutcome;

const int = (v: string): string | null => { const r = parseGoInt(v, 64); return r.ok ? null : r.cause; };

const GET_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', ['allow-missing-template-keys', 'show-managed-fields', 'watch|w', 'watch-only', 'output-watch-events', 'all-namespaces|A',
    'show-labels', 'no-headers', 'ignore-not-found', 'show-kind', 'recursive|R', 'server-print']),
  ...flags('value', ['output|o', 'template', 'selector|l', 'field-selector', 'label-columns|L', 'sort-by', 'raw', 'filename|f', 'kustomize|k', 'subresource']),
  ...flags('value', ['chunk-size'], int),
];
const DESCRIBE_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', ['recursive|R', 'all-namespaces|A', 'show-events']),
  ...flags('value', ['filename|f', 'kustomize|k', 'selector|l']), ...flags('value', ['chunk-size'], int),
];
const DELETE_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', ['recursive|R', 'all', 'all-namespaces|A', 'force', 'now', 'ignore-not-found', 'wait', 'interactive|i']),
  ...flags('value', ['filename|f', 'kustomize|k', 'selector|l', 'field-selector', 'output|o', 'raw']),
  { name: 'cascade', kind: 'value', noOptDefVal: 'background' },
  ...flags('value', ['grace-period'], int), ...flags('value', ['timeout'], duration),
];
const EXEC_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', ['stdin|i', 'tty|t', 'quiet|q']), ...flags('value', ['container|c', 'filename|f']), ...flags('value', ['pod-running-timeout'], duration),
];

interface Sub { use: string; flags: readonly FlagSpec[]; build: (p: ParsedFlags, path: string) => KubectlParse }

const SUBS: Readonly<Record<string, Sub>> = {
  run: {
    use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
    flags: KUBECTL_RUN_FLAGS, build: (p) => (changed(p, 'image') ? runWithDryRun(p) : kubectlError('required flag(s) "image" not set')),
  },
  get: { use: 'get [(-o|--output=)json|yaml|name|go-template|…|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]', flags: GET_FLAGS, build: buildGet },
  describe: { use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)', flags: DESCRIBE_FLAGS, build: buildDescribe },
  delete: { use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])', flags: DELETE_FLAGS, build: buildDelete },
  exec: { use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]', flags: EXEC_FLAGS, build: buildExec },
};

const ns = (p: ParsedFlags): { namespace?: string } => { const n = lastValue(p, 'namespace'); return n ? { namespace: n } : {}; };

function runWithDryRun(p: ParsedFlags): KubectlParse {
  const r = kubectlRun(p);
  const dry = lastValue(p, 'dry-run');
  if (r.type === 'run' && dry !== undefined && dry !== 'none') return unmodelled('--dry-run is not modelled; without it the lab creates the Pod.');
  return r;
}

/** The word cobra takes as the command: the first non-flag, skipping the value of a root flag that takes one. */
function commandWord(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const s = args[i] as string;
    if (s === '--') return -1;
    if (s !== '' && !s.startsWith('-')) return i;
    const name = s.startsWith('--') ? s.slice(2) : s.slice(1);
    if (s.includes('=') || (!s.startsWith('--') && s.length !== 2)) continue;
    const f = KUBECTL_GLOBAL_FLAGS.find((g) => (s.startsWith('--') ? g.name === name : g.short === name));
    if (f?.kind !== 'bool') { if (i + 1 >= args.length - 1) return -1; i++; }
  }
  return -1;
}

/** Reads `kubectl …` (argv[0] is `kubectl`). Never throws. */
export function parseKubectl(argv: readonly string[]): KubectlParse {
  const args = argv.slice(1);
  const at = commandWord(args);
  if (at < 0) {
    const root = parseFlags(args, { flags: KUBECTL_GLOBAL_FLAGS, interspersed: true });
    if (!root.ok && root.error.kind !== 'help') return kubectlFlagError('kubectl', root.error);
    return cliHelp(`kubectl controls the Kubernetes cluster manager.\n\n${LAB_PREFIX}the lab models kubectl run, get, describe, delete, exec and config.`);
  }
  const word = args[at] as string;
  if (word === 'config') return configCommand([...args.slice(0, at), ...args.slice(at + 1)]);
  const sub = SUBS[word];
  if (!sub) {
    if (KUBECTL_COMMANDS.includes(word)) return unmodelled(`the lab does not model 'kubectl ${word}'; it models run, get, describe, delete, exec and config.`);
    return unknownKubectlCommand(word);
  }
  const rest = [...args.slice(0, at), ...args.slice(at + 1)];
  const path = `kubectl ${word}`;
  const parsed = parseFlags(rest, { flags: [...sub.flags, ...KUBECTL_GLOBAL_FLAGS], interspersed: true });
  if (!parsed.ok) {
    if (parsed.error.kind === 'help') return subHelp(sub);
    const e = kubectlFlagError(path, parsed.error);
    const hint = parsed.error.kind === 'unknownFlag' && /^runtime/i.test(parsed.error.name) && word === 'run';
    return hint ? { ...e, message: `${e.message}\nhint (Isolation Lab): set the RuntimeClass with --overrides='{"spec":{"runtimeClassName":"gvisor"}}'` } : e;
  }
  if (boolValue(parsed.flags, 'help')) return subHelp(sub);
  const built = sub.build(parsed.flags, path);
  const context = lastValue(parsed.flags, 'context');
  return context !== undefined && context !== '' && !isOutcome(built) && built.type !== 'config' ? { ...built, context } : built;
}

/** `kubectl config SUB …`: cobra finds the config command's own subcommand the same way. */
function configCommand(rest: readonly string[]): KubectlParse {
  const at = commandWord(rest);
  return at < 0 ? parseKubectlConfig(null, rest) : parseKubectlConfig(rest[at] as string, [...rest.slice(0, at), ...rest.slice(at + 1)]);
}

/**
 * The root --context flag's value in a line whose parse failed before a
 * command was built (its last `--context X` or `--context=X` before `--`):
 * an error the API server would give needs a context that exists first.
 */
export function kubectlContextFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 1; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--context=')) found = a.slice('--context='.length);
    else if (a === '--context' && i + 1 < argv.length) found = argv[++i];
  }
  return found === '' ? undefined : found;
}

const subHelp = (sub: Sub): CliOutcome => cliHelp(`Usage:\n  kubectl ${sub.use} [options]\n\n${LAB_PREFIX}the description, examples and options are left out.`);

function buildGet(p: ParsedFlags, path: string): KubectlParse {
  if (p.args.length === 0 && allValues(p, 'filename').length === 0) {
    const e = kubectlUsageError(path, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
    return { ...e, message: `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n${e.message}` };
  }
  const r = kubectlResources(p.args);
  if (r.type !== 'resources') return r;
  const output = lastValue(p, 'output');
  return { type: 'get', resource: r.resource, names: r.names, ...(output ? { output } : {}), allNamespaces: boolValue(p, 'all-namespaces'), watch: boolValue(p, 'watch'), ...ns(p) };
}

function buildDescribe(p: ParsedFlags): KubectlParse {
  if (p.args.length === 0 && allValues(p, 'filename').length === 0) {
    return kubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  const r = kubectlResources(p.args);
  return r.type === 'resources' ? { type: 'describe', resource: r.resource, names: r.names, ...ns(p) } : r;
}

function buildDelete(p: ParsedFlags): KubectlParse {
  if (p.args.length === 0 && allValues(p, 'filename').length === 0) {
    return kubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const r = kubectlResources(p.args);
  if (r.type !== 'resources') return r;
  const all = boolValue(p, 'all');
  if (r.names.length === 0 && !all && !changed(p, 'selector')) return kubectlError('resource(s) were provided, but no name was specified');
  if (boolValue(p, 'now') && changed(p, 'grace-period')) return kubectlError('--now and --grace-period cannot be specified together');
  const grace = parseGoInt(lastValue(p, 'grace-period') ?? '');
  return { type: 'delete', resource: r.resource, names: r.names, all, force: boolValue(p, 'force'), ...(grace.ok ? { gracePeriod: Number(grace.value) } : {}), ...ns(p) };
}

/** ExecOptions.Complete() and Validate(): exactly one word (the pod) before `--`. */
function buildExec(p: ParsedFlags, path: string): KubectlParse {
  const dash = p.argsLenAtDash;
  const pod = p.args.length > 0 && dash !== 0 ? (p.args[0] as string) : '';
  if (dash !== 0 && dash !== 1 && (p.args.length > 1 || (p.args.length > 0 && changed(p, 'filename')))) {
    return kubectlUsageError(path, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  }
  const command = dash === 0 || dash === 1 ? p.args.slice(dash) : [];
  if (pod === '' && !changed(p, 'filename')) return kubectlError('pod, type/name or --filename must be specified');
  if (command.length === 0) return kubectlError('you must specify at least one command for the container');
  const container = lastValue(p, 'container');
  return { type: 'exec', pod: pod.replace(/^(pods?|po)\//, ''), command, stdin: boolValue(p, 'stdin'), tty: boolValue(p, 'tty'), ...(container ? { container } : {}), ...ns(p) };
}

/**
 * What the API server's admission answers when the RuntimeClass named in the
 * Pod does not exist: the caller, which knows the cluster's RuntimeClasses, decides.
 * @see kubernetes/kubernetes plugin/pkg/admission/runtimeclass/admission.go
 */
export const kubectlRuntimeClassNotFound = (pod: string, runtimeClass: string): CliError =>
  apiStatusError('Forbidden', `pods "${pod}" is forbidden: pod rejected: RuntimeClass "${runtimeClass}" not found`);
