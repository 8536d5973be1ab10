import { call, flags, id, n, oct, ptr, s } from '../build.ts';
import { closeFd, writeFd } from '../io.ts';
import { errnoMessage } from '../../errno.ts';
import type { Command, Program, Reply } from '../program.ts';
import type { SyscallCall } from '../../syscalls/args.ts';
import { parseSize } from './resources.ts';

/**
 * dd if=SRC of=DST bs=SIZE count=N (coreutils 9.1, Debian bookworm). strace
 * of `dd if=/dev/zero of=out bs=512 count=2`: openat(SRC, O_RDONLY),
 * openat(DST, O_WRONLY|O_CREAT|O_TRUNC, 0666), then read(bs)/write per block,
 * close, and three lines on stderr (src/dd.c). Real dd dup2()s both files onto
 * fds 0 and 1; the lab runs dd in the shell's own process, whose 0 and 1 are
 * the terminal, so it uses the fds openat returned. The elapsed time is the
 * lab's fixed figure, not measured. The lab copies at most 16 MiB in all
 * (a memory hog is memhog).
 */
const MAX_BYTES = 16 * 1024 * 1024;
const SECONDS = 0.001;

interface Args { src: string; dst: string | null; bs: number; count: number }

function parse(argv: string[]): Args | string {
  const kv = Object.fromEntries(argv.slice(1).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const bs = parseSize(kv.bs ?? '512');
  const count = kv.count === undefined ? Infinity : Number(kv.count);
  if (!kv.if) return 'dd: the lab reads no standard input: give if=FILE\n';
  if (bs === undefined || bs <= 0 || bs > 1024 * 1024) return `dd: invalid number: '${kv.bs ?? ''}' (the lab takes bs up to 1M)\n`;
  if (!(Number.isInteger(count) || count === Infinity) || count < 0) return `dd: invalid number: '${kv.count ?? ''}'\n`;
  return { src: kv.if, dst: kv.of ?? null, bs, count: Math.min(count, Math.floor(MAX_BYTES / bs)) };
}

/** GNU dd's last line: `B bytes (1.0 kB, 1.0 KiB) copied, T s, R MB/s` (human sizes only from 1000 bytes). */
function summary(records: { full: number; partial: number }, bytes: number): string {
  const one = (v: number, base: number, units: string[]) => {
    let i = 0;
    for (; v >= base && i < units.length - 1; i++) v /= base;
    return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
  };
  const human = bytes >= 1000 ? ` (${one(bytes, 1000, ['B', 'kB', 'MB', 'GB'])}, ${one(bytes, 1024, ['B', 'KiB', 'MiB', 'GiB'])})` : '';
  const rec = `${records.full}+${records.partial}`;
  return `${rec} records in\n${rec} records out\n${bytes} bytes${human} copied, ${SECONDS} s, ${one(bytes / SECONDS, 1000, ['B/s', 'kB/s', 'MB/s', 'GB/s'])}\n`;
}

function* copy(inFd: number, outFd: number, a: Args): Generator<SyscallCall, { full: number; partial: number; bytes: number; errno: Reply['errno'] }, Reply> {
  const done = { full: 0, partial: 0, bytes: 0, errno: null as Reply['errno'] };
  for (let i = 0; i < a.count; i++) {
    const r = yield call('read', n(inFd), ptr('""'), n(a.bs));
    if (r.errno || r.retval === null) return { ...done, errno: r.errno };
    if (r.retval === 0) break;
    const w = yield call('write', n(outFd), s(r.data ?? ''), n(r.retval));
    if (w.errno) return { ...done, errno: w.errno };
    if (r.retval === a.bs) done.full++;
    else done.partial++;
    done.bytes += r.retval;
  }
  return done;
}

export const dd: Command = function* (argv): Program {
  const a = parse(argv);
  if (typeof a === 'string') { yield* writeFd(2, a); return 1; }
  const src = yield call('openat', id('AT_FDCWD'), s(a.src), id('O_RDONLY'));
  if (src.errno || src.retval === null) { yield* writeFd(2, `dd: failed to open '${a.src}': ${errnoMessage(src.errno ?? 'EIO')}\n`); return 1; }
  const dst = a.dst === null ? { retval: 1, errno: null } : yield call('openat', id('AT_FDCWD'), s(a.dst), flags('O_WRONLY', 'O_CREAT', 'O_TRUNC'), oct(0o666));
  if (dst.errno || dst.retval === null) {
    yield* closeFd(src.retval);
    yield* writeFd(2, `dd: failed to open '${a.dst ?? ''}': ${errnoMessage(dst.errno ?? 'EIO')}\n`);
    return 1;
  }
  const r = yield* copy(src.retval, dst.retval, a);
  yield* closeFd(src.retval);
  if (a.dst !== null) yield* closeFd(dst.retval);
  if (r.errno) yield* writeFd(2, `dd: error ${r.full + r.partial ? 'writing' : 'reading'} '${a.dst ?? a.src}': ${errnoMessage(r.errno)}\n`);
  yield* writeFd(2, summary(r, r.bytes));
  return r.errno ? 1 : 0;
};
