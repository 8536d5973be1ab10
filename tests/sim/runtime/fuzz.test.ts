import { describe, expect, it } from 'vitest';
import { MAX_CALLS_PER_COMMAND } from '../../../src/machines/runCommand.ts';
import { runInput, type InputResult } from '../../../src/machines/runInput.ts';
import { writeCgroupFile } from '../../../src/sim/cgroups/write.ts';
import type { Session } from '../../../src/sim/runtime/types.ts';
import { boot } from './sessions.ts';
import { prng } from '../../helpers/prng.ts';

/**
 * Robustness: 3,000 random and mangled lines through runInput on a host and a
 * runc session. Whatever a person types, the answer is a run or a message —
 * never an exception — and no command makes more calls than the expander's
 * limit. The generator is a seeded PRNG, so a failure names an input that
 * reproduces.
 */


const SYSCALLS = [
  'getpid()', 'getuid()', 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY)', 'openat(AT_FDCWD, "/tmp/x", O_WRONLY|O_CREAT|O_TRUNC, 0644)',
  'read(0, "", 4096)', 'write(1, "hello\\n", 6)', 'close(1)', 'dup2(1, 7)', 'mount("none", "/mnt", "tmpfs", 0, NULL)',
  'umount2("/proc", MNT_DETACH)', 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)', 'unshare(CLONE_NEWUSER|CLONE_NEWNS)',
  'unshare(CLONE_NEWPID)', 'clone(child_stack=NULL, flags=CLONE_NEWPID|SIGCHLD)', 'clone3({flags=CLONE_NEWUSER, exit_signal=SIGCHLD}, 88)',
  'sethostname("lab", 3)', 'socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)', 'socket(AF_ALG, SOCK_SEQPACKET, 0)',
  'mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', 'munmap(0x7f0000000000, 4096)', 'brk(NULL)',
  'kill(1, SIGKILL)', 'kill(-1, SIGTERM)', 'exit_group(0)', 'setns(3, CLONE_NEWNET)', 'newfstatat(AT_FDCWD, "/etc/passwd", {...}, 0)',
  'getdents64(3, 0x5581c2a3f2d0, 32768)', 'readlink("/proc/self/ns/uts", "", 64)', 'pivot_root(".", ".")', 'chroot("/tmp")',
  'prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)', 'personality(0xffffffff)', 'tuxcall()', 'setuid(1000)', 'mkdirat(AT_FDCWD, "/tmp/d", 0755)',
  'reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART, NULL)', 'init_module(NULL, 0, "")', 'finit_module(0, "", 0)',
  'uname({sysname="Linux", nodename="x", ...})', 'execve("/bin/sh", ["sh", "-c", "id"], 0x7ffd /* 3 vars */)', 'ptrace(PTRACE_ATTACH, 1)',
];

const COMMANDS = [
  'cat /etc/passwd', 'cat /proc/self/status', 'ls /proc', 'ls /proc/self/ns', 'ls /', 'echo hi > /tmp/x', 'echo hi >> /tmp/x',
  'echo "quoted text" \'single\'', 'touch /tmp/a', 'rm /tmp/a', 'mkdir /tmp/d', 'id', 'whoami', 'hostname lab', 'hostname', 'uname -a',
  'unshare -Urm', 'unshare --pid', 'mount -t tmpfs none /mnt', 'mount', 'umount /proc', 'reboot', 'insmod /lib/x.ko', 'kill -9 1',
  'kill -0 1', 'memhog 10M', 'memhog 100M', 'forkbomb 5', 'cpuburn 0.1', 'cat /proc/kcore', 'echo x > /proc/sys/kernel/hostname',
];

const PUNCTUATION = [...'()[]{}<>"\'`\\|&;,.=!?*$#%^~+-/:@ \t\n\r'];
const UNICODE = ['é', 'ß', '中', '🙂', '\u200b', '\u202e', '\u0301', '\u0000', '\uffff', '\ud800', '\udc00', '𝕏', 'İ', '\u00a0'];
const NUMBERS = ['18446744073709551616', '99999999999999999999999999', '-1', '-9223372036854775809', '0x', '0xffffffffffffffffff', '1e309', 'NaN', 'Infinity', '0777777777777777777777', '4096G', '9999999999M'];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const at = (r: Rand, s: string) => Math.floor(r() * (s.length + 1));

