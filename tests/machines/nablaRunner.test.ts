import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { libOsMachine } from '../../src/machines/libOsMachine.ts';
import { runInput, type InputRun } from '../../src/machines/runInput.ts';
import { hostCallsOf } from '../../src/sim/hostcalls/helperProcess.ts';
import { NABLA } from '../../src/sim/runtime/nabla.ts';
import type { RuntimeOptions, Session } from '../../src/sim/runtime/types.ts';
import { UNIKERNEL_HVT } from '../../src/sim/runtime/unikernelHvt.ts';
import { parseCall } from '../../src/sim/strace/callParser.ts';
import type { CallTrace } from '../../src/sim/trace.ts';
import { measurements } from '../helpers/reference.ts';

/**
 * Calls under Nabla (rumprun on nabla-run / solo5-spt) and under solo5-hvt,
 * through runInput → runtimeCall → runNablaCall → the library-OS machine.
 */
const SPT = 'nabla-run (solo5-spt tender)';
const HVT = 'solo5-hvt (tender)';

function boot(runtime: 'nabla' | 'unikernel-hvt' = 'nabla', options?: RuntimeOptions): Session {
  return (runtime === 'nabla' ? NABLA : UNIKERNEL_HVT).boot({ options });
}

function run(session: Session, ...lines: string[]): InputRun {
  let last: InputRun | undefined;
  let s = session;
  for (const line of lines) {
    const r = runInput(s, line);
    if (!r.ok) throw new Error(`'${line}' was refused: ${r.message}`);
    last = r.value;
    s = r.value.session;
  }
  if (!last) throw new Error('no input');
  return last;
}

const one = (session: Session, line: string): CallTrace => {
  const calls = run(session, line).calls;
  if (calls.length !== 1 || !calls[0]) throw new Error(`expected one call, got ${calls.length}`);
  return calls[0];
};
const hostNames = (c: CallTrace) => hostCallsOf(c.hops).map((h) => h.name);

describe('what a single-process libOS cannot do', () => {
  it.each([
    ['fork()', 'EOPNOTSUPP', 'libc', 86],
    ['vfork()', 'EOPNOTSUPP', 'libc', 86],
    ['clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f12)', 'EOPNOTSUPP', 'libc', 86],
    ['execve("/bin/ls", ["ls"], NULL)', 'EOPNOTSUPP', 'libc', -1],
    ['kill(1, SIGKILL)', 'EOPNOTSUPP', 'libc', 86],
    ['wait4(-1, NULL, 0, NULL)', 'EOPNOTSUPP', 'libc', 86],
    ['ptrace(PTRACE_TRACEME, 0, NULL, NULL)', 'ENOSYS', 'libos', -1],
    ['init_module(NULL, 0, "")', 'ENOSYS', 'libos', -1],
    ['finit_module(3, "", 0)', 'ENOSYS', 'libos', -1],
    ['unshare(CLONE_NEWNS|CLONE_NEWPID)', 'ENOSYS', 'libos', -1],
    ['setns(3, CLONE_NEWNET)', 'ENOSYS', 'libos', -1],
    ['pivot_root(".", ".")', 'ENOSYS', 'libos', -1],
    ['epoll_create1(EPOLL_CLOEXEC)', 'ENOSYS', 'libos', -1],
    ['futex(0x7f00, FUTEX_WAKE, 1)', 'ENOSYS', 'libos', -1],
    ['bpf(BPF_PROG_LOAD, NULL, 0)', 'ENOSYS', 'libos', -1],
  ] as const)('%s → %s from %s (returns %i)', (text, errno, layer, retval) => {
    const c = one(boot(), text);
    expect({ errno: c.errno, deniedBy: c.deniedBy, retval: c.retval, servedBy: c.servedBy }).toEqual({ errno, deniedBy: layer, retval, servedBy: 'libos' });
    // Nothing reaches the host but the stub's message on the console (a write to fd 1 by the tender).
    expect(hostCallsOf(c.hops).filter((h) => h.name !== 'write' || h.by !== SPT)).toEqual([]);
  });

  it('a rumprun stub prints its message only the first time', () => {
    const s = boot();
    const first = run(s, 'fork()');
    const second = run(first.session, 'fork()');
    expect(hostNames(first.calls[0] as CallTrace).length).toBeGreaterThan(0);
    expect(hostNames(second.calls[0] as CallTrace)).toEqual([]);
  });

  it('a thread (clone with CLONE_THREAD) is made in rumprun\'s scheduler, with no host call', () => {
    const c = one(boot(), 'clone(child_stack=0x7f00, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM)');
    expect(c.errno).toBeNull();
    expect(c.retval).toBeGreaterThan(0);
    expect(hostNames(c)).toEqual([]);
  });
});

