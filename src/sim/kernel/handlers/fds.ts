import { readFile, writeFile } from '../../vfs/fileData.ts';
import { readdir } from '../../vfs/dirOps.ts';
import { resolve } from '../../vfs/resolve.ts';
import { COST } from '../costs.ts';
import { lowestFreeFd, type OpenFile, type Process } from '../process.ts';
import { applyPending, withVfs } from '../vfsBridge.ts';
import { TERMINAL_PATH as TERMINAL } from '../boot.ts';
import { nowSeconds, procView } from './pathArgs.ts';
import type { CallContext, ExecResult, SyscallHandler } from './types.ts';
import { caller, done, failed, num, quote, withProc } from './util.ts';

/**
 * Calls on open file descriptors: read, write, close, fstat, getdents64, dup2,
 * fcntl(F_DUPFD). The lab's fd keeps the path it was opened by and re-walks it
 * (a file unlinked while open is not modelled); the terminal is the lab's
 * xterm, so reads from it see end of input and writes go to the screen.
 * @see read(2), write(2), getdents64(2), dup(2), fcntl(2)
 */
function fdOf(c: CallContext, idx = 0): { p: Process; fd: number; f: OpenFile } | ExecResult {
  const p = caller(c);
  const fd = num(c, idx) ?? -1;
  const f = p.fds[fd];
  return f ? { p, fd, f } : failed(c, 'EBADF', `fd ${fd} is not open in this process`, `kernel: fd ${fd} is not open`);
}

const isErr = (x: unknown): x is ExecResult => typeof x === 'object' && x !== null && 'costNs' in x;

function locOf(c: CallContext, p: Process, f: OpenFile) {
  const v = procView(c, p);
  const r = resolve(v.env, v.ctx, f.path);
  return { v, r };
}

const read: SyscallHandler = {
  execute: (c) => {
    const got = fdOf(c);
    if (isErr(got)) return got;
    const { p, fd, f } = got;
    if (f.path === TERMINAL) return done(c, 0, 'The terminal has no input waiting: read returns 0, end of file', { outArgs: { 1: '""' } });
    // nsfs files have no read operation (fs/nsfs.c ns_file_operations): vfs_read returns EINVAL.
    if (f.kind === 'nsfd') return failed(c, 'EINVAL', `${f.path} is a namespace file: it can be passed to setns, not read`, 'kernel: a namespace file cannot be read');
    if ((f.flags & 3) === 1) return failed(c, 'EBADF', `fd ${fd} was opened write-only`, 'kernel: fd not open for reading');
    const count = num(c, 2) ?? 4096;
    const { v, r } = locOf(c, p, f);
    if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
    const data = readFile(v.env, r.value, f.offset, count, v.ctx.viewer);
    if (!data.ok) return failed(c, data.errno, data.reason, `vfs: ${data.reason}`);
    const world = withProc(c.world, { ...p, fds: { ...p.fds, [fd]: { ...f, offset: f.offset + data.value.length } } });
    const note = data.value.length ? `Copies ${data.value.length} bytes of ${f.path} from offset ${f.offset} to the buffer` : `At the end of ${f.path}: read returns 0`;
    return done(c, data.value.length, note, { world, data: data.value, outArgs: { 1: quote(data.value) }, cost: COST.read4k });
  },
};

const write: SyscallHandler = {
  execute: (c) => {
    const got = fdOf(c);
    if (isErr(got)) return got;
    const { p, fd, f } = got;
    const node = c.call.args[1];
    const data = node?.type === 'string' ? node.value : '';
    const count = Math.min(num(c, 2) ?? data.length, data.length);
    if (f.path === TERMINAL) return done(c, count, `Writes ${count} bytes to the terminal (${TERMINAL})`);
    if ((f.flags & 3) === 0) return failed(c, 'EBADF', `fd ${fd} was opened read-only`, 'kernel: fd not open for writing');
    const { v, r } = locOf(c, p, f);
    if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
    const append = (f.flags & 0x400) !== 0;
    const w = writeFile(v.env, r.value, data.slice(0, count), append ? 'append' : f.offset, nowSeconds(c), v.ctx.viewer);
    if (!w.ok) return failed(c, w.errno, w.reason, `vfs: ${w.reason}`);
    const moved = withProc(withVfs(c.world, w.value.store), { ...p, fds: { ...p.fds, [fd]: { ...f, offset: f.offset + w.value.written } } });
    return done(c, w.value.written, `Writes ${w.value.written} bytes to ${f.path}`, { world: applyPending(moved, v.ctx) });
  },
};

