import { replayLog } from '../sim/strace/replay.ts';
import type { RuntimeModel } from '../sim/runtime/types.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import { formatReplayText, replayJson } from './replayText.ts';

/** `isolab replay`: what the runtime would do with every call of a real strace log. */
export async function replayCommand(runtime: RuntimeModel, args: CliArgs, io: CliIo): Promise<number> {
  const path = args.positional ?? '';
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.stderr(`isolab: cannot read '${path}'${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}\n`);
    return 1;
  }
  const report = replayLog(text, runtime.classify, runtime.argDependent);
  if (args.format === 'json') io.stdout(`${JSON.stringify({ runtime: runtime.id, file: path, ...replayJson(report) }, null, 2)}\n`);
  else io.stdout(formatReplayText(runtime.id, path, report));
  return 0;
}
