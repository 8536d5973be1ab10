/**
 * How kubectl words its errors, the root flags every command inherits, and
 * the API server's name checks that `kubectl run` meets.
 * kubectl prints every error as `error: …` and exits 1 (cmdutil.CheckErr);
 * flag errors get the templater's `See '… --help' for usage.`; usage errors
 * get `See '… -h' for help and examples`; the API server's Invalid status
 * becomes `The Pod "x" is invalid: …` with one line per cause.
 * @see kubernetes/kubectl pkg/cmd/util/helpers.go (checkErr, UsageErrorf, MultilineError, StandardErrorMessage); pkg/util/templates/templater.go FlagErrorFunc()
 * @see kubernetes/apimachinery pkg/util/validation/validation.go (IsDNS1123Label, IsDNS1123Subdomain, IsEnvVarName, RegexError, MaxLenError); pkg/api/validate/content/kube.go IsLabelValue; pkg/util/validation/field/errors.go ErrorBody()
 */
import { cliError, type CliError } from './cliResult.ts';
import { flagErrorText, flags, type FlagError, type FlagSpec } from './flagParser.ts';
import { goQuote } from './goStrconv.ts';

export const kubectlFlagError = (path: string, e: FlagError): CliError =>
  cliError(`error: ${flagErrorText(e)}\nSee '${path} --help' for usage.`, 1);

export const kubectlUsageError = (path: string, message: string): CliError =>
  cliError(`error: ${message}\nSee '${path} -h' for help and examples`, 1);

/** Any other error: `error: ` unless the text already starts so. */
export const kubectlError = (message: string, from: CliError['from'] = 'cli'): CliError =>
  cliError(message.startsWith('error: ') ? message : `error: ${message}`, 1, from);

/** One field error as the API server reports it (field.Error). */
export interface FieldCause {
  field: string;
  /** ErrorBody(): `Invalid value: "Foo": …`, `Required value`. */
  body: string;
}

export const invalidValue = (field: string, value: string, detail: string): FieldCause =>
  ({ field, body: `Invalid value: ${goQuote(value)}: ${detail}` });

/** An Invalid status (HTTP 422) for an object, as checkErr prints it. */
export function apiInvalid(kind: string, name: string, causes: readonly FieldCause[]): CliError {
  const prefix = `The ${kind} ${goQuote(name)} is invalid: `;
  const lines = causes.map((c) => `${c.field}: ${c.body}`);
  const message = lines.length === 1 ? prefix + lines[0] : `${prefix}\n${lines.map((l) => `* ${l}`).join('\n')}`;
  return cliError(message, 1, 'apiserver');
}

/** An API status error with a reason, as StandardErrorMessage prints it. */
export const apiStatusError = (reason: string, message: string): CliError =>
  cliError(`Error from server (${reason}): ${message}`, 1, 'apiserver');

const regexError = (msg: string, fmt: string, examples: readonly string[]): string =>
  `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;

const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const LABEL_RE = new RegExp(`^${LABEL_FMT}$`);
const SUBDOMAIN_RE = new RegExp(`^${SUBDOMAIN_FMT}$`);
const LABEL_VALUE_FMT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';

/** IsDNS1123Subdomain: why a name is not one (empty list: it is). */
export function dns1123SubdomainErrors(v: string): string[] {
  const errs = v.length > 253 ? ['must be no more than 253 characters'] : [];
  if (!SUBDOMAIN_RE.test(v)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", SUBDOMAIN_FMT, ['example.com']));
  }
  return errs;
}

/** IsDNS1123Label: container names must be labels. */
export function dns1123LabelErrors(v: string): string[] {
  const errs = v.length > 63 ? ['must be no more than 63 characters'] : [];
  if (LABEL_RE.test(v)) return errs;
  errs.push(SUBDOMAIN_RE.test(v) ? 'must not contain dots'
    : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", LABEL_FMT, ['my-name', '123-abc']));
  return errs;
}

/** IsLabelValue: `kubectl run` labels the pod `run=NAME`. */
export function labelValueErrors(v: string): string[] {
  const errs = v.length > 63 ? ['must be no more than 63 characters'] : [];
  if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(v)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, ['MyValue', 'my_value', '12345']));
  }
  return errs;
}

/** IsEnvVarName, as `kubectl run --env` checks it. */
export const envVarNameValid = (name: string): boolean =>
  /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) && name !== '.' && !name.startsWith('..');

/**
 * The flags every kubectl command inherits from the root (kubeconfig,
 * klog), and cobra's help flag. The lab reads them and ignores all but -n and
 * --context (the kubeconfig context: kubeconfig.ts).
 * @see kubernetes/cli-runtime pkg/genericclioptions/config_flags.go AddFlags(); kubernetes/kubectl pkg/cmd/cmd.go
 */
export const KUBECTL_GLOBAL_FLAGS: readonly FlagSpec[] = [
  ...flags('value', ['kubeconfig', 'cache-dir', 'certificate-authority', 'client-certificate', 'client-key', 'token', 'as',
    'as-group', 'as-uid', 'cluster', 'user', 'namespace|n', 'context', 'server|s', 'tls-server-name', 'request-timeout',
    'profile', 'profile-output', 'v|v', 'vmodule', 'log-flush-frequency', 'kuberc']),
  ...flags('bool', ['insecure-skip-tls-verify', 'disable-compression', 'match-server-version', 'warnings-as-errors', 'help|h']),
];
