import { goQuote } from './goStrconv.ts';

/**
 * The lab's kubeconfig (~/.kube/config): two one-node clusters, one context
 * each, and which context is current. `lab-containerd`'s kubelet talks CRI to
 * containerd (unix:///run/containerd/containerd.sock); `lab-crio`'s kubelet
 * runs with --container-runtime-endpoint=unix:///var/run/crio/crio.sock.
 * Both nodes are the lab's one host (one kernel): a simplification the
 * kubelet's hop says aloud. Each context has its own user, as two clusters
 * with their own CAs would; no context sets a namespace.
 * @see https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 * @see kubernetes/client-go tools/clientcmd/api/types.go (Context: cluster, user → AUTHINFO, namespace)
 */
export interface KubeContext {
  name: string;
  cluster: string;
  authInfo: string;
  namespace: string;
  /** The CRI runtime the cluster's node runs. */
  runtime: 'containerd' | 'crio';
}

export const CONTAINERD_CONTEXT = 'lab-containerd';
export const CRIO_CONTEXT = 'lab-crio';
export const DEFAULT_CONTEXT = CONTAINERD_CONTEXT;

export const KUBE_CONTEXTS: readonly KubeContext[] = [
  { name: CONTAINERD_CONTEXT, cluster: CONTAINERD_CONTEXT, authInfo: `${CONTAINERD_CONTEXT}-admin`, namespace: '', runtime: 'containerd' },
  { name: CRIO_CONTEXT, cluster: CRIO_CONTEXT, authInfo: `${CRIO_CONTEXT}-admin`, namespace: '', runtime: 'crio' },
];

export const findContext = (name: string): KubeContext | undefined => KUBE_CONTEXTS.find((c) => c.name === name);

/** The context a command uses: --context when given (non-empty), else kubeconfig's current-context. */
export function chosenContext(current: string | undefined, flag: string | undefined): string {
  return flag !== undefined && flag !== '' ? flag : current ?? DEFAULT_CONTEXT;
}

/**
 * A --context that names no context: client-go's ConfirmUsable finds one
 * error (the cluster defaults to http://localhost:8080, so no "no server"
 * error joins it); kubectl's checkErr unwraps the one-error aggregate and
 * prints it as a configuration error, without `error: `.
 * @see kubernetes/client-go tools/clientcmd/client_config.go ConfirmUsable, ClusterDefaults; validation.go errContextNotFound
 * @see kubernetes/kubectl pkg/cmd/util/helpers.go checkErr (IsConfigurationInvalid → MultilineError("Error in configuration: ", err))
 */
export const contextNotFoundText = (name: string): string =>
  `Error in configuration: context was not found for specified context: ${name}\n`;

/**
 * Go's tabwriter as kubectl's printers set it up (minwidth 6, padding 3,
 * padded with spaces): every cell a tab ends is padded to its column's
 * widest cell plus 3; a line's last cell is not part of a column, so it is
 * printed as is and the cell before it keeps its padding.
 * @see kubernetes/cli-runtime pkg/printers/tabwriter.go GetNewTabWriter; golang text/tabwriter
 */
export function goTabwriter(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.slice(0, -1).forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 6, cell.length + 3); });
  }
  return rows.map((r) => `${r.slice(0, -1).map((cell, i) => cell.padEnd(widths[i] ?? 6)).join('')}${r.at(-1) ?? ''}\n`).join('');
}

export interface ConfigOutput {
  stdout: string;
  stderr: string;
  status: number;
  /** kubeconfig's current-context afterwards. */
  current: string;
}

/**
 * `kubectl config get-contexts [NAME…]`: the CURRENT NAME CLUSTER AUTHINFO
 * NAMESPACE table sorted by name, `*` on the current one; a name it lacks is
 * an error after the table (one: `error: context x not found`; several: an
 * aggregate in brackets, duplicates once).
 * @see kubernetes/kubectl pkg/cmd/config/get_contexts.go RunGetContexts, printContextHeaders, printContext
 * @see kubernetes/apimachinery pkg/util/errors/errors.go aggregate.Error
 */
export function getContexts(current: string, names: readonly string[], opts: { nameOnly: boolean; noHeaders: boolean }): ConfigOutput {
  const missing = [...new Set(names.filter((n) => !findContext(n)).map((n) => `context ${n} not found`))];
  const shown = KUBE_CONTEXTS.filter((c) => names.length === 0 || names.includes(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const stderr = missing.length === 0 ? '' : `error: ${missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`}\n`;
  const status = missing.length === 0 ? 0 : 1;
  if (opts.nameOnly) return { stdout: shown.map((c) => `${c.name}\n`).join(''), stderr, status, current };
  const head = opts.noHeaders ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
  const rows = shown.map((c) => [c.name === current ? '*' : ' ', c.name, c.cluster, c.authInfo, c.namespace]);
  return { stdout: head.length + rows.length > 0 ? goTabwriter([...head, ...rows]) : '', stderr, status, current };
}

/**
 * `kubectl config use-context NAME`: exactly one argument (else cobra's help
 * and `Unexpected args: [...]`), not empty, a context the file has; then it
 * writes current-context and says so.
 * @see kubernetes/kubectl pkg/cmd/config/use_context.go (complete, validate, run); config.go helpErrorf
 */
export function useContext(current: string, args: readonly string[], usage: string): ConfigOutput {
  const fail = (stderr: string, stdout = ''): ConfigOutput => ({ stdout, stderr, status: 1, current });
  if (args.length !== 1) return fail(`error: Unexpected args: [${args.join(' ')}]\n`, usage);
  const name = args[0] ?? '';
  if (name === '') return fail('error: empty context names are not allowed\n');
  if (!findContext(name)) return fail(`error: no context exists with the name: ${goQuote(name)}\n`);
  return { stdout: `Switched to context ${goQuote(name)}.\n`, stderr: '', status: 0, current: name };
}
