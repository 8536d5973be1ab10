import { reap } from '../reap.ts';
import { COST } from '../costs.ts';
import { nsCapable } from '../nsCapable.ts';
import { procByVisiblePid } from '../pidView.ts';
import type { Process } from '../process.ts';
import type { World } from '../world.ts';
import { SIGNALS } from '../signals.ts';
import type { SyscallHandler } from './types.ts';
import { caller, deny, done, num, pass } from './util.ts';

/**
 * exit_group and kill: a process ends, and its cgroup forgets it.
 * @see exit_group(2), kill(2), kernel/signal.c kill_ok_by_cred()
 */

/** Signals that end a process by default (signal(7), "Term" and "Core" dispositions). */
const FATAL = new Set(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGABRT', 'SIGSEGV', 'SIGUSR1', 'SIGUSR2', 'SIGALRM', 'SIGPIPE', 'SIGSYS']);

const exitProcess: SyscallHandler = {
  execute: (c) => {
    const code = num(c, 0) ?? 0;
    const p = caller(c);
    return done(c, 0, `Process ${p.pid} exits with status ${code}; its memory and its pids charge go back to its cgroup`, {
      world: reap(c.world, p), terminated: `+++ exited with ${code} +++`, cost: COST.generic,
    });
  },
};

export const lifecycleHandlers: Record<string, SyscallHandler> = {
  exit_group: exitProcess,
  // exit(2) ends only the calling thread, but the last thread out ends the
  // thread group (kernel/exit.c do_exit); the lab models one thread per
  // process, so exit never returns either: strace prints `exit(0) = ?`.
  exit: exitProcess,
  kill: {
    checks: {
      namespaces: (c) => {
        const pid = num(c, 0) ?? 0;
        if (pid <= 0) return pass('A pid of 0 or less signals a process group; the lab resolves only single pids');
        const target = procByVisiblePid(c.world, caller(c), pid);
        return target
          ? pass(`Pid ${pid} in the caller's pid namespace is process ${target.pid} on the host`)
          : deny('ESRCH', `No process ${pid} is visible from the caller's pid namespace`, `namespaces: no pid ${pid} in this pid namespace`);
      },
      capabilities: (c) => {
        const p = caller(c);
        const target = procByVisiblePid(c.world, p, num(c, 0) ?? 0);
        if (!target) return null;
        if (p.cred.euid === 0 || p.cred.euid === target.cred.uid || p.cred.uid === target.cred.uid) {
          return pass('The sender\'s uid matches the target\'s, so no capability is needed');
        }
        return nsCapable(c.world, p, target.ns.user, 'CAP_KILL')
          ? pass('The sender holds CAP_KILL over the target\'s user namespace')
          : deny('EPERM', 'Different uid and no CAP_KILL: the kernel refuses the signal', 'capabilities: kill needs the same uid or CAP_KILL');
      },
    },
    execute: (c) => {
      const sig = num(c, 1) ?? 15;
      const name = SIGNALS[sig] ?? `signal ${sig}`;
      const target = procByVisiblePid(c.world, caller(c), num(c, 0) ?? 0);
      if (!target) return done(c, 0, 'The signal is queued', { simplified: true });
      if (sig === 0) return done(c, 0, 'Signal 0 only checks that the process exists and may be signalled');
      if (target.pid === c.pid && FATAL.has(name)) return done(c, 0, `The caller sends itself ${name} and dies`, { world: reap(c.world, target), terminated: `+++ killed by ${name} +++` });
      if (!FATAL.has(name)) return done(c, 0, `Queues ${name} for process ${target.pid}; its default action does not end it`);
      if (isProtectedInit(c.world, caller(c), target, name)) {
        return done(c, 0, `Process ${target.pid} is the init of its pid namespace and has no handler for ${name}, so the kernel drops the signal; kill() still returns 0`);
      }
      return done(c, 0, `Delivers ${name} to process ${target.pid}, which dies`, { world: reap(c.world, target) });
    },
  },
};

/**
 * An init (pid 1 of its namespace) gets only the signals it has a handler for,
 * except SIGKILL and SIGSTOP sent from an ancestor namespace; the host's init
 * gets neither (pid_namespaces(7), kernel/signal.c sig_task_ignored()).
 */
function isProtectedInit(world: World, sender: Process, target: Process, sig: string): boolean {
  if (target.nsPids[target.nsPids.length - 1] !== 1) return false;
  if (target.nsPids.length === 1) return true;
  const fromAncestor = sender.nsPids.length < target.nsPids.length && world.procs[target.pid] !== undefined;
  return !(fromAncestor && (sig === 'SIGKILL' || sig === 'SIGSTOP'));
}
