import { RUNTIME_IDS, findRuntime } from '../sim/runtime/registry.ts';
import { closest } from '../sim/text/closest.ts';
import { parseCliArgs, type CliArgs } from './args.ts';
import { traceCommand } from './trace.ts';
import { verdictsCommand } from './verdicts.ts';
import { replayCommand } from './replay.ts';
import { surfaceCommand } from './surface.ts';
import { compareCommand } from './compare.ts';
import { bootCommand } from './boot.ts';
import { escapesCommand } from './escapes.ts';
import type { RuntimeModel, RuntimeOptions } from '../sim/runtime/types.ts';
import { resolveOptions } from '../sim/runtime/options.ts';

/** What the CLI needs from the outside world; tests pass fakes. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
}

export const USAGE = `isolab — the Isolation Lab, headless

Usage:
  isolab verdicts --runtime R [--format csv|json]   one row per x86_64 syscall
  isolab trace --runtime R 'INPUT' [--json]          a syscall in strace syntax, or a shell command
  isolab replay --runtime R FILE [--json]            what R would do with a real strace log
  isolab surface --runtime R [--format csv|json]     the host syscalls R's workload can reach, and through which process
  isolab compare 'INPUT' --runtimes R1,R2,… [--json] one input under several runtimes: result, hops, kernel, host calls, cost
  isolab boot --runtime R [--json]                   how R starts its sandbox, step by step (kata, firecracker, lightvm)
  isolab runtimes                                    the runtimes, their layers and options
  isolab escapes [--scenario ID] [--json]           escape attacks under every runtime: stopped (by which gate), contained or through

Runtime options go after --runtime (e.g. --platform kvm, --directfs off, --oci-seccomp);
in compare, give them per runtime: --runtimes runc,gvisor,gvisor:platform=kvm

Runtimes: ${RUNTIME_IDS.join(', ')}
Examples:
  isolab trace --runtime runc 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY)'
  isolab trace --runtime runc 'hostname lab'
  isolab trace --runtime gvisor --platform kvm 'cat /etc/hostname'
  isolab compare 'getpid()' --runtimes host,runc,gvisor,gvisor:platform=ptrace
  isolab replay --runtime runc log.strace --json
`;

/** Runs one isolab command; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  // The escape lab takes its own arguments (src/cli/escapes.ts).
  if (argv[0] === 'escapes') return guarded(io, () => escapesCommand(argv.slice(1), io));
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.message);
  const args = parsed.value;
  if (args.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args.command === 'runtimes') return listRuntimes(io);
  if (args.command === 'compare') return guarded(io, () => compareCommand(args, io));
  const runtime = resolveRuntime(args, io);
  if (!runtime) return 2;
  const options = runtimeOptions(runtime, args, io);
  if (!options) return 2;
  return guarded(io, async () => {
    if (args.command === 'verdicts') return verdictsCommand(runtime, options, args, io);
    if (args.command === 'surface') return surfaceCommand(runtime, options, args, io);
    if (args.command === 'boot') return bootCommand(runtime, options, args, io);
    if (args.command === 'trace') return traceCommand(runtime, options, args, io);
    return replayCommand(runtime, args, io);
  });
}

/** Runs a command; a bug comes out as one plain line, without a stack trace. */
async function guarded(io: CliIo, run: () => number | Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    // A bug, not bad input: say so plainly, without a stack trace.
    io.stderr(`isolab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}

/** The runtime's settings from the command line, checked; replay takes none (it uses the runtime's defaults). */
function runtimeOptions(runtime: RuntimeModel, args: CliArgs, io: CliIo): RuntimeOptions | undefined {
  if (args.command === 'replay' && Object.keys(args.options).length) {
    io.stderr(`isolab: replay classifies each call with ${runtime.id}'s default settings; use trace or verdicts with --${Object.keys(args.options)[0] ?? ''}\n`);
    return undefined;
  }
  const r = resolveOptions(runtime, args.options);
  if (r.ok) return r.value;
  io.stderr(`isolab: ${r.message}\n`);
  return undefined;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`isolab: ${message}\nTry 'isolab help'.\n`);
  return 2;
}

function resolveRuntime(args: CliArgs, io: CliIo): RuntimeModel | undefined {
  const runtime = findRuntime(args.runtime);
  if (runtime) return runtime;
  const hint = closest(args.runtime, RUNTIME_IDS);
  const mean = hint.length ? ` (did you mean ${hint[0]}?)` : '';
  io.stderr(`isolab: unknown runtime '${args.runtime}'${mean}; expected one of: ${RUNTIME_IDS.join(', ')}\n`);
  return undefined;
}

function listRuntimes(io: CliIo): number {
  const width = Math.max(...RUNTIME_IDS.map((id) => id.length)) + 2;
  const pad = ' '.repeat(width);
  for (const id of RUNTIME_IDS) {
    const rt = findRuntime(id);
    if (!rt) continue;
    const opts = rt.options.map((o) => `--${o.key} ${o.values.join('|')} (default ${o.default})`);
    io.stdout(`${rt.id.padEnd(width)}${rt.summary}\n${pad}layers: ${rt.layers.map((l) => l.id).join(' → ')}\n${opts.length ? `${pad}options: ${opts.join('; ')}\n` : ''}`);
  }
  return 0;
}