describe('calls the libOS serves without the host', () => {
  it.each([
    ['getpid()', 2], ['getuid()', 0], ['sched_yield()', 0], ['mprotect(0x7f0000000000, 4096, PROT_READ)', 0],
    ['rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)', 0],
    ['mount("tmpfs", "/mnt", "tmpfs", 0, NULL)', 0],
  ] as const)('%s = %i, no host syscall', (text, retval) => {
    for (const s of [boot(), boot('unikernel-hvt')]) {
      const c = one(s, text);
      expect({ retval: c.retval, errno: c.errno }).toEqual({ retval, errno: null });
      expect(hostCallsOf(c.hops)).toEqual([]);
    }
  });

  it('uname says NetBSD, as the rump kernel does, with rumprun\'s hostname', () => {
    const c = one(boot(), 'uname({...})');
    expect(c.line).toContain('sysname="NetBSD", nodename="rumprun", release="7.99.34"');
  });

  it.each([
    ['openat(AT_FDCWD, "/etc/motd", O_WRONLY|O_CREAT|O_TRUNC, 0644)', 'EROFS'],
    ['openat(AT_FDCWD, "/tmp/out", O_WRONLY|O_CREAT|O_TRUNC, 0644)', null],
    ['openat(AT_FDCWD, "/proc/self/status", O_RDONLY)', 'ENOENT'],
    ['mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)', 'ENOMEM'],
  ] as const)('%s → %s (the ISO root is read-only, /tmp is tmpfs, there is no /proc)', (text, errno) => {
    expect(one(boot(), text).errno).toBe(errno);
  });
});

describe('I/O through the tender', () => {
  it.each([
    ['nabla', {}, SPT, ['write', 'write', 'write']],
    ['nabla', { tender: 'solo5-spt' }, 'solo5-spt (tender)', ['write', 'write', 'write']],
    ['unikernel-hvt', {}, HVT, ['write', 'ioctl', 'write', 'ioctl', 'write', 'ioctl']],
  ] as const)('%s %j: write(1, "hi\\n", 3) is one host write(1, …, 1) per byte by %s (rumprun\'s console prints byte by byte)', (runtime, options, by, names) => {
    const c = one(boot(runtime, options), 'write(1, "hi\\n", 3)');
    expect(c.retval).toBe(3);
    const calls = hostCallsOf(c.hops);
    expect(calls.map((h) => h.name)).toEqual(names);
    expect(calls.every((h) => h.by === by && h.filter === 'allowed')).toBe(true);
    expect(c.hops.filter((h) => h.hostCall?.name === 'write').every((h) => h.note.includes('(fd 1)'))).toBe(true);
  });

  it.each([
    ['nabla', {}, SPT, 'pread64'],
    ['unikernel-hvt', {}, HVT, 'pread64'],
  ] as const)('%s: cat /etc/hostname reads the image with pread64 on the block fd, allowed by %s\'s filter', (runtime, options, by, name) => {
    const r = run(boot(runtime, options), 'cat /etc/hostname');
    expect(r.stdout).toBe('3f6c2a9e1b7d\n');
    const read = r.calls.find((c) => c.name === 'read' && c.retval === 13) as CallTrace;
    const preads = hostCallsOf(read.hops).filter((h) => h.name === name);
    // One 2048-byte cd9660 block, four 512-byte sectors.
    expect(preads).toHaveLength(4);
    expect(preads.every((h) => h.by === by && h.filter === 'allowed')).toBe(true);
  });

  it.each([['echo hi', 'hi\n'], ['ls /', null]] as const)('%s prints through the console', (line, stdout) => {
    const r = run(boot(), line);
    if (stdout) expect(r.stdout).toBe(stdout);
    else expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['etc', 'tmp', 'usr']));
    expect(r.stdout.split('\n')).not.toContain('proc');
  });

  it.each([
    ['nabla', {}, ['clock_gettime', 'ppoll', 'clock_gettime']],
    ['nabla', { tender: 'solo5-spt' }, ['clock_gettime', 'timerfd_settime', 'epoll_pwait', 'clock_gettime']],
    ['unikernel-hvt', {}, ['timerfd_settime', 'epoll_pwait', 'ioctl']],
  ] as const)('%s %j: nanosleep blocks the unikernel in solo5_yield', (runtime, options, names) => {
    expect(hostNames(one(boot(runtime, options), 'nanosleep({tv_sec=1, tv_nsec=0}, NULL)'))).toEqual(names);
  });

  it('a socket\'s bytes leave as frames on the tap fd', () => {
    const r = run(boot(), 'socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)', 'sendto(3, "GET / HTTP/1.0\\r\\n\\r\\n", 18, 0, NULL, 0)');
    expect(hostNames(r.calls[0] as CallTrace)).toEqual(['write']);
    expect((r.calls[0] as CallTrace).hops.some((h) => h.layer === 'libos-net')).toBe(true);
  });

  it.each([['nabla', {}, SPT], ['unikernel-hvt', {}, HVT]] as const)('%s: exit_group ends the unikernel: the tender calls exit_group(0)', (runtime, options, by) => {
    const s = boot(runtime, options);
    const r = run(s, 'exit_group(3)');
    const c = r.calls[0] as CallTrace;
    expect(r.status).toBe(137);
    expect(hostCallsOf(c.hops).at(-1)).toEqual({ by, name: 'exit_group', filter: 'allowed' });
    expect(r.session.world.procs[s.pid]).toBeUndefined();
    expect(runInput(r.session, 'getpid()').ok).toBe(false);
  });
});