const close: SyscallHandler = {
  execute: (c) => {
    const got = fdOf(c);
    if (isErr(got)) return got;
    const fds = { ...got.p.fds };
    delete fds[got.fd];
    return done(c, 0, `Drops fd ${got.fd} (${got.f.path}) from the fd table`, { world: withProc(c.world, { ...got.p, fds }), cost: { ns: COST.openClose.ns / 2, source: COST.openClose.source } });
  },
};

const getdents64: SyscallHandler = {
  execute: (c) => {
    const got = fdOf(c);
    if (isErr(got)) return got;
    const { p, fd, f } = got;
    if (f.offset > 0) return done(c, 0, 'Every entry has been returned: getdents64 returns 0', { outArgs: { 1: '[] /* 0 entries */' } });
    const { v, r } = locOf(c, p, f);
    if (!r.ok) return failed(c, r.errno, r.reason, `vfs: ${r.reason}`);
    const entries = readdir(v.env, r.value, v.ctx.viewer);
    if (!entries.ok) return failed(c, entries.errno, entries.reason, `vfs: ${entries.reason}`);
    // struct linux_dirent64: 19 bytes of header plus the name and its NUL, padded to 8.
    const bytes = entries.value.reduce((s, e) => s + Math.ceil((19 + e.name.length + 1) / 8) * 8, 0);
    const world = withProc(c.world, { ...p, fds: { ...p.fds, [fd]: { ...f, offset: entries.value.length } } });
    return done(c, bytes, `Lists ${entries.value.length} entries of ${f.path}`, { world, data: entries.value.map((e) => e.name).join('\n'), outArgs: { 1: `0x5581c2a3f2d0 /* ${entries.value.length} entries */` } });
  },
};

function dupTo(c: CallContext, from: number, to: number, cloexec: boolean): ExecResult {
  const p = caller(c);
  const f = p.fds[from];
  if (!f) return failed(c, 'EBADF', `fd ${from} is not open`, `kernel: fd ${from} is not open`);
  const world = withProc(c.world, { ...p, fds: { ...p.fds, [to]: { ...f, cloexec } } });
  return done(c, to, `fd ${to} now refers to the same open file as fd ${from} (${f.path})`, { world });
}

const F_DUPFD = 0;
const F_DUPFD_CLOEXEC = 1030;

export const fdHandlers: Record<string, SyscallHandler> = {
  read, write, close, getdents64,
  dup: { execute: (c) => dupTo(c, num(c, 0) ?? -1, lowestFreeFd(caller(c).fds), false) },
  dup2: { execute: (c) => dupTo(c, num(c, 0) ?? -1, num(c, 1) ?? -1, false) },
  dup3: { execute: (c) => dupTo(c, num(c, 0) ?? -1, num(c, 1) ?? -1, ((num(c, 2) ?? 0) & 0x80000) !== 0) },
  fcntl: {
    execute: (c) => {
      const cmd = num(c, 1) ?? -1;
      if (cmd === F_DUPFD || cmd === F_DUPFD_CLOEXEC) return dupTo(c, num(c, 0) ?? -1, lowestFreeFd(caller(c).fds, num(c, 2) ?? 0), cmd === F_DUPFD_CLOEXEC);
      return done(c, 0, 'The lab models fcntl only for F_DUPFD; other commands return 0', { simplified: true });
    },
  },
};
