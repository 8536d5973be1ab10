import { COST } from '../costs.ts';
import { pidNsLevel, pidSeenBy, uidSeenIn } from '../pidView.ts';
import type { SyscallHandler } from './types.ts';
import { caller, done } from './util.ts';

/**
 * getpid, getppid, gettid and the id getters. A pid is read in the caller's own
 * pid namespace; a uid or gid through the caller's user namespace's maps.
 * @see getpid(2), pid_namespaces(7), user_namespaces(7)
 */
export const identityHandlers: Record<string, SyscallHandler> = {
  getpid: {
    execute: (c) => {
      const p = caller(c);
      const pid = pidSeenBy(c.world, p, p);
      const level = pidNsLevel(c.world, p.ns.pid);
      const where = level === 0 ? 'the initial pid namespace' : `pid namespace ${p.ns.pid}, where it is ${pid}; the host knows it as ${p.pid}`;
      return done(c, pid, `task_tgid_vnr(): the caller's pid as seen in ${where}`, { cost: COST.trivial });
    },
  },
  gettid: { execute: (c) => done(c, pidSeenBy(c.world, caller(c), caller(c), 'tid'), "task_pid_vnr(): the thread's own id in the caller's pid namespace", { cost: COST.trivial }) },
  getppid: {
    execute: (c) => {
      const p = caller(c);
      const parent = c.world.procs[p.ppid];
      const ppid = parent ? pidSeenBy(c.world, p, parent) : 0;
      const note = ppid === 0 ? 'The parent lives outside the caller\'s pid namespace, so getppid() returns 0' : `The parent's pid in the caller's pid namespace is ${ppid}`;
      return done(c, ppid, note, { cost: COST.trivial });
    },
  },
  getuid: idGetter('uid'),
  geteuid: idGetter('euid'),
  getgid: idGetter('gid'),
  getegid: idGetter('egid'),
};

function idGetter(field: 'uid' | 'euid' | 'gid' | 'egid'): SyscallHandler {
  const kind = field.includes('u') ? 'uid' : 'gid';
  return {
    execute: (c) => {
      const p = caller(c);
      const id = uidSeenIn(c.world, p.ns.user, p.cred[field], kind);
      const mapped = id === p.cred[field] ? '' : ` (kernel ${kind} ${p.cred[field]} mapped through the caller's user namespace)`;
      return done(c, id, `Reads the caller's ${field} from its credentials${mapped}`, { cost: COST.trivial });
    },
  };
}
