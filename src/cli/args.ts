import { RUNTIMES } from '../sim/runtime/registry.ts';

/** isolab's command line, parsed without a library so every error says exactly what was wrong. */
export interface CliArgs {
  command: 'verdicts' | 'trace' | 'replay' | 'runtimes' | 'surface' | 'compare' | 'boot' | 'help';
  runtime: string;
  /** compare: the runtimes, in the order given. */
  runtimes: string[];
  format: 'text' | 'csv' | 'json';
  /** The trace input or the replay file. */
  positional: string | null;
  /** `docker run`'s resource flags for the container: --memory, --cpus, --pids-limit. */
  resources: { memory?: string; cpus?: string; pidsLimit?: string };
  /** Runtime settings (`--platform kvm`, `--oci-seccomp`), checked against the chosen runtime later. */
  options: Record<string, string>;
}

type Parsed = { ok: true; value: CliArgs } | { ok: false; message: string };

const COMMANDS = ['verdicts', 'trace', 'replay', 'runtimes', 'surface', 'compare', 'boot', 'help'] as const;

const RESOURCE_FLAGS: Record<string, keyof CliArgs['resources']> = { '--memory': 'memory', '-m': 'memory', '--cpus': 'cpus', '--pids-limit': 'pidsLimit' };

/** Every runtime option's values by key, across runtimes (`--directfs` → on, off). */
function runtimeOptionValues(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const rt of RUNTIMES) for (const o of rt.options) out.set(o.key, new Set([...(out.get(o.key) ?? []), ...o.values]));
  return out;
}

export function parseCliArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  const blank: Omit<CliArgs, 'command'> = { runtime: '', runtimes: [], format: 'text', positional: null, resources: {}, options: {} };
  if (command === undefined || command === '--help' || command === '-h') return ok({ command: 'help', ...blank });
  if (!(COMMANDS as readonly string[]).includes(command)) return { ok: false, message: `unknown command '${command}'; expected one of: ${COMMANDS.join(', ')}` };
  const args: CliArgs = { command: command as CliArgs['command'], ...blank, format: command === 'verdicts' || command === 'surface' ? 'csv' : 'text' };
  const optionValues = runtimeOptionValues();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    const step = option(args, a, rest[i + 1], optionValues);
    if (step === 'error') return { ok: false, message: `${a} needs a value` };
    if (typeof step === 'string') return { ok: false, message: step };
    i += step;
  }
  return validate(args);
}

/** Applies one option; returns how many extra words it took, or an error message. */
function option(args: CliArgs, a: string, next: string | undefined, optionValues: Map<string, Set<string>>): number | string | 'error' {
  const [key, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  const value = inline ?? next;
  const used = inline === undefined ? 1 : 0;
  if (key === '--runtime' || key === '-r' || key === '--runtimes') {
    if (value === undefined) return 'error';
    if (key === '--runtimes') args.runtimes = value.split(',').map((s) => s.trim()).filter(Boolean);
    else args.runtime = value;
    return used;
  }
  if (key === '--format') {
    if (value === undefined) return 'error';
    if (value !== 'csv' && value !== 'json' && value !== 'text') return `--format takes csv, json or text, not '${value}'`;
    args.format = value;
    return used;
  }
  const resource = RESOURCE_FLAGS[key];
  if (resource) {
    if (value === undefined) return 'error';
    args.resources[resource] = value;
    return used;
  }
  if (key === '--json') {
    args.format = 'json';
    return 0;
  }
  const values = key.startsWith('--') ? optionValues.get(key.slice(2)) : undefined;
  if (values) return runtimeOption(args, key.slice(2), values, inline, next);
  if (key.startsWith('-') && key.length > 1) return `unknown option '${key}'`;
  if (args.positional !== null) return `unexpected extra argument '${a}' (quote the whole input: isolab trace --runtime runc 'cat /etc/passwd')`;
  args.positional = a;
  return 0;
}

/** `--platform kvm`, `--platform=kvm`, or a bare on/off switch (`--oci-seccomp` = on). */
function runtimeOption(args: CliArgs, key: string, values: Set<string>, inline: string | undefined, next: string | undefined): number | 'error' {
  if (inline !== undefined) {
    args.options[key] = inline;
    return 0;
  }
  const isSwitch = values.has('on') && values.has('off');
  if (isSwitch && (next === undefined || !values.has(next))) {
    args.options[key] = 'on';
    return 0;
  }
  if (next === undefined) return 'error';
  args.options[key] = next;
  return 1;
}

function validate(args: CliArgs): Parsed {
  if (args.command === 'runtimes' || args.command === 'help') return ok(args);
  if (args.command === 'compare') {
    if (!args.runtimes.length) args.runtimes = args.runtime ? [args.runtime] : [];
    if (!args.runtimes.length) return { ok: false, message: 'compare needs --runtimes (e.g. --runtimes runc,gvisor,kata)' };
    if (args.positional === null) return { ok: false, message: "compare needs an input: a syscall like 'getpid()' or a command like 'cat /etc/passwd'" };
    return ok(args);
  }
  // A docker, kubectl, podman or runc line chooses its runtime itself (docker run --runtime=…); it runs on the lab's host.
  if (args.command === 'trace' && !args.runtime && /^\s*(docker|kubectl|podman|runc)(\s|$)/.test(args.positional ?? '')) args.runtime = 'host';
  if (!args.runtime) return { ok: false, message: `${args.command} needs --runtime (${RUNTIMES.map((r) => r.id).join(', ')})` };
  if (args.command === 'trace' && args.positional === null) return { ok: false, message: "trace needs an input: a syscall like 'getpid()' or a command like 'cat /etc/passwd'" };
  if (args.command === 'replay' && args.positional === null) return { ok: false, message: 'replay needs the path of a strace log' };
  if ((args.command === 'verdicts' || args.command === 'surface') && args.format === 'text') args.format = 'csv';
  return ok(args);
}

const ok = (value: CliArgs): Parsed => ({ ok: true, value });
