/**
 * `kubectl run NAME --image=IMAGE …` the way kubectl reads it: cobra's
 * required --image, Complete() (labels, env, restart policy), Validate(),
 * then the Pod it generates with --overrides merged in (a JSON merge patch)
 * and the API server's validation of the Pod's names. kubectl has no
 * RuntimeClass flag: the RuntimeClass is set with
 * `--overrides='{"spec":{"runtimeClassName":"gvisor"}}'`.
 * @see kubernetes/kubectl pkg/cmd/run/run.go (NewCmdRun, addRunFlags, Complete, Validate, createPod, getRestartPolicy, parseEnvs, parseLabels)
 * @see kubernetes/kubectl pkg/cmd/util/override_options.go, helpers.go Merge(); evanphx/json-patch merge.go (ErrBadJSONPatch "Invalid JSON Patch")
 * @see kubernetes/kubernetes pkg/apis/core/validation (pod name: DNS subdomain; container name: DNS label; runtimeClassName: DNS subdomain)
 */
import { unmodelled, type CliError, type CliUnmodelled } from './cliResult.ts';
import { allValues, boolValue, changed, flags, lastValue, type FlagSpec, type ParsedFlags } from './flagParser.ts';
import { kubectlImageValid } from './imageReference.ts';
import { duration } from './dockerRunFlags.ts';
import { parseGoInt } from './goStrconv.ts';
import { apiInvalid, dns1123LabelErrors, dns1123SubdomainErrors, envVarNameValid, invalidValue, kubectlError, labelValueErrors, type FieldCause } from './kubectlText.ts';
import { defaultRequest, type RunRequest } from './runRequest.ts';

export interface KubectlRun {
  type: 'run';
  /** NAME: the Pod's name and its one container's. */
  name: string;
  /**
   * The container as a RunRequest: `--command` puts the first word in
   * `entrypoint` (the container's `command`), otherwise the words are the
   * container's `args` (`command` here), as docker's CMD. `runtime` is the
   * RuntimeClass name when one is set (the caller resolves it to a handler),
   * else `runc`, the usual default handler. `network` is `bridge` for the
   * Pod's own network namespace (the CNI network) and `host` with
   * spec.hostNetwork; `pid` is `host` with spec.hostPID.
   */
  request: RunRequest;
  /** spec.runtimeClassName from --overrides. */
  runtimeClassName?: string;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  /** --attach; true by default with -i. */
  attach: boolean;
  /** -n/--namespace, when given. */
  namespace?: string;
}

const int = (v: string): string | null => { const r = parseGoInt(v, 64); return r.ok ? null : r.cause; };

/** Every flag `kubectl run` defines (its own, delete/print/record flags, dry-run, overrides). */
export const KUBECTL_RUN_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', ['rm', 'stdin|i', 'tty|t', 'attach', 'leave-stdin-open', 'command', 'expose', 'quiet|q', 'privileged',
    'force', 'wait', 'recursive|R', 'allow-missing-template-keys', 'show-managed-fields', 'save-config', 'record']),
  ...flags('value', ['image', 'image-pull-policy', 'env', 'annotations', 'port', 'labels|l', 'restart', 'detach-keys',
    'field-manager', 'overrides', 'override-type', 'output|o', 'template', 'filename|f', 'kustomize|k']),
  { name: 'cascade', kind: 'value', noOptDefVal: 'background' },
  { name: 'dry-run', kind: 'value', noOptDefVal: 'unchanged' },
  ...flags('value', ['grace-period'], int),
  ...flags('value', ['timeout', 'pod-running-timeout'], duration),
];

const MODELLED = new Set(['rm', 'stdin', 'tty', 'attach', 'command', 'privileged', 'image', 'env', 'restart', 'overrides', 'override-type', 'namespace', 'context', 'help']);

type Step = CliError | CliUnmodelled | null;

