import { childPath, lineColumn, parseJsonText, type JsonObject, type JsonValue } from '../seccomp/jsonText.ts';
import {
  absolutePath, asBool, asObject, asText, asTexts, checkFields, listOf, need, opt, optFields, Problem, wholeIn,
  type Checked, type ReadCtx, type Reader,
} from './specParseFields.ts';
import { readLinux } from './specParseLinux.ts';
import { readProcess } from './specParseProcess.ts';
import { jsonKind } from '../seccomp/jsonFields.ts';
import { SpecProblem, specReasonOf, type SpecReason } from './specProblem.ts';
import type { OciHook, OciHookName, OciHooks, OciMount, OciSpec } from './spec.ts';

/**
 * Reads a real config.json (from `runc spec`, a bundle, `ctr containers
 * info`…) into the lab's OciSpec. Untrusted text in; a spec with warnings,
 * or one error naming the JSON path, what is wrong in plain words and, where
 * it can, the line and column. It never throws.
 *
 * Checked: the JSON itself; the members the lab models and their types and
 * ranges; what runc refuses before it starts (args, cwd, duplicated
 * namespaces, unknown rlimits, actions, operators and architectures) and its
 * validator's cross-checks (a hostname needs a UTS namespace, masked paths a
 * mount namespace, a user namespace its mappings). Warned about and left out:
 * real fields the lab does not model (annotations among them), fields the
 * spec does not have, unknown capabilities (runc only warns), relative mount
 * destinations (runc warns and reads them from /).
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config.md
 * @see opencontainers/runc libcontainer/configs/validate/validator.go
 */

export type SpecParseResult =
  | { ok: true; value: OciSpec; warnings: string[] }
  | SpecParseFailure;

/** `message` is the English; `reason` the same as data for the page's language (src/store/specProblems.ts), null: English only. */
export interface SpecParseFailure {
  ok: false;
  message: string;
  path: string;
  line?: number;
  column?: number;
  reason: SpecReason | null;
}

const readRoot: Reader<OciSpec['root']> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['path', 'readonly']);
  const path = need(obj, p, 'path', ctx, asText, { en: "the container's root filesystem, absolute or relative to the bundle", zh: '容器的根文件系统，可以是绝对路径，也可以是相对于 bundle 的路径' });
  if (path instanceof Problem) return path;
  if (path === '') return new SpecProblem(childPath(p, 'path'), { type: 'empty', what: 'root-path' });
  const readonly = opt(obj, p, 'readonly', ctx, asBool);
  if (readonly instanceof Problem) return readonly;
  return readonly === undefined ? { path } : { path, readonly };
};

const readMount: Reader<OciMount> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['destination', 'type', 'source', 'options'], ['uidMappings', 'gidMappings']);
  let destination = need(obj, p, 'destination', ctx, asText, { en: 'where in the container to mount', zh: '挂载到容器中的哪个位置' });
  if (destination instanceof Problem) return destination;
  if (destination === '') return new SpecProblem(childPath(p, 'destination'), { type: 'empty', what: 'mount-destination' });
  if (!destination.startsWith('/')) {
    ctx.warnings.push(`${childPath(p, 'destination')}: ${JSON.stringify(destination)} is relative; runc warns that this is deprecated and mounts it at /${destination}, and so does the lab`);
    destination = `/${destination}`;
  }
  const rest = optFields<Omit<OciMount, 'destination'>>(obj, p, ctx, { type: asText, source: asText, options: asTexts });
  return rest instanceof Problem ? rest : { destination, ...rest };
};

/** A hook's timeout, in seconds, must be above zero (config.md "Hooks"). */
const TIMEOUT = wholeIn(1n, (1n << 31n) - 1n, { en: 'number of seconds above zero', zh: '大于零的秒数' });

const readHook: Reader<OciHook> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['path', 'args', 'env', 'timeout']);
  const path = need(obj, p, 'path', ctx, absolutePath({ en: "a hook's program", zh: '钩子的程序' }), { en: 'the program to run', zh: '要运行的程序' });
  if (path instanceof Problem) return path;
  const rest = optFields<Omit<OciHook, 'path'>>(obj, p, ctx, { args: asTexts, env: asTexts, timeout: TIMEOUT });
  return rest instanceof Problem ? rest : { path, ...rest };
};

const HOOK_NAMES: readonly OciHookName[] = ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'];

const readHooks: Reader<OciHooks> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, HOOK_NAMES);
  return optFields<OciHooks>(obj, p, ctx, Object.fromEntries(HOOK_NAMES.map((name) => [name, listOf(readHook)])) as Record<OciHookName, Reader<OciHook[]>>);
};

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const TOP_FIELDS = ['ociVersion', 'process', 'root', 'hostname', 'mounts', 'hooks', 'linux'];
const TOP_UNMODELLED = ['annotations', 'domainname', 'solaris', 'windows', 'vm', 'zos', 'freebsd'];

