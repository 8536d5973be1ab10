/**
 * The resource words kubectl get/describe/delete take (`pods`, `po`,
 * `pod/NAME`, `runtimeclass`), kubectl's command names, and cobra's
 * "unknown command" error with its "Did you mean this?" suggestions.
 * @see spf13/cobra command.go SuggestionsFor(), findSuggestions(); cobra.go ld(); args.go legacyArgs()
 * @see kubernetes/kubectl pkg/cmd/cmd.go (the command groups); get.go, delete.go, describe.go, top.go (SuggestFor)
 */
import { unmodelled, type CliError, type CliUnmodelled } from './cliResult.ts';
import { kubectlError } from './kubectlText.ts';

export type KubeResource = 'pods' | 'runtimeclasses';

const MODELLED: Readonly<Record<string, KubeResource>> = {
  pod: 'pods', pods: 'pods', po: 'pods', 'pods.v1': 'pods',
  runtimeclass: 'runtimeclasses', runtimeclasses: 'runtimeclasses',
  'runtimeclass.node.k8s.io': 'runtimeclasses', 'runtimeclasses.node.k8s.io': 'runtimeclasses',
};

/** Built-in resource names and short names a cluster serves: real, but not modelled by the lab. */
const OTHER_RESOURCES = new Set(('all nodes node no namespaces namespace ns services service svc deployments deployment deploy '
  + 'replicasets replicaset rs daemonsets daemonset ds statefulsets statefulset sts jobs job cronjobs cronjob cj configmaps '
  + 'configmap cm secrets secret events event ev serviceaccounts serviceaccount sa persistentvolumes persistentvolume pv '
  + 'persistentvolumeclaims persistentvolumeclaim pvc ingresses ingress ing networkpolicies networkpolicy netpol endpoints ep '
  + 'endpointslices endpointslice replicationcontrollers replicationcontroller rc storageclasses storageclass sc '
  + 'customresourcedefinitions customresourcedefinition crd crds roles role rolebindings rolebinding clusterroles clusterrole '
  + 'clusterrolebindings clusterrolebinding limitranges limitrange limits resourcequotas resourcequota quota '
  + 'poddisruptionbudgets poddisruptionbudget pdb horizontalpodautoscalers horizontalpodautoscaler hpa leases lease '
  + 'priorityclasses priorityclass pc podtemplates podtemplate controllerrevisions controllerrevision csidrivers csinodes '
  + 'volumeattachments apiservices certificatesigningrequests csr componentstatuses cs').split(' '));

export type ResourceArgs = { type: 'resources'; resource: KubeResource; names: string[] } | CliError | CliUnmodelled;

function resolve(word: string): KubeResource | CliError | CliUnmodelled {
  const lower = word.toLowerCase();
  const found = MODELLED[lower];
  if (found) return found;
  if (OTHER_RESOURCES.has(lower)) return unmodelled(`the lab does not model ${word}; it models pods and runtimeclasses.`);
  return kubectlError(`the server doesn't have a resource type "${word}"`, 'apiserver');
}

/** `TYPE [NAME…]` or `TYPE/NAME…` to one resource and its names. */
export function kubectlResources(args: readonly string[]): ResourceArgs {
  const first = args[0] ?? '';
  if (first.includes('/')) {
    const pairs = args.map((a) => a.split('/'));
    if (pairs.some((p) => p.length !== 2)) return unmodelled('mixing TYPE/NAME with other argument forms is not modelled.');
    const types = new Set(pairs.map((p) => p[0] as string));
    if (types.size !== 1) return unmodelled('several resource types at once are not modelled.');
    const resource = resolve(pairs[0]?.[0] ?? '');
    return typeof resource === 'string' ? { type: 'resources', resource, names: pairs.map((p) => p[1] as string) } : resource;
  }
  if (first.includes(',')) return unmodelled('several resource types at once are not modelled.');
  const resource = resolve(first);
  if (typeof resource !== 'string') return resource;
  if (args.slice(1).some((a) => a.includes('/'))) return unmodelled('mixing TYPE/NAME with other argument forms is not modelled.');
  return { type: 'resources', resource, names: args.slice(1) };
}

/** kubectl's available top-level commands (and cobra's help), for suggestions and "not modelled". */
export const KUBECTL_COMMANDS: readonly string[] = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth',
  'autoscale', 'certificate', 'cluster-info', 'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe',
  'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options',
  'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon',
  'version', 'wait'];

/** Command.SuggestFor: words that suggest a command without being close to it. */
const SUGGEST_FOR: Readonly<Record<string, readonly string[]>> = { delete: ['rm', 'remove'], describe: ['inspect'], get: ['list', 'ls'], top: ['stats'] };

/** cobra's ld(): Levenshtein distance, case-insensitive. */
function ld(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = s[i - 1] === t[j - 1] ? (prev[j - 1] as number) : Math.min(prev[j] as number, row[j - 1] as number, prev[j - 1] as number) + 1;
    }
    prev = row;
  }
  return prev[t.length] as number;
}

/** SuggestionsFor with SuggestionsMinimumDistance 2: close by edit distance, a prefix, or a SuggestFor word. */
export function cobraSuggestions(typed: string, commands: readonly string[], suggestFor: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const out: string[] = [];
  for (const name of commands) {
    if (ld(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase())) out.push(name);
    for (const word of suggestFor[name] ?? []) if (word.toLowerCase() === typed.toLowerCase()) out.push(name);
  }
  return out;
}

/** legacyArgs(): `unknown command "x" for "kubectl"`, with suggestions when there are some. */
export function unknownKubectlCommand(word: string): CliError {
  const s = cobraSuggestions(word, KUBECTL_COMMANDS, SUGGEST_FOR);
  const tail = s.length > 0 ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}`).join('\n')}` : '';
  return kubectlError(`unknown command "${word}" for "kubectl"${tail}`);
}