/** One mutation of a line. */
const MUTATIONS: ((r: Rand, s: string) => string)[] = [
  (r, s) => { const i = at(r, s); return s.slice(0, i) + s.slice(i + 1); }, // delete a char
  (r, s) => { const i = at(r, s); return s.slice(0, i) + pick(r, PUNCTUATION) + s.slice(i); }, // insert punctuation
  (r, s) => { const i = at(r, s); return s.slice(0, i) + pick(r, UNICODE) + s.slice(i); }, // insert unicode
  (r, s) => { const i = at(r, s); const j = Math.min(s.length, i + 1 + Math.floor(r() * 8)); return s.slice(0, j) + s.slice(i, j) + s.slice(j); }, // duplicate a slice
  (r, s) => s.replace(/-?\d+|0x[0-9a-f]+/i, () => pick(r, NUMBERS)), // a huge or odd number
  (r, s) => s.replace(/\d+([KMG]?)/, (_m, unit: string) => `${pick(r, NUMBERS)}${unit}`),
  (r, s) => s.slice(0, at(r, s)), // cut short
  (r, s) => s.split(/([ ,])/).reverse().join(''), // shuffle words
  (r, s) => s.replace(/[A-Z_]{3,}/, () => pick(r, ['', 'O_BOGUS', 'CLONE_NEWEVERYTHING', '|', '||', '0|', 'NULL'])),
  (r, s) => s.replace(/"/, () => pick(r, ['', '"\\', '\\"', '"""'])), // break a string
  (r, s) => `${s} ${pick(r, ['>', '>>', '<', '|', '&&', ';', '2>&1', '> /proc/sys/x', '>'])}`,
];

function randomText(r: Rand): string {
  const pool = [...PUNCTUATION, ...UNICODE, ...'abcdefghijklmnopqrstuvwxyz0123456789_'];
  return Array.from({ length: Math.floor(r() * 40) }, () => pick(r, pool)).join('');
}

/** The n-th input of the stream: a seed line mutated a few times, a random string, or an edge case. */
function inputs(seed: number, count: number): string[] {
  const r = prng(seed);
  const EDGE = ['', ' ', '\t\n', '()', '(', ')', '"', '>', '|', '-', '\u0000', '🙂(', 'getpid', 'getpid(', 'getpid())', 'x'.repeat(5000), '('.repeat(500), 'a('.repeat(300)];
  return Array.from({ length: count }, (_, i) => {
    if (i < EDGE.length && seed === SEEDS[0]) return EDGE[i] as string;
    const roll = r();
    if (roll < 0.1) return randomText(r);
    let s = pick(r, roll < 0.55 ? SYSCALLS : COMMANDS);
    const times = 1 + Math.floor(r() * 4);
    for (let k = 0; k < times; k++) s = pick(r, MUTATIONS)(r, s);
    return s;
  });
}

/**
 * Fresh sessions for each batch. Both carry a pids.max of 64 — runc through
 * `--pids-limit`, the host as systemd's TasksMax sets it on the user's slice —
 * so that a mangled `forkbomb 99999` ends after 63 forks instead of the
 * 4,096 it is allowed (that many forks take the lab seconds). The call limit
 * itself has a test of its own below.
 */
function sessions(): Session[] {
  const host = boot('host');
  const limited = writeCgroupFile(host.world.cgroups, '/user.slice/user-0.slice', 'pids.max', '64');
  if (!limited.ok) throw new Error(limited.reason);
  return [{ ...host, world: { ...host.world, cgroups: limited.value } }, boot('runc', { resources: { pidsLimit: '64', memory: '256m' } })];
}

/** What is wrong with a result, or null: a run within the call limit, or a message. */
function problem(result: InputResult): string | null {
  if (!result.ok) {
    if (typeof result.message !== 'string' || !result.message.trim()) return 'empty message';
    if (result.column !== undefined && !(Number.isInteger(result.column) && result.column >= 1)) return `bad column ${result.column}`;
    return null;
  }
  const { calls } = result.value;
  if (calls.length > MAX_CALLS_PER_COMMAND) return `${calls.length} calls`;
  if (calls.some((c) => typeof c.line !== 'string' || c.hops.length < 4)) return 'a call without a line or hops';
  return null;
}

const SEEDS = [20261129, 1, 42, 7, 314159, 271828];
const PER_SEED = 500;

describe('runInput never throws on mangled input', () => {
  it('makes 3,000 inputs', () => {
    expect(SEEDS.length * PER_SEED).toBe(3000);
    expect(new Set(SEEDS.flatMap((s) => inputs(s, PER_SEED))).size).toBeGreaterThan(2000);
  });

  it.each(SEEDS)('seed %i: 500 inputs on host and runc', (seed) => {
    const failures: string[] = [];
    for (const session of sessions()) {
      for (const input of inputs(seed, PER_SEED)) {
        try {
          const why = problem(runInput(session, input));
          if (why) failures.push(`${session.runtime} ${JSON.stringify(input)}: ${why}`);
        } catch (e) {
          failures.push(`${session.runtime} ${JSON.stringify(input)}: threw ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('the command expander stops at its call limit', () => {
  it(`kill -0 with ${MAX_CALLS_PER_COMMAND + 1} pids makes ${MAX_CALLS_PER_COMMAND} calls and fails`, () => {
    const r = runInput(boot('runc'), `kill -0 ${Array(MAX_CALLS_PER_COMMAND + 1).fill('1').join(' ')}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.calls).toHaveLength(MAX_CALLS_PER_COMMAND);
    expect(r.value.status).not.toBe(0);
  }, 60_000);
});