function readSpec(value: JsonValue, ctx: ReadCtx): Checked<OciSpec> {
  if (!(value instanceof Map)) return new SpecProblem('', { type: 'not-object', found: jsonKind(value) });
  const obj: JsonObject = value;
  checkFields(obj, '', ctx, TOP_FIELDS, TOP_UNMODELLED);
  const ociVersion = need(obj, '', 'ociVersion', ctx, asText, { en: 'the version of the runtime spec the file follows, such as "1.3.0"', zh: '文件所遵循的运行时规范版本，例如 "1.3.0"' });
  if (ociVersion instanceof Problem) return ociVersion;
  if (!SEMVER.test(ociVersion)) ctx.warnings.push(`ociVersion: ${JSON.stringify(ociVersion)} is not a SemVer 2.0.0 version such as "1.3.0", which the spec asks for`);
  const root = need(obj, '', 'root', ctx, readRoot, { en: "runc needs the container's root filesystem", zh: 'runc 需要容器的根文件系统' });
  if (root instanceof Problem) return root;
  const process = need(obj, '', 'process', ctx, readProcess, { en: 'runc refuses a config without it ("process property must not be empty")', zh: '没有它，runc 会拒绝这份配置（"process property must not be empty"）' });
  if (process instanceof Problem) return process;
  const hostname = opt(obj, '', 'hostname', ctx, asText);
  if (hostname instanceof Problem) return hostname;
  const mounts = opt(obj, '', 'mounts', ctx, listOf(readMount));
  if (mounts instanceof Problem) return mounts;
  const hooks = opt(obj, '', 'hooks', ctx, readHooks);
  if (hooks instanceof Problem) return hooks;
  const linux = opt(obj, '', 'linux', ctx, readLinux);
  if (linux instanceof Problem) return linux;
  const spec: OciSpec = { ociVersion, process, root, mounts: mounts ?? [], linux: linux ?? { namespaces: [] } };
  if (hostname !== undefined) spec.hostname = hostname;
  if (hooks !== undefined) spec.hooks = hooks;
  return crossCheck(spec) ?? spec;
}

/**
 * runc's validator, the checks that look at two fields together.
 * @see opencontainers/runc libcontainer/configs/validate/validator.go (hostname, security, usernamespace)
 */
function crossCheck(spec: OciSpec): Problem | null {
  const has = (t: string) => spec.linux.namespaces.some((n) => n.type === t);
  if (spec.hostname && !has('uts')) return new SpecProblem('hostname', { type: 'hostname-no-uts' });
  const restricted = (spec.linux.maskedPaths?.length ?? 0) + (spec.linux.readonlyPaths?.length ?? 0) > 0;
  if (restricted && !has('mount')) {
    const at = spec.linux.maskedPaths?.length ? 'linux.maskedPaths' : 'linux.readonlyPaths';
    return new SpecProblem(at, { type: 'masked-no-mount' });
  }
  const user = spec.linux.namespaces.find((n) => n.type === 'user');
  const mapped = (spec.linux.uidMappings?.length ?? 0) + (spec.linux.gidMappings?.length ?? 0) > 0;
  if (user && !user.path && !mapped) return new SpecProblem('linux.uidMappings', { type: 'userns-no-mappings' });
  if (!user && mapped) return new SpecProblem(spec.linux.uidMappings?.length ? 'linux.uidMappings' : 'linux.gidMappings', { type: 'mappings-no-userns' });
  return null;
}

/** The offset of the value at `path`, or of the nearest enclosing value the text has. */
function offsetOf(positions: ReadonlyMap<string, number>, path: string): number | undefined {
  const parent = (p: string) => {
    const last = /(?:\[\d+\]|\.[^.[\]]*)$/.exec(p);
    return last ? p.slice(0, last.index) : '';
  };
  for (let p = path; ; p = parent(p)) {
    const at = positions.get(p);
    if (at !== undefined) return at;
    if (p === '') return undefined;
  }
}

export function parseSpec(text: string): SpecParseResult {
  if (typeof text !== 'string') return { ok: false, message: 'config.json must be given as text', path: '', reason: { type: 'not-text' } };
  const json = parseJsonText(text);
  if (!json.ok) {
    const reason: SpecReason = { type: 'syntax', problem: json.problem, line: json.line, column: json.column };
    return { ok: false, message: `JSON syntax error at line ${json.line}, column ${json.column}: ${json.message}`, path: '', line: json.line, column: json.column, reason };
  }
  const ctx: ReadCtx = { warnings: [] };
  const spec = readSpec(json.value, ctx);
  if (!(spec instanceof Problem)) return { ok: true, value: spec, warnings: ctx.warnings };
  const offset = offsetOf(json.positions, spec.path);
  const where = offset === undefined ? undefined : lineColumn(text, offset);
  const at = where ? ` (line ${where.line}, column ${where.column})` : '';
  const message = `${spec.path === '' ? 'config.json' : spec.path}: ${spec.detail}${at}`;
  const reason = specReasonOf(spec);
  return where ? { ok: false, message, path: spec.path, line: where.line, column: where.column, reason } : { ok: false, message, path: spec.path, reason };
}
