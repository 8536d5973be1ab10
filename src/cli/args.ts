/** isolab's command line, parsed without a library so every error says exactly what was wrong. */
export interface CliArgs {
  command: 'verdicts' | 'trace' | 'replay' | 'runtimes' | 'help';
  runtime: string;
  format: 'text' | 'csv' | 'json';
  /** The trace input or the replay file. */
  positional: string | null;
  /** `docker run`'s resource flags for the runc container: --memory, --cpus, --pids-limit. */
  resources: { memory?: string; cpus?: string; pidsLimit?: string };
}

type Parsed = { ok: true; value: CliArgs } | { ok: false; message: string };

const COMMANDS = ['verdicts', 'trace', 'replay', 'runtimes', 'help'] as const;

const RESOURCE_FLAGS: Record<string, keyof CliArgs['resources']> = { '--memory': 'memory', '-m': 'memory', '--cpus': 'cpus', '--pids-limit': 'pidsLimit' };

export function parseCliArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return ok({ command: 'help', runtime: '', format: 'text', positional: null, resources: {} });
  if (!(COMMANDS as readonly string[]).includes(command)) return { ok: false, message: `unknown command '${command}'; expected one of: ${COMMANDS.join(', ')}` };
  const args: CliArgs = { command: command as CliArgs['command'], runtime: '', format: command === 'verdicts' ? 'csv' : 'text', positional: null, resources: {} };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    const step = option(args, a, rest[i + 1]);
    if (step === 'error') return { ok: false, message: `${a} needs a value` };
    if (typeof step === 'string') return { ok: false, message: step };
    i += step;
  }
  return validate(args);
}

/** Applies one option; returns how many extra words it took, or an error message. */
function option(args: CliArgs, a: string, next: string | undefined): number | string | 'error' {
  const [key, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  const value = inline ?? next;
  const used = inline === undefined ? 1 : 0;
  if (key === '--runtime' || key === '-r') {
    if (value === undefined) return 'error';
    args.runtime = value;
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
  if (key.startsWith('-') && key.length > 1) return `unknown option '${key}'`;
  if (args.positional !== null) return `unexpected extra argument '${a}' (quote the whole input: isolab trace --runtime runc 'cat /etc/passwd')`;
  args.positional = a;
  return 0;
}

function validate(args: CliArgs): Parsed {
  if (args.command === 'runtimes' || args.command === 'help') return ok(args);
  if (!args.runtime) return { ok: false, message: `${args.command} needs --runtime (host or runc)` };
  if (args.command === 'trace' && args.positional === null) return { ok: false, message: "trace needs an input: a syscall like 'getpid()' or a command like 'cat /etc/passwd'" };
  if (args.command === 'replay' && args.positional === null) return { ok: false, message: 'replay needs the path of a strace log' };
  if (args.command === 'verdicts' && args.format === 'text') args.format = 'csv';
  return ok(args);
}

const ok = (value: CliArgs): Parsed => ({ ok: true, value });
