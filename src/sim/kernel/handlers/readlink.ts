import { ok, type SimResult } from '../../result.ts';
import { readlink as vfsReadlink } from '../../vfs/attrOps.ts';
import { nsAtPath } from './nsOpen.ts';
import { isPathArg, pathArg, type PathArg } from './pathArgs.ts';
import type { CallContext, SyscallHandler } from './types.ts';
import { deny, done, failed, num, pass, quote } from './util.ts';

/**
 * readlink and readlinkat: the text of a symlink, cut to the buffer's size
 * and not NUL-terminated. For /proc/PID/ns/ENTRY it is the namespace's name,
 * `uts:[4026531838]`, after the same ptrace read-access check as open().
 * @see readlink(2), fs/stat.c do_readlinkat(), fs/proc/namespaces.c proc_ns_readlink()
 */
function linkText(c: CallContext, at: PathArg): SimResult<string> {
  const ns = nsAtPath(c, at);
  if (ns) return ns.ok ? ok(ns.value.text) : ns;
  return vfsReadlink(at.env, at.ctx, at.path);
}

function readlinkOf(pathIdx: number, dirIdx: number | null): SyscallHandler {
  const bufsiz = (c: CallContext) => num(c, pathIdx + 2) ?? 4096;
  return {
    checks: {
      vfs: (c) => {
        if (bufsiz(c) <= 0) return deny('EINVAL', `A buffer of ${bufsiz(c)} bytes cannot hold any of the link`, 'vfs: readlink needs a positive bufsiz');
        const at = pathArg(c, pathIdx, dirIdx);
        if (!isPathArg(at)) return deny(at.error, 'The path or directory fd argument is bad', `vfs: bad path argument (${at.error})`);
        const r = linkText(c, at);
        return r.ok ? pass(`Path walk of "${at.path}" stops at the link itself`) : deny(r.errno, `Path walk of "${at.path}": ${r.reason}`, `vfs: ${r.reason}`);
      },
    },
    execute: (c) => {
      const at = pathArg(c, pathIdx, dirIdx);
      if (!isPathArg(at)) return failed(c, at.error, 'Bad path argument', 'vfs: bad path argument');
      const r = linkText(c, at);
      if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
      const text = r.value.slice(0, Math.max(0, bufsiz(c)));
      const cut = text.length < r.value.length ? ` (cut to the ${text.length}-byte buffer)` : '';
      return done(c, text.length, `Copies the link's text "${text}" to the buffer${cut}, without a NUL`, { data: text, outArgs: { [pathIdx + 1]: quote(text) } });
    },
  };
}

export const readlinkHandlers: Record<string, SyscallHandler> = {
  readlink: readlinkOf(0, null),
  readlinkat: readlinkOf(1, 0),
};
