import { errnoMessage } from '../sim/errno.ts';
import type { Session } from '../sim/runtime/types.ts';
import type { Command, Reply, Step } from '../sim/shell/program.ts';
import { burnCpu } from '../sim/kernel/cpuBridge.ts';
import type { CommandLine } from '../sim/shell/tokenize.ts';
import { redirectIn, redirectOut, TERMINAL } from '../sim/shell/redirect.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { InputRun } from './runInput.ts';
import { runSessionCall } from './runtimeCall.ts';

/** The most calls one command may make before the lab stops it (a runaway loop, not a real limit). */
export const MAX_CALLS_PER_COMMAND = 5000;

/**
 * Runs a shell command's program: each call it yields goes through the
 * kernel's dispatch machine, and the reply goes back to the program. Writes
 * to fds that are the terminal become the command's stdout and stderr. A
 * redirect `> FILE` is done as bash does it for a builtin: save fd 1, open the
 * file onto it, run, put fd 1 back.
 */
export function runCommand(session: Session, command: Command, line: CommandLine): InputRun {
  const out: InputRun = { session, calls: [], stdout: '', stderr: '', status: 0 };
  const step = (item: Step): Reply => {
    if ('type' in item) {
      const burned = burnCpu(out.session.world, out.session.pid, item.wallUsec);
      out.session = { ...out.session, world: burned.world };
      return { retval: burned.grantedUsec, errno: null };
    }
    const call = item;
    const run = runSessionCall(out.session, call);
    out.calls.push(run.trace);
    if (run.terminated !== null || !run.world.procs[out.session.pid]) {
      // The world keeps the record of the death (dmesg, memory.events); the terminal's process is gone.
      out.session = { ...out.session, world: run.world };
      out.status = 137;
      return { retval: null, errno: null };
    }
    capture(out, run.world, call, run.trace);
    out.session = { ...out.session, world: run.world };
    return { retval: run.trace.retval, errno: run.trace.errno, data: run.data };
  };
  const alive = () => out.session.world.procs[out.session.pid] !== undefined && out.status !== 137;
  if (line.redirect && !drive(redirectOut(line.redirect.path, line.redirect.append), step, alive)) {
    const errno = [...out.calls].reverse().find((c) => c.errno)?.errno;
    out.stderr += `sh: 1: cannot create ${line.redirect.path}: ${errno ? errnoMessage(errno) : 'failed'}\n`;
    out.status = 2;
    return out;
  }
  // The lab runs a command in the shell's own process, under the command's name, instead of fork + execve + wait4.
  const shellComm = renamed(out, line.argv[0] ?? 'sh');
  const status = drive(command(line.argv, { cwd: '/' }), step, alive, true);
  renamed(out, shellComm);
  if (line.redirect) drive(redirectIn(), step, alive);
  if (out.status !== 137) out.status = typeof status === 'number' ? status : 0;
  return out;
}

/** Steps a generator to its end; returns its value, or false when a call failed it (for redirects) or the process died. */
function drive(program: Generator<Step, unknown, Reply>, step: (c: Step) => Reply, alive: () => boolean, value = false): number | boolean {
  let next = program.next({ retval: 0, errno: null });
  for (let i = 0; !next.done; i++) {
    if (i >= MAX_CALLS_PER_COMMAND || !alive()) return value ? 1 : false;
    next = program.next(step(next.value));
  }
  if (value) return typeof next.value === 'number' ? next.value : 0;
  return next.value !== false;
}

function capture(out: InputRun, world: Session['world'], call: SyscallCall, trace: CallTrace): void {
  if (call.name !== 'write' || trace.errno) return;
  const fd = call.args[0]?.type === 'number' ? call.args[0].value : -1;
  const data = call.args[1]?.type === 'string' ? call.args[1].value : '';
  if (world.procs[out.session.pid]?.fds[fd]?.path !== TERMINAL) return;
  if (fd === 1) out.stdout += data;
  else if (fd === 2) out.stderr += data;
}

/** Gives the session's process a new comm (the name /proc and the hops show); returns the old one. */
function renamed(out: InputRun, comm: string): string {
  const p = out.session.world.procs[out.session.pid];
  if (!p) return comm;
  out.session = { ...out.session, world: { ...out.session.world, procs: { ...out.session.world.procs, [p.pid]: { ...p, comm } } } };
  return p.comm;
}
