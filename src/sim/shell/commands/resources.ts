import { call, flags, labelled, n, NULL, ptr } from '../build.ts';
import { writeFd } from '../io.ts';
import type { Command } from '../program.ts';

/**
 * Load for the cgroup controllers: memhog (anonymous memory) and a bounded
 * fork bomb (processes).
 */
const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

export function parseSize(text: string): number | undefined {
  const m = /^(\d+)([KMG]?)i?B?$/i.exec(text.trim());
  if (!m) return undefined;
  const bytes = Number(m[1]) * (UNITS[(m[2] ?? '').toUpperCase()] ?? 1);
  // Past 2^53 a size is no longer a whole number of bytes in JavaScript; no machine the lab models has that much.
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/**
 * memhog SIZE: maps SIZE bytes of anonymous memory and touches every page,
 * which the memory controller charges. The lab asks for the pages at once
 * with MAP_POPULATE; numactl's memhog touches them with memset — same charge.
 */
export const memhog: Command = function* (argv) {
  const size = parseSize(argv[1] ?? '');
  if (size === undefined || size <= 0) {
    yield* writeFd(2, 'memhog: usage: memhog SIZE (e.g. memhog 200M)\n');
    return 1;
  }
  const r = yield call('mmap', NULL, n(size), flags('PROT_READ', 'PROT_WRITE'), flags('MAP_PRIVATE', 'MAP_ANONYMOUS', 'MAP_POPULATE'), n(-1), n(0));
  if (r.errno) {
    yield* writeFd(2, `memhog: mmap of ${size} bytes failed\n`);
    return 1;
  }
  if (r.retval === null) return 137;
  yield* writeFd(1, `memhog: ${size} bytes touched\n`);
  return 0;
};

/**
 * forkbomb [N]: forks until the kernel refuses, at most N times (default 64).
 * A real `:(){ :|:& };:` grows as a tree; what pids.max counts is the same,
 * so the lab forks from the shell in a line and says so.
 */
export const forkbomb: Command = function* (argv) {
  const max = Math.min(Number(argv[1] ?? 64) || 64, 4096);
  for (let i = 0; i < max; i++) {
    const r = yield call('clone', ptr('child_stack=NULL'), labelled('flags', flags('CLONE_CHILD_CLEARTID', 'CLONE_CHILD_SETTID', 'SIGCHLD')), ptr('child_tidptr=0x7f3a1c2d9a10'));
    if (r.errno) {
      yield* writeFd(2, `forkbomb: fork: retry: ${r.errno === 'EAGAIN' ? 'Resource temporarily unavailable' : r.errno}\n`);
      yield* writeFd(1, `forkbomb: ${i} children forked before the kernel refused\n`);
      return 254;
    }
  }
  yield* writeFd(1, `forkbomb: ${max} children forked, none refused\n`);
  return 0;
};

/**
 * cpuburn SECONDS: a busy loop on one CPU for SECONDS of wall time, with no
 * syscall in it. Under cpu.max the scheduler lets it run for the quota of
 * each period and throttles it for the rest.
 * @see Documentation/scheduler/sched-bwc.rst
 */
export const cpuburn: Command = function* (argv) {
  const seconds = Number(argv[1] ?? 1);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    yield* writeFd(2, 'cpuburn: usage: cpuburn SECONDS (0 < SECONDS ≤ 3600)\n');
    return 1;
  }
  const wallUsec = Math.round(seconds * 1e6);
  const r = yield { type: 'cpu', wallUsec };
  const got = (r.retval ?? 0) / 1e6;
  yield* writeFd(1, `cpuburn: ${seconds} s on the clock, ${got.toFixed(3)} s on the CPU; throttled for ${(seconds - got).toFixed(3)} s\n`);
  return 0;
};
