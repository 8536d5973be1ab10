import { nsCapable, inUserNs } from '../nsCapable.ts';
import { procByVisiblePid } from '../pidView.ts';
import type { Process } from '../process.ts';
import type { CallContext, CheckResult, SyscallHandler } from './types.ts';
import { caller, deny, done, num, pass } from './util.ts';

/**
 * ptrace(PTRACE_ATTACH/PTRACE_SEIZE), process_vm_readv/writev: reaching into
 * another process needs ptrace_may_access(): the same uid and gid as the
 * target (and a dumpable target), or CAP_SYS_PTRACE in the target's user
 * namespace. The Yama LSM's ptrace_scope is taken as 0, Debian's default.
 * @see ptrace(2) "Ptrace access mode checking", kernel/ptrace.c __ptrace_may_access()
 */
const PTRACE_TRACEME = 0;
const TARGETLESS = new Set([PTRACE_TRACEME]);

function targetOf(c: CallContext): { pidIdx: number; target: Process | undefined; pid: number } {
  const pidIdx = c.call.name === 'ptrace' ? 1 : 0;
  const pid = num(c, pidIdx) ?? -1;
  return { pidIdx, pid, target: procByVisiblePid(c.world, caller(c), pid) };
}

const sameCreds = (a: Process, b: Process) =>
  a.cred.uid === b.cred.euid && a.cred.uid === b.cred.suid && a.cred.uid === b.cred.uid
  && a.cred.gid === b.cred.egid && a.cred.gid === b.cred.sgid && a.cred.gid === b.cred.gid;

function accessCheck(c: CallContext): CheckResult | null {
  if (c.call.name === 'ptrace' && TARGETLESS.has(num(c, 0) ?? -1)) return null;
  const { target } = targetOf(c);
  const p = caller(c);
  if (!target) return null;
  if (target.tgid === p.tgid) return deny('EPERM', 'A process cannot attach to its own thread group', 'capabilities: ptrace of itself');
  if (sameCreds(p, target)) return pass(`Same uid and gid as process ${target.pid}: ptrace_may_access() allows it without a capability`);
  const where = inUserNs(c.world, target.ns.user);
  return nsCapable(c.world, p, target.ns.user, 'CAP_SYS_PTRACE')
    ? pass(`The caller holds CAP_SYS_PTRACE in ${where}, the target's`)
    : deny('EPERM', `Different credentials, and no CAP_SYS_PTRACE in ${where}`, 'capabilities: ptrace needs the same uid or CAP_SYS_PTRACE');
}

function findCheck(c: CallContext): CheckResult | null {
  if (c.call.name === 'ptrace' && TARGETLESS.has(num(c, 0) ?? -1)) return null;
  const { target, pid } = targetOf(c);
  return target
    ? pass(`Pid ${pid} in the caller's pid namespace is process ${target.pid} on the host`)
    : deny('ESRCH', `No process ${pid} is visible from the caller's pid namespace`, `namespaces: no pid ${pid} in this pid namespace`);
}

const handler: SyscallHandler = {
  checks: { namespaces: findCheck, capabilities: accessCheck },
  execute: (c) => {
    if (c.call.name === 'ptrace' && num(c, 0) === PTRACE_TRACEME) return done(c, 0, 'The caller asks its parent to trace it', { simplified: true });
    const { target } = targetOf(c);
    const what = c.call.name === 'ptrace' ? `now traces process ${target?.pid}: it can stop it, read and write its registers and memory` : `reads or writes the memory of process ${target?.pid}`;
    return done(c, 0, `The caller ${what}`, { simplified: true });
  },
};

export const ptraceHandlers: Record<string, SyscallHandler> = { ptrace: handler, process_vm_readv: handler, process_vm_writev: handler };
