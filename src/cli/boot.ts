import type { RuntimeModel, RuntimeOptions } from '../sim/runtime/types.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';

/** `isolab boot`: how the runtime starts its sandbox, step by step, with the published figures where there are any. */
export function bootCommand(runtime: RuntimeModel, options: RuntimeOptions, args: CliArgs, io: CliIo): number {
  const steps = runtime.bootSteps?.(options);
  if (!steps) {
    io.stderr(`isolab: the lab does not model ${runtime.id}'s start-up step by step; runtimes that it does: ${'kata, firecracker, lightvm'}\n`);
    return 1;
  }
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ runtime: runtime.id, options, steps }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...steps.map((s) => s.by.length));
  for (const [i, s] of steps.entries()) {
    const calls = s.calls?.length ? `  [${s.calls.join(', ')}]` : '';
    const figure = s.figure ? `\n${' '.repeat(width + 6)}${s.figure.ms} ms: ${s.figure.note ?? ''} [${s.figure.id}]` : '';
    io.stdout(`${String(i + 1).padStart(2)}. ${s.by.padEnd(width)}  ${s.what}${calls}${figure}\n`);
  }
  return 0;
}
