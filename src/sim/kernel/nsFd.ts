import { fail, ok, type SimResult } from '../result.ts';
import { nsLinkText, type NsType } from './namespaces.ts';
import { nsCapable } from './nsCapable.ts';
import { isNsEntry, nsEntryId, nsEntryType, type NsEntry } from './nsOps.ts';
import { procByVisiblePid } from './pidView.ts';
import type { Process } from './process.ts';
import type { World } from './world.ts';

/**
 * /proc/PID/ns/ENTRY as a handle on a namespace. Each entry is a "magic link":
 * readlink() gives `uts:[4026531838]`, and open() does not walk to that text
 * but yields a file of the nsfs filesystem bound to the namespace itself,
 * which setns(2) takes.
 * @see proc_pid_ns(5), fs/proc/namespaces.c proc_ns_get_link(), fs/nsfs.c
 */
const NS_PATH = /^\/proc\/(self|[1-9]\d*)\/ns\/([a-z_]+)$/;

export interface NsPath {
  who: 'self' | number;
  entry: NsEntry;
}

/** The parts of an absolute path of exactly the shape /proc/(self|PID)/ns/ENTRY, else undefined. */
export function parseNsPath(path: string): NsPath | undefined {
  const m = NS_PATH.exec(path);
  if (!m || !m[1] || !m[2] || !isNsEntry(m[2])) return undefined;
  return { who: m[1] === 'self' ? 'self' : Number(m[1]), entry: m[2] };
}

/** What one /proc/PID/ns entry names, for the process looking at it. */
export interface NsLinkRef {
  target: Process;
  entry: NsEntry;
  type: NsType;
  nsId: number;
  /** `uts:[4026531838]`, what readlink() returns. */
  text: string;
}

/**
 * ptrace_may_access(PTRACE_MODE_READ_FSCREDS), which proc_ns_get_link() and
 * proc_ns_readlink() ask, simplified: a process may always look at itself;
 * otherwise its fsuid must be the target's uid, euid and saved uid, or it
 * must hold CAP_SYS_PTRACE in the target's user namespace. Dumpability, the
 * gid match and LSM hooks (Yama does not restrict read mode) are left out.
 * @see ptrace(2) "Ptrace access mode checking", kernel/ptrace.c __ptrace_may_access()
 */
export function mayReadNs(world: World, viewer: Process, target: Process): boolean {
  if (viewer.pid === target.pid) return true;
  const { uid, euid, suid } = target.cred;
  const fsuid = viewer.cred.fsuid;
  return (fsuid === uid && fsuid === euid && fsuid === suid) || nsCapable(world, viewer, target.ns.user, 'CAP_SYS_PTRACE');
}

/**
 * The namespace that `who`'s entry names as `viewer` sees it: `self` is the
 * viewer, a number is a pid in the viewer's pid namespace. ENOENT when the pid
 * is not visible there, EACCES when the ptrace read check refuses.
 */
export function nsLinkRef(world: World, viewer: Process, at: NsPath): SimResult<NsLinkRef> {
  const target = at.who === 'self' ? viewer : procByVisiblePid(world, viewer, at.who);
  if (!target) return fail('ENOENT', `no process ${at.who} is visible in the caller's pid namespace`);
  if (!mayReadNs(world, viewer, target)) {
    return fail('EACCES', `process ${at.who} belongs to another user and the caller lacks CAP_SYS_PTRACE over it (ptrace read-access check)`);
  }
  const type = nsEntryType(at.entry);
  const nsId = nsEntryId(target, at.entry);
  return ok({ target, entry: at.entry, type, nsId, text: nsLinkText(type, nsId) });
}
