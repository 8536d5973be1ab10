import type { RuntimeModel, RuntimeOptions } from '../sim/runtime/types.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';

/** `isolab verdicts`: one row per x86_64 syscall, as CSV (header fixed) or JSON. */
export function verdictsCommand(runtime: RuntimeModel, options: RuntimeOptions, args: CliArgs, io: CliIo): number {
  const rows = runtime.verdicts(options);
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ runtime: runtime.id, options, verdicts: rows.map((r) => ({ number: r.number, name: r.name, verdict: r.verdict, errno: r.errno, handled_by: r.handledBy })) }, null, 2)}\n`);
    return 0;
  }
  const lines = ['number,name,verdict,errno,handled_by', ...rows.map((r) => `${r.number},${r.name},${r.verdict},${r.errno ?? ''},${r.handledBy}`)];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