describe('the machine and its trace', () => {
  it.each([
    ['nabla', {}, 'write(1, "hello, world\\n", 13)'],
    ['nabla', { tender: 'solo5-spt' }, 'nanosleep({tv_sec=0, tv_nsec=5000}, NULL)'],
    ['unikernel-hvt', {}, 'cat /etc/passwd'],
    ['unikernel-hvt', { solo5: 'v0.10.1' }, 'fork()'],
  ] as const)('%s %j %s: every cost cites a measurement or says estimate, and the clock moves by their sum', (runtime, options, line) => {
    const ids = new Set(measurements().map((m) => m.id));
    const s = boot(runtime, options);
    const r = run(s, line);
    const hops = r.calls.flatMap((c) => c.hops);
    expect(hops.filter((h) => h.source !== 'estimate' && !ids.has(h.source)).map((h) => h.source)).toEqual([]);
    const total = hops.reduce((sum, h) => sum + h.costNs, 0);
    expect(r.session.world.timeNs - s.world.timeNs).toBeCloseTo(total, 3);
  });

  it('long output is drawn for its first 8 bytes, then summarised with the cost of every byte', () => {
    const c = one(boot(), `write(1, "${'x'.repeat(40)}", 40)`);
    expect(hostCallsOf(c.hops)).toHaveLength(8);
    const repeat = c.hops.find((h) => h.state === 'repeat');
    expect(repeat?.note).toContain('32 more');
    const oneByte = c.hops.filter((h) => ['binding', 'hostSeccomp', 'hostKernel'].includes(h.state ?? '')).reduce((s, h) => s + h.costNs, 0) / 8;
    expect(repeat?.costNs).toBeCloseTo(oneByte * 32, 1);
  });

  it.each([
    ['nabla-run', 'getpid()', ['userSpace', 'libc', 'libos', 'libos.execute', 'returning']],
    ['nabla-run', 'fork()', ['userSpace', 'libc', 'stubbed']],
    ['nabla-run', 'unshare(CLONE_NEWUTS)', ['userSpace', 'libc', 'libos', 'notSupported', 'returning']],
    ['solo5-hvt', 'write(1, "a", 1)', ['userSpace', 'libc', 'libos', 'libos.execute', 'binding', 'vmExit', 'tenderHandler', 'hostSeccomp', 'hostKernel', 'hostSeccomp', 'hostKernel', 'returning']],
  ] as const)('%s %s walks %j', (kind, text, states) => {
    const parsed = parseCall(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const s = boot();
    const [snap] = initialTransition(libOsMachine, { world: s.world, pid: s.pid, call: { name: parsed.value.name, args: parsed.value.args }, kind });
    expect(snap.status).toBe('done');
    expect(snap.context.hops.map((h) => h.state).slice(0, states.length)).toEqual(states);
  });

  it.each(['read(-1, NULL, 0)', 'clone3(NULL, 0)', 'mmap()', 'nanosleep(NULL, NULL)', 'write(99, "x", 1)', 'pread64(3, "", 10, -5)', 'connect(7, NULL, 0)'])('%s gives an errno or a value, never an exception', (text) => {
    for (const s of [boot(), boot('unikernel-hvt'), boot('nabla', { tender: 'solo5-spt' })]) {
      const c = one(s, text);
      expect(c.line.startsWith(text.slice(0, text.indexOf('(')))).toBe(true);
      expect(c.errno !== null || c.retval !== null).toBe(true);
    }
  });
});