/** Complete(): labels, env and restart policy, in kubectl's order. */
function complete(p: ParsedFlags): Step {
  const labels = lastValue(p, 'labels') ?? '';
  for (const spec of labels === '' ? [] : labels.split(',')) {
    const parts = spec.split('=');
    if (parts.length !== 2) return kubectlError(`unexpected label spec: ${spec}`);
    if (parts[0] === '') return kubectlError('unexpected empty label key');
  }
  for (const env of allValues(p, 'env')) {
    const eq = env.indexOf('=');
    if (eq <= 0 || !envVarNameValid(env.slice(0, eq))) return kubectlError(`invalid env: ${env}`);
  }
  const restart = lastValue(p, 'restart') ?? 'Always';
  if (!['', 'Always', 'OnFailure', 'Never'].includes(restart)) {
    return kubectlError(`invalid restart policy: ${restart}, valid values are: Always, OnFailure, Never`);
  }
  const pull = lastValue(p, 'image-pull-policy') ?? '';
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pull)) {
    return kubectlError(`invalid image pull policy: ${pull}, valid values are: Always, IfNotPresent, Never`);
  }
  return null;
}

const attachOf = (p: ParsedFlags): boolean => (changed(p, 'attach') ? boolValue(p, 'attach') : boolValue(p, 'stdin'));

/** Validate(). */
function validate(p: ParsedFlags): Step {
  if (p.args.length === 0 || p.argsLenAtDash === 0) return kubectlError('NAME is required for run');
  const image = lastValue(p, 'image') ?? '';
  if (image === '') return kubectlError('--image is required');
  if (!kubectlImageValid(image)) return kubectlError(`invalid image name "${image}": invalid reference format`);
  if (boolValue(p, 'tty') && !boolValue(p, 'stdin')) return kubectlError('-i/--stdin is required for containers with -t/--tty=true');
  const port = lastValue(p, 'port') ?? '';
  if (boolValue(p, 'expose') && port === '') return kubectlError('--port must be set when exposing a service');
  if (port !== '' && !/^[+-]?\d+$/.test(port)) return kubectlError('--port must be a number');
  if (!attachOf(p) && boolValue(p, 'rm')) return kubectlError('--rm should only be used for attached containers');
  return null;
}

type Overrides = { ok: true; patch: Record<string, unknown> | null } | { ok: false; outcome: CliError | CliUnmodelled };

/** --overrides as a merge patch: kubectl's errors for what is not a JSON object. */
function readOverrides(p: ParsedFlags): Overrides {
  const text = lastValue(p, 'overrides') ?? '';
  if (text === '') return { ok: true, patch: null };
  const type = lastValue(p, 'override-type') ?? 'merge';
  if (type !== 'merge' && type !== 'json' && type !== 'strategic') return { ok: false, outcome: kubectlError(`invalid override type: ${type}`) };
  if (type !== 'merge') return { ok: false, outcome: unmodelled(`--override-type=${type} is not modelled; the lab reads --overrides as a JSON merge patch (the default).`) };
  let value: unknown;
  try { value = JSON.parse(text); } catch { return { ok: false, outcome: kubectlError('Invalid JSON Patch') }; }
  if (Array.isArray(value)) return { ok: false, outcome: unmodelled('--overrides with a JSON array is not modelled; give a JSON object such as {"spec":{"runtimeClassName":"gvisor"}}.') };
  if (value === null || typeof value !== 'object') return { ok: false, outcome: kubectlError('Invalid JSON Patch') };
  return { ok: true, patch: value as Record<string, unknown> };
}

interface PodSettings { runtimeClassName?: string; hostNetwork: boolean; hostPID: boolean; ignored: string[] }

/** What the merged patch changes in the generated Pod; fields the lab does not model are listed, or refused when they replace what it models. */
function podSettings(patch: Record<string, unknown>): PodSettings | CliUnmodelled {
  const out: PodSettings = { hostNetwork: false, hostPID: false, ignored: [] };
  for (const [key, v] of Object.entries(patch)) {
    if (key === 'metadata' && v && typeof v === 'object' && 'name' in v) return unmodelled('--overrides that rename the Pod (metadata.name) are not modelled.');
    if (key !== 'spec') { out.ignored.push(`--overrides ${key}`); continue; }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return unmodelled('--overrides that replace the whole Pod spec are not modelled.');
    for (const [field, fv] of Object.entries(v as Record<string, unknown>)) {
      const bad = specField(out, field, fv);
      if (bad) return bad;
    }
  }
  return out;
}

