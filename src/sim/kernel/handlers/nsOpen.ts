import type { SimResult } from '../../result.ts';
import { resolve } from '../../vfs/resolve.ts';
import { COST } from '../costs.ts';
import { hasEffective } from '../credentials.ts';
import { nsLinkRef, parseNsPath, type NsLinkRef } from '../nsFd.ts';
import { lowestFreeFd, type OpenFile } from '../process.ts';
import type { PathArg } from './pathArgs.ts';
import type { CallContext, CheckResult, ExecResult } from './types.ts';
import { caller, deny, done, failed, pass, withProc } from './util.ts';

/**
 * open() of /proc/PID/ns/ENTRY: the walk reaches the magic link, and instead
 * of following its text the kernel hands back an nsfs file bound to the
 * namespace (proc_ns_get_link()), after a ptrace read-access check on the
 * process. The fd is what setns(2) takes.
 * @see proc_pid_ns(5), fs/proc/namespaces.c, fs/nsfs.c
 */
const O_NOFOLLOW = 0x20000;
const O_CLOEXEC = 0x80000;

/**
 * For a path of exactly the shape /proc/(self|PID)/ns/ENTRY that the VFS walk
 * finds to be procfs's magic link, the namespace it names; undefined for any
 * other path, which the VFS handles as usual.
 */
export function nsAtPath(c: CallContext, at: PathArg): SimResult<NsLinkRef> | undefined {
  const shape = parseNsPath(at.path);
  if (!shape) return undefined;
  const walk = resolve(at.env, at.ctx, at.path, { follow: false });
  if (!walk.ok) return walk;
  if (walk.value.node.kind !== 'symlink' || !walk.value.node.synthetic) return undefined;
  const ref = nsLinkRef(c.world, caller(c), shape);
  return ref.ok && walk.value.node.target !== ref.value.text ? undefined : ref;
}

/** nsfs inodes are mode 0444: opening one for writing needs CAP_DAC_OVERRIDE (fs/nsfs.c ns_get_inode()). */
function writeRefused(c: CallContext, flags: number): boolean {
  return (flags & 3) !== 0 && !hasEffective(caller(c).cred, 'CAP_DAC_OVERRIDE');
}

/** The open's VFS check for a namespace link, or undefined when the path is not one (O_NOFOLLOW: the VFS refuses the link). */
export function nsOpenCheck(c: CallContext, at: PathArg, flags: number): CheckResult | undefined {
  if (flags & O_NOFOLLOW) return undefined;
  const r = nsAtPath(c, at);
  if (!r) return undefined;
  if (!r.ok) return deny(r.errno, `Path walk of "${at.path}": ${r.reason}`, `vfs: ${r.reason}`);
  if (writeRefused(c, flags)) return deny('EACCES', `${r.value.text} is an nsfs file of mode 0444 and the caller lacks CAP_DAC_OVERRIDE to open it for writing`, 'vfs: nsfs files are read-only');
  const whose = r.value.target.pid === c.pid ? 'its own' : `process ${r.value.target.pid}'s`;
  return pass(`Path walk of "${at.path}" reaches a magic link to ${r.value.text}; the caller may read ${whose} namespaces (the lab's ptrace check: same uid or CAP_SYS_PTRACE)`);
}

/** The open's work for a namespace link: an fd bound to the namespace, or undefined when the path is not one. */
export function nsOpenExecute(c: CallContext, at: PathArg, flags: number): ExecResult | undefined {
  if (flags & O_NOFOLLOW) return undefined;
  const r = nsAtPath(c, at);
  if (!r) return undefined;
  if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
  if (writeRefused(c, flags)) return failed(c, 'EACCES', `${r.value.text} is read-only`, 'vfs: nsfs files are read-only');
  const p = caller(c);
  const fd = lowestFreeFd(p.fds);
  const file: OpenFile = { path: r.value.text, kind: 'nsfd', nsId: r.value.nsId, flags, offset: 0, cloexec: (flags & O_CLOEXEC) !== 0 };
  const world = withProc(c.world, { ...p, fds: { ...p.fds, [fd]: file } });
  const note = `proc_ns_get_link() swaps the link for the nsfs file of ${r.value.text}; fd ${fd} now holds that namespace (what setns takes)`;
  return done(c, fd, note, { world, cost: { ns: COST.openClose.ns / 2, source: COST.openClose.source } });
}
