import { chmod as vfsChmod, chown as vfsChown } from '../../vfs/attrOps.ts';
import { applyPending, withVfs } from '../vfsBridge.ts';
import { isPathArg, nowSeconds, pathArg } from './pathArgs.ts';
import type { CallContext, SyscallHandler } from './types.ts';
import { deny, done, failed, num, pass } from './util.ts';

/**
 * chown, lchown, fchownat, chmod and fchmodat by path: the VFS's rules
 * (attrOps.ts) decide, with the caller's credentials. Changing a file's owner
 * needs CAP_CHOWN — root without it (`docker run --cap-drop ALL`) cannot —
 * and in a user namespace the capability counts only for files whose owner
 * is mapped there.
 * @see chown(2), chmod(2), fs/open.c chown_common, chmod_common
 */
const AT_SYMLINK_NOFOLLOW = 0x100;

type Change = { ok: true; store: Parameters<typeof withVfs>[1]; ctx: Parameters<typeof applyPending>[1]; path: string; what: string } | { ok: false; errno: Parameters<typeof failed>[1]; reason: string };

function change(c: CallContext): Change {
  const name = c.call.name;
  const at = name === 'fchownat' || name === 'fchmodat' ? 1 : 0;
  const p = pathArg(c, at, at === 1 ? 0 : null);
  if (!isPathArg(p)) return { ok: false, errno: p.error, reason: 'bad path argument' };
  if (name.includes('chmod')) {
    const mode = num(c, at + 1) ?? 0;
    const r = vfsChmod(p.env, p.ctx, p.path, mode, nowSeconds(c));
    return r.ok ? { ok: true, store: r.value, ctx: p.ctx, path: p.path, what: `mode ${(mode & 0o7777).toString(8).padStart(4, '0')}` } : r;
  }
  const uid = toId(num(c, at + 1));
  const gid = toId(num(c, at + 2));
  const follow = name === 'chown' || (name === 'fchownat' && ((num(c, 4) ?? 0) & AT_SYMLINK_NOFOLLOW) === 0);
  const r = vfsChown(p.env, p.ctx, p.path, uid, gid, { follow });
  return r.ok ? { ok: true, store: r.value, ctx: p.ctx, path: p.path, what: `owner ${uid}:${gid}` } : r;
}

/** -1 (or its unsigned 32-bit form) leaves an id as it is. */
const toId = (n: number | undefined): number => (n === undefined || n === 0xffffffff ? -1 : n);

const handler: SyscallHandler = {
  checks: {
    vfs: (c) => {
      const r = change(c);
      return r.ok ? pass(`"${r.path}" may take ${r.what}`) : deny(r.errno, r.reason, `vfs: ${r.reason}`);
    },
  },
  execute: (c) => {
    const r = change(c);
    if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
    return done(c, 0, `Sets ${r.what} on "${r.path}"`, { world: applyPending(withVfs(c.world, r.store), r.ctx) });
  },
};

export const attrHandlers: Record<string, SyscallHandler> = { chown: handler, lchown: handler, fchownat: handler, chmod: handler, fchmodat: handler };