function specField(out: PodSettings, field: string, v: unknown): CliUnmodelled | null {
  if (field === 'containers' || field === 'initContainers') return unmodelled(`--overrides that replace spec.${field} are not modelled; the lab keeps the container kubectl run generates.`);
  if (field === 'runtimeClassName') {
    if (v === null) { delete out.runtimeClassName; return null; }
    if (typeof v !== 'string') return unmodelled('spec.runtimeClassName must be a string.');
    out.runtimeClassName = v;
  } else if ((field === 'hostNetwork' || field === 'hostPID') && (typeof v === 'boolean' || v === null)) {
    out[field] = v === true;
  } else out.ignored.push(`--overrides spec.${field}`);
  return null;
}

/** The API server's checks of the names in the Pod kubectl run creates. */
function apiValidation(name: string, runtimeClassName: string | undefined): CliError | null {
  const causes: FieldCause[] = [];
  if (name === '') causes.push({ field: 'metadata.name', body: 'Required value: name or generateName is required' });
  for (const m of name === '' ? [] : dns1123SubdomainErrors(name)) causes.push(invalidValue('metadata.name', name, m));
  for (const m of labelValueErrors(name)) causes.push(invalidValue('metadata.labels', name, m));
  if (name === '') causes.push({ field: 'spec.containers[0].name', body: 'Required value' });
  for (const m of name === '' ? [] : dns1123LabelErrors(name)) causes.push(invalidValue('spec.containers[0].name', name, m));
  for (const m of runtimeClassName ? dns1123SubdomainErrors(runtimeClassName) : []) causes.push(invalidValue('spec.runtimeClassName', runtimeClassName ?? '', m));
  return causes.length > 0 ? apiInvalid('Pod', name, causes) : null;
}

/** `kubectl run`'s flags and arguments (after cobra's required-flag check) to the Pod it would create. */
export function kubectlRun(p: ParsedFlags): KubectlRun | CliError | CliUnmodelled {
  const early = complete(p) ?? validate(p);
  if (early) return early;
  const overrides = readOverrides(p);
  if (!overrides.ok) return overrides.outcome;
  const settings = overrides.patch ? podSettings(overrides.patch) : { hostNetwork: false, hostPID: false, ignored: [] };
  if ('type' in settings) return settings;
  const name = p.args[0] ?? '';
  const invalid = apiValidation(name, settings.runtimeClassName);
  if (invalid) return invalid;
  const request = podRequest(p, name, settings);
  const restart = lastValue(p, 'restart') ?? 'Always';
  const restartPolicy = restart === '' ? (boolValue(p, 'stdin') ? 'OnFailure' : 'Always') : (restart as KubectlRun['restartPolicy']);
  const namespace = lastValue(p, 'namespace');
  return {
    type: 'run', name, request, restartPolicy, attach: attachOf(p),
    ...(settings.runtimeClassName ? { runtimeClassName: settings.runtimeClassName } : {}), ...(namespace ? { namespace } : {}),
  };
}

function podRequest(p: ParsedFlags, name: string, s: PodSettings): RunRequest {
  const r: RunRequest = {
    ...defaultRequest(lastValue(p, 'image') ?? ''),
    name, interactive: boolValue(p, 'stdin'), tty: boolValue(p, 'tty'), detach: !attachOf(p), remove: boolValue(p, 'rm'),
    privileged: boolValue(p, 'privileged'), runtime: s.runtimeClassName ?? 'runc',
    network: s.hostNetwork ? 'host' : 'bridge', pid: s.hostPID ? 'host' : 'private',
  };
  const words = p.args.slice(1);
  if (boolValue(p, 'command') && words.length > 0) { r.entrypoint = words[0] as string; r.command = words.slice(1); } else r.command = words;
  if (changed(p, 'env')) r.env = allValues(p, 'env');
  const ignored = [...p.entries.filter((e) => !MODELLED.has(e.name)).map((e) => `--${e.name}=${e.value}`), ...s.ignored];
  if (ignored.length > 0) r.unmodelled = ignored;
  return r;
}
