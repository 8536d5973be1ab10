import { sysMount, sysPivotRoot, sysUmount2 } from '../../vfs/mountSyscalls.ts';
import { rebasePathAfterPivot, type PivotRebase } from '../../vfs/pivotRoot.ts';
import type { World } from '../world.ts';
import { resolve } from '../../vfs/resolve.ts';
import { checkAccess } from '../../vfs/permission.ts';
import { inUserNs, nsCapable, ownerOf } from '../nsCapable.ts';
import { applyPending, withVfs } from '../vfsBridge.ts';
import { isPathArg, pathArg } from './pathArgs.ts';
import type { CallContext, CheckResult, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, str, withProc } from './util.ts';

/**
 * mount, umount2, pivot_root, chroot, chdir. Mounting needs CAP_SYS_ADMIN in
 * the user namespace that owns the caller's mount namespace (may_mount());
 * chroot needs CAP_SYS_CHROOT in the caller's own user namespace.
 * @see mount(2), umount(2), pivot_root(2), chroot(2), fs/namespace.c may_mount()
 */
function mountCap(c: CallContext, what: string): CheckResult {
  const p = caller(c);
  const owner = ownerOf(c.world, p.ns.mnt);
  const where = inUserNs(c.world, owner);
  return nsCapable(c.world, p, owner, 'CAP_SYS_ADMIN')
    ? pass(`may_mount(): the caller holds CAP_SYS_ADMIN in ${where}, which owns mount namespace ${p.ns.mnt}`)
    : deny('EPERM', `may_mount(): ${what} needs CAP_SYS_ADMIN in ${where}, which owns mount namespace ${p.ns.mnt}; the caller lacks it`, `capabilities: ${what} needs CAP_SYS_ADMIN`);
}

function mountNsPass(c: CallContext): CheckResult {
  return pass(`Works on the caller's mount namespace ${caller(c).ns.mnt}; other namespaces do not see the change`);
}

/** Runs a mount-table change and, in the VFS check, reports whether it would work. */
function tableOp(run: (c: CallContext) => ReturnType<typeof doMount>, verb: (c: CallContext) => string): SyscallHandler['checks'] & object {
  return {
    vfs: (c) => {
      const r = run(c);
      return r.ok ? pass(`${verb(c)}: the path walk and the mount checks pass`) : deny(r.errno, `${verb(c)}: ${r.reason}`, `vfs: ${r.reason}`);
    },
  };
}

function doMount(c: CallContext) {
  const at = pathArg(c, 1, null);
  if (!isPathArg(at)) return { ok: false as const, errno: at.error, reason: 'bad target path' };
  const source = c.call.args[0]?.type === 'ident' ? null : (str(c, 0) ?? null);
  const fstype = c.call.args[2]?.type === 'ident' ? null : (str(c, 2) ?? null);
  const data = c.call.args[4]?.type === 'string' ? str(c, 4) : null;
  const r = sysMount(at.env, at.ctx, { source, target: at.path, fstype, flags: num(c, 3) ?? 0, data });
  return r.ok ? { ok: true as const, value: r.value, ctx: at.ctx } : r;
}

function doUmount(c: CallContext) {
  const at = pathArg(c, 0, null);
  if (!isPathArg(at)) return { ok: false as const, errno: at.error, reason: 'bad path' };
  const r = sysUmount2(at.env, at.ctx, at.path, num(c, 1) ?? 0);
  return r.ok ? { ok: true as const, value: { store: at.env.store, ns: r.value.ns }, ctx: at.ctx } : r;
}

function doPivot(c: CallContext) {
  const at = pathArg(c, 0, null);
  const old = str(c, 1);
  if (!isPathArg(at) || old === undefined) return { ok: false as const, errno: 'EFAULT' as const, reason: 'bad path' };
  const r = sysPivotRoot(at.env, at.ctx, at.path, old);
  return r.ok ? { ok: true as const, value: { store: at.env.store, ns: r.value.ns }, ctx: at.ctx, rebase: r.value.rebase } : r;
}

