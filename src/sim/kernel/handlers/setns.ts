import { fail, ok, type SimResult } from '../../result.ts';
import { NS_CLONE_FLAG, NS_FLAG_NAME, nsLinkText, type Namespace } from '../namespaces.ts';
import { inUserNs } from '../nsCapable.ts';
import { canEnterPidNs, installNamespace, isOwnUserNs, missingInstallCap, type InstallNeed } from '../nsInstall.ts';
import type { World } from '../world.ts';
import type { CallContext, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, withProc } from './util.ts';

/**
 * setns(fd, nstype): moves the caller into the namespace an fd from
 * /proc/PID/ns/* refers to, as `nsenter -t PID` does. The fd is checked first
 * (EBADF; EINVAL if it is no namespace fd or nstype names another type), then
 * the type's install() checks capabilities and does the move. A pidfd
 * (setns on several types at once) is not modelled: it counts as "not a
 * namespace fd".
 * @see setns(2), kernel/nsproxy.c SYSCALL_DEFINE2(setns), nsInstall.ts
 */
interface Target { fd: number; ns: Namespace }

function targetOf(c: CallContext): SimResult<Target> {
  const fd = num(c, 0) ?? -1;
  const nstype = num(c, 1) ?? 0;
  const f = caller(c).fds[fd];
  if (!f) return fail('EBADF', `fd ${fd} is not open in this process`);
  const ns = f.kind === 'nsfd' && f.nsId !== undefined ? c.world.namespaces[f.nsId] : undefined;
  if (!ns) return fail('EINVAL', `fd ${fd} (${f.path}) is not a namespace fd from /proc/PID/ns (pidfds are not modelled)`);
  if (nstype !== 0 && NS_CLONE_FLAG[ns.type] !== nstype) {
    return fail('EINVAL', `fd ${fd} refers to ${nsLinkText(ns.type, ns.id)}, but nstype asks for ${nstypeName(nstype)}`);
  }
  return ok({ fd, ns });
}

function nstypeName(nstype: number): string {
  const entry = Object.entries(NS_CLONE_FLAG).find(([, flag]) => flag === nstype);
  return entry ? NS_FLAG_NAME[entry[0] as Namespace['type']] : `0x${nstype.toString(16)}`;
}

function needText(world: World, n: InstallNeed): string {
  const where = inUserNs(world, n.userNs);
  const role = { target: 'the target user namespace', owner: 'the one that owns the target', caller: "the caller's own" }[n.whose];
  return `${n.cap} in ${where} (${role})`;
}

export const setnsHandler: SyscallHandler = {
  checks: {
    namespaces: (c) => {
      const t = targetOf(c);
      if (!t.ok) return deny(t.errno, t.reason, `namespaces: ${t.reason}`);
      const { fd, ns } = t.value;
      if (isOwnUserNs(caller(c), ns)) return deny('EINVAL', `The caller is already in ${nsLinkText('user', ns.id)}; re-entering it would regain capabilities`, 'namespaces: setns into the caller\'s own user namespace');
      return pass(`fd ${fd} is an nsfs file: it refers to ${nsLinkText(ns.type, ns.id)}, whose type matches nstype`);
    },
    capabilities: (c) => {
      const t = targetOf(c);
      if (!t.ok) return null;
      const missing = missingInstallCap(c.world, caller(c), t.value.ns);
      const type = t.value.ns.type;
      if (missing) return deny('EPERM', `${type}ns_install() wants ${needText(c.world, missing)}, and the caller lacks it`, `capabilities: setns into a ${type} namespace needs ${missing.cap} in ${inUserNs(c.world, missing.userNs)}`);
      return pass(type === 'user' ? 'The caller holds CAP_SYS_ADMIN in the target user namespace' : `The caller holds ${type === 'mnt' ? 'CAP_SYS_ADMIN and CAP_SYS_CHROOT' : 'CAP_SYS_ADMIN'} over the target and in its own user namespace`);
    },
  },
  execute: (c) => {
    const t = targetOf(c);
    if (!t.ok) return failed(c, t.errno, t.reason, `namespaces: ${t.reason}`);
    const p = caller(c);
    const { ns } = t.value;
    if (!canEnterPidNs(c.world, p, ns)) return failed(c, 'EINVAL', `${nsLinkText('pid', ns.id)} is neither the caller's pid namespace nor below it`, 'namespaces: setns may only move down the pid namespace tree');
    const moved = installNamespace(p, ns);
    return done(c, 0, `${ns.type}ns_install() switches the caller to ${nsLinkText(ns.type, ns.id)}${EFFECT[ns.type] ?? ''}`, { world: withProc(c.world, moved) });
  },
};

const EFFECT: Partial<Record<Namespace['type'], string>> = {
  pid: '; only for its children: the caller keeps its own pid, and its next child is born there',
  time: ', for itself and its future children',
  mnt: '; its root and working directory move to that namespace\'s root',
  user: '; it holds every capability there, none outside',
};
