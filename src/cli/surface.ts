import type { RuntimeModel, RuntimeOptions } from '../sim/runtime/types.ts';
import { kernelFunctionCounts } from '../sim/compare/kernelFunctions.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';

/**
 * `isolab surface`: the host syscalls the runtime's workload can reach, one
 * row each, with the host processes that make them; the JSON form adds the
 * published counts of host kernel functions reached, where they exist.
 */
export function surfaceCommand(runtime: RuntimeModel, options: RuntimeOptions, args: CliArgs, io: CliIo): number {
  const rows = runtime.surface(options);
  const processes = [...new Set(rows.flatMap((r) => r.processes))];
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ runtime: runtime.id, options, count: rows.length, processes, kernelFunctions: kernelFunctionCounts(runtime.id, options), syscalls: rows }, null, 2)}\n`);
    return 0;
  }
  const lines = ['number,name,kind,arg_filtered,processes', ...rows.map((r) => `${r.number},${r.name},${r.kind ?? 'syscall'},${r.argFiltered ? 'yes' : 'no'},${csvField(r.processes.join('; '))}`)];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
