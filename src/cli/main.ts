import { RUNTIME_IDS, findRuntime } from '../sim/runtime/registry.ts';
import { closest } from '../sim/text/closest.ts';
import { parseCliArgs, type CliArgs } from './args.ts';
import { traceCommand } from './trace.ts';
import { verdictsCommand } from './verdicts.ts';
import { replayCommand } from './replay.ts';
import type { RuntimeModel } from '../sim/runtime/types.ts';

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
  isolab runtimes                                    the runtimes and their layers

Runtimes: ${RUNTIME_IDS.join(', ')}
Examples:
  isolab trace --runtime runc 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY)'
  isolab trace --runtime runc 'hostname lab'
  isolab replay --runtime runc log.strace --json
`;

/** Runs one isolab command; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.message);
  const args = parsed.value;
  if (args.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args.command === 'runtimes') return listRuntimes(io);
  const runtime = resolveRuntime(args, io);
  if (!runtime) return 2;
  try {
    if (args.command === 'verdicts') return verdictsCommand(runtime, args, io);
    if (args.command === 'trace') return traceCommand(runtime, args, io);
    return await replayCommand(runtime, args, io);
  } catch (e) {
    // A bug, not bad input: say so plainly, without a stack trace.
    io.stderr(`isolab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
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
  for (const id of RUNTIME_IDS) {
    const rt = findRuntime(id);
    if (!rt) continue;
    io.stdout(`${rt.id.padEnd(8)} ${rt.summary}\n         layers: ${rt.layers.map((l) => l.id).join(' → ')}\n`);
  }
  return 0;
}
