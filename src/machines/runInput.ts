import { parseCall } from '../sim/strace/callParser.ts';
import { syscallByName } from '../sim/syscalls/catalogue.ts';
import { suggestSyscall } from '../sim/syscalls/suggestSyscall.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import { withLabels } from '../sim/syscalls/abiOrder.ts';
import type { Session } from '../sim/runtime/types.ts';
import type { CallTrace } from '../sim/trace.ts';
import { COMMANDS } from '../sim/shell/commands/index.ts';
import { tokenize } from '../sim/shell/tokenize.ts';
import { closest } from '../sim/text/closest.ts';
import { runSessionCall } from './runtimeCall.ts';
import { runCommand } from './runCommand.ts';
import { inputProblemText, type InputProblem } from './inputProblem.ts';
import { straceSyntaxText } from '../sim/strace/syntaxProblem.ts';

/** What one line of input did. */
export interface InputRun {
  session: Session;
  calls: CallTrace[];
  stdout: string;
  stderr: string;
  /** The command's exit status (a bare syscall: 0, or 1 when it failed). */
  status: number;
}

/** `problem`: the refusal as data, for the page's language (absent: a command's own English). */
export type InputResult = { ok: true; value: InputRun } | { ok: false; message: string; column?: number; problem?: InputProblem };

const refuse = (problem: InputProblem, column?: number): InputResult => ({ ok: false, message: inputProblemText(problem, straceSyntaxText), ...(column === undefined ? {} : { column }), problem });

const looksLikeSyscall = (text: string) => /^\s*[A-Za-z_][A-Za-z0-9_]*\s*\(/.test(text);

/**
 * Runs one line a person typed: a syscall in strace syntax, or a shell command
 * that expands into the syscalls the real program makes. Bad input comes back
 * as a message (with the column, where there is one), never as an exception.
 */
export function runInput(session: Session, text: string): InputResult {
  if (!session.world.procs[session.pid]) return refuse({ type: 'ended', pid: session.pid });
  if (!text.trim()) return refuse({ type: 'empty' });
  if (looksLikeSyscall(text)) return runSyscallText(session, text);
  const line = tokenize(text);
  if (!line.ok) return refuse({ type: 'shell', problem: line.problem }, line.column);
  const [name] = line.value.argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!name || !command) {
    const hint = name ? closest(name, Object.keys(COMMANDS)) : [];
    return refuse({ type: 'unknown-command', name: name ?? '', hint, syscall: Boolean(name && syscallByName(name)) }, 1);
  }
  return { ok: true, value: runCommand(session, command.run, line.value) };
}

function runSyscallText(session: Session, text: string): InputResult {
  const parsed = parseCall(text);
  if (!parsed.ok) return refuse({ type: 'syntax', problem: parsed.problem }, parsed.column);
  const { name, args, labels } = parsed.value;
  if (!syscallByName(name)) {
    const hint = suggestSyscall(name);
    return refuse({ type: 'unknown-syscall', name, hint }, text.indexOf(name) + 1);
  }
  // Keep strace's `name=` labels in the text so the line prints as it was typed.
  const call: SyscallCall = { name, args: withLabels(args, labels) };
  const run = runSessionCall(session, call);
  const status = run.terminated ? 137 : run.trace.errno ? 1 : 0;
  return { ok: true, value: { session: { ...session, world: run.world }, calls: [run.trace], stdout: '', stderr: '', status } };
}
