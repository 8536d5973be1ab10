import { call, id, n, s } from '../build.ts';
import { closeFd, complain, writeFd } from '../io.ts';
import type { Command, Program, Reply } from '../program.ts';
import type { SyscallCall } from '../../syscalls/args.ts';

/** Finds a command of the lab's shell by name (index.ts passes its table, so this file does not import it). */
export type CommandLookup = (name: string) => Command | undefined;

/**
 * nsenter -t PID -m -u -i -n -p [CMD] (util-linux 2.38.1, Debian bookworm).
 * After parsing, nsenter opens /proc/PID/ns/NAME O_RDONLY for each namespace
 * asked for, in its table's order (user, cgroup, ipc, uts, net, pid, mnt,
 * time — strace of `nsenter -t 1 -m -u -i -n -p` opens ipc first), then calls
 * setns(fd, CLONE_NEW…) and closes each in the same order; with -p it forks so
 * the child is in the pid namespace; then it execs CMD (sys-utils/nsenter.c).
 * The lab runs CMD in the shell's own process: first it keeps fds of the
 * shell's own namespaces (/proc/self/ns/…) and afterwards setns()es back, as
 * the parent shell of a real nsenter never moves. Without CMD the shell stays
 * in the namespaces, as `nsenter … sh` would leave you there. The lab's -p
 * sets pid_for_children only, so getpid() in CMD still says the old pid.
 */
const ORDER: Array<[string, string, string]> = [
  ['-U', 'user', 'CLONE_NEWUSER'], ['-C', 'cgroup', 'CLONE_NEWCGROUP'], ['-i', 'ipc', 'CLONE_NEWIPC'], ['-u', 'uts', 'CLONE_NEWUTS'],
  ['-n', 'net', 'CLONE_NEWNET'], ['-p', 'pid', 'CLONE_NEWPID'], ['-m', 'mnt', 'CLONE_NEWNS'], ['-T', 'time', 'CLONE_NEWTIME'],
];
const LONG: Record<string, string> = { '--user': '-U', '--cgroup': '-C', '--ipc': '-i', '--uts': '-u', '--net': '-n', '--pid': '-p', '--mount': '-m', '--time': '-T' };

interface Args { target: string; opts: Set<string>; cmd: string[] }

function parse(argv: string[]): Args | string {
  const opts = new Set<string>();
  let target = '';
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-t' || a === '--target') { target = argv[++i] ?? ''; continue; }
    if (!a.startsWith('-')) break;
    const expanded = /^-[a-zA-Z]{2,}$/.test(a) ? [...a.slice(1)].map((ch) => `-${ch}`) : [LONG[a] ?? a];
    for (const o of expanded) {
      if (o === '-a' || o === '--all') ORDER.forEach(([flag]) => opts.add(flag));
      else if (ORDER.some(([flag]) => flag === o)) opts.add(o);
      else return `nsenter: unrecognized option '${o}' (the lab knows -t -m -u -i -n -p -U -C -T -a)\n`;
    }
  }
  if (!/^\d+$/.test(target)) return 'nsenter: no target PID specified for -t\n';
  if (!opts.size) return 'nsenter: neither filename nor target pid supplied for ns/*\n';
  return { target, opts, cmd: argv.slice(i) };
}

type Opened = { fds: number[] } | { path: string; errno: Reply['errno'] };

/** Opens /proc/PID/ns/NAME for each type; the fds, or the path that failed (after closing what it opened). */
function* openAll(pid: string, types: Array<[string, string, string]>): Generator<SyscallCall, Opened, Reply> {
  const fds: number[] = [];
  for (const [, name] of types) {
    const r = yield call('openat', id('AT_FDCWD'), s(`/proc/${pid}/ns/${name}`), id('O_RDONLY'));
    if (r.errno || r.retval === null) {
      for (const fd of fds) yield* closeFd(fd);
      return { path: `/proc/${pid}/ns/${name}`, errno: r.errno };
    }
    fds.push(r.retval);
  }
  return { fds };
}

function* enter(fds: number[], types: Array<[string, string, string]>): Generator<SyscallCall, Reply | null, Reply> {
  let failed: Reply | null = null;
  for (const [i, [, , flag]] of types.entries()) {
    const fd = fds[i] ?? -1;
    const r: Reply | null = failed ? null : yield call('setns', n(fd), id(flag));
    if (r?.errno) failed = r;
    yield* closeFd(fd);
  }
  return failed;
}

export function makeNsenter(lookup: CommandLookup): Command {
  return function* (argv, env): Program {
    const args = parse(argv);
    if (typeof args === 'string') { yield* writeFd(2, args); return 1; }
    const types = ORDER.filter(([flag]) => args.opts.has(flag));
    const sub = args.cmd[0] === undefined ? undefined : lookup(args.cmd[0]);
    if (args.cmd[0] !== undefined && !sub) { yield* writeFd(2, `nsenter: failed to execute ${args.cmd[0]}: No such file or directory\n`); return 127; }
    const own: Opened = sub ? yield* openAll('self', types) : { fds: [] };
    if ('path' in own) return yield* complain('nsenter', `cannot open ${own.path}`, own.errno);
    const target = yield* openAll(args.target, types);
    if ('path' in target) {
      for (const fd of own.fds) yield* closeFd(fd);
      return yield* complain('nsenter', `cannot open ${target.path}`, target.errno);
    }
    const failed = yield* enter(target.fds, types);
    const status = failed ? yield* complain('nsenter', 'reassociate to namespace failed', failed.errno) : sub ? yield* sub(args.cmd, env) : 0;
    if (sub) yield* enter(own.fds, types);
    return status;
  };
}
