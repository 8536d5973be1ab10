import { parseCall } from '../../../src/sim/strace/callParser.ts';
import type { Session } from '../../../src/sim/runtime/types.ts';
import type { SyscallCall } from '../../../src/sim/syscalls/args.ts';
import type { CallRun } from '../../../src/machines/runCall.ts';

/** Test helpers: strace lines run one after another through a runtime's runner (each sees the world the last left). */

export function syscall(text: string): SyscallCall {
  const parsed = parseCall(text);
  if (!parsed.ok) throw new Error(`'${text}': ${parsed.message}`);
  return { name: parsed.value.name, args: parsed.value.args };
}

export function runLines(session: Session, runner: (s: Session, c: SyscallCall) => CallRun, ...lines: string[]): { session: Session; runs: CallRun[] } {
  let current = session;
  const runs: CallRun[] = [];
  for (const line of lines) {
    const run = runner(current, syscall(line));
    runs.push(run);
    current = { ...current, world: run.world };
  }
  return { session: current, runs };
}

/** The last run of a sequence. */
export function lastRun(session: Session, runner: (s: Session, c: SyscallCall) => CallRun, ...lines: string[]): CallRun {
  const { runs } = runLines(session, runner, ...lines);
  const last = runs[runs.length - 1];
  if (!last) throw new Error('no lines');
  return last;
}

export const OPEN_PASSWD = 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY)';
export const SEND_DNS = 'sendto(3, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16)';