/** pivot_root moves the root and cwd of every process in the mount namespace that was at the old root (chroot_fs_refs). */
function rebaseAll(world: World, mntNs: number, rebase: PivotRebase): World {
  const procs = { ...world.procs };
  for (const p of Object.values(procs)) {
    if (p.ns.mnt === mntNs) procs[p.pid] = { ...p, root: rebasePathAfterPivot(p.root, rebase), cwd: rebasePathAfterPivot(p.cwd, rebase) };
  }
  return { ...world, procs };
}

function commit(c: CallContext, r: ReturnType<typeof doMount>, note: string, after?: (w: CallContext['world']) => CallContext['world']) {
  if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
  let world = applyPending(withVfs(c.world, r.value.store, { id: r.value.ns.id, ns: r.value.ns }), r.ctx);
  if (after) world = after(world);
  return done(c, 0, note, { world });
}

export const mountHandlers: Record<string, SyscallHandler> = {
  mount: {
    checks: { namespaces: mountNsPass, capabilities: (c) => mountCap(c, 'mount'), ...tableOp(doMount, (c) => `mount on "${str(c, 1) ?? '?'}"`) },
    execute: (c) => commit(c, doMount(c), `Attaches the mount at "${str(c, 1) ?? '?'}" in mount namespace ${caller(c).ns.mnt}`),
  },
  umount2: {
    checks: { namespaces: mountNsPass, capabilities: (c) => mountCap(c, 'umount'), ...tableOp(doUmount, (c) => `umount of "${str(c, 0) ?? '?'}"`) },
    execute: (c) => commit(c, doUmount(c), `Detaches the mount at "${str(c, 0) ?? '?'}"`),
  },
  pivot_root: {
    checks: { namespaces: mountNsPass, capabilities: (c) => mountCap(c, 'pivot_root'), ...tableOp(doPivot, () => 'pivot_root') },
    execute: (c) => {
      const r = doPivot(c);
      const mntNs = caller(c).ns.mnt;
      return commit(c, r, 'Makes new_root the root of the mount namespace and moves the old root to put_old; processes rooted at the old root move with it',
        (w) => (r.ok ? rebaseAll(w, mntNs, r.rebase) : w));
    },
  },
  chroot: {
    checks: {
      capabilities: (c) => {
        const p = caller(c);
        return nsCapable(c.world, p, p.ns.user, 'CAP_SYS_CHROOT')
          ? pass(`The caller holds CAP_SYS_CHROOT in ${inUserNs(c.world, p.ns.user)}`)
          : deny('EPERM', 'chroot needs CAP_SYS_CHROOT; the caller lacks it', 'capabilities: chroot needs CAP_SYS_CHROOT');
      },
      vfs: (c) => dirCheck(c),
    },
    execute: (c) => changeDir(c, 'root'),
  },
  chdir: { checks: { vfs: (c) => dirCheck(c) }, execute: (c) => changeDir(c, 'cwd') },
};

function walkDir(c: CallContext) {
  const at = pathArg(c, 0, null);
  if (!isPathArg(at)) return { ok: false as const, errno: at.error, reason: 'bad path' };
  const r = resolve(at.env, at.ctx, at.path, { directory: true });
  if (!r.ok) return r;
  const denied = checkAccess(r.value.node, at.ctx.cred, 'x', at.path);
  return denied ?? { ok: true as const, value: r.value };
}

function dirCheck(c: CallContext): CheckResult {
  const r = walkDir(c);
  return r.ok ? pass(`"${str(c, 0)}" is a directory the caller may search`) : deny(r.errno, r.reason, `vfs: ${r.reason}`);
}

function changeDir(c: CallContext, field: 'root' | 'cwd') {
  const r = walkDir(c);
  if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
  const p = caller(c);
  const what = field === 'root' ? 'root directory (paths starting with / resolve there, and .. stops there)' : 'working directory';
  return done(c, 0, `Sets the caller's ${what} to ${r.value.path}`, { world: withProc(c.world, { ...p, [field]: r.value.path }) });
}
