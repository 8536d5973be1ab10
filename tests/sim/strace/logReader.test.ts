import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArgs } from '../../../src/sim/strace/argParser.ts';
import { createLogReader, readLog } from '../../../src/sim/strace/logReader.ts';
import type { CallRecord, StraceRecord } from '../../../src/sim/strace/records.ts';
import { FILE_F_TT_T_Y, TERMINAL_CLONE_SPLIT, TERMINAL_F_R, TERMINAL_PID_DROPPED } from './fixtures.ts';

const records = (text: string): StraceRecord[] => [...readLog(text)];
const first = (text: string): StraceRecord | undefined => records(text)[0];
const calls = (text: string): CallRecord[] => records(text).filter((r): r is CallRecord => r.type === 'call');
const near = (n: number): unknown => expect.closeTo(n, 6);

const OPEN = 'openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3';
const OPEN_ARGS = 'AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC';

describe('readLog: prefixes strace puts before each event', () => {
  it.each([
    ['plain', OPEN, { pid: null, time: null, delta: null, name: 'openat', rawArgs: OPEN_ARGS, retval: 3 }],
    ['-f to a file', `3819  ${OPEN}`, { pid: 3819, time: null }],
    ['-f to a terminal', `[pid  3902] ${OPEN}`, { pid: 3902 }],
    ['-t', `04:17:19 ${OPEN}`, { time: 4 * 3600 + 17 * 60 + 19 }],
    ['-tt', `04:07:51.123456 ${OPEN}`, { time: near(4 * 3600 + 7 * 60 + 51.123456) }],
    ['-f -tt', `3819  04:17:10.926754 ${OPEN}`, { pid: 3819, time: near(15430.926754) }],
    ['-ttt', `1732853271.123456 ${OPEN}`, { time: near(1732853271.123456) }],
    ['--timestamps=unix,ns', `1795926816.267692571 ${OPEN}`, { time: near(1795926816.267692) }],
    ['-r', `     0.000763 ${OPEN}`, { time: null, delta: near(0.000763) }],
    ['-f -r to a terminal', `[pid  3902]      0.000248 ${OPEN}`, { pid: 3902, delta: near(0.000248) }],
    ['-f -ttt -r', `3880  1795925835.230184 (+     0.000045) ${OPEN}`, { pid: 3880, time: near(1795925835.230184), delta: near(0.000045) }],
    ['-i', `[00007f144e998b1d] ${OPEN}`, { name: 'openat', rawArgs: OPEN_ARGS }],
    ['-n', `[ 257] ${OPEN}`, { name: 'openat', rawArgs: OPEN_ARGS }],
    ['-f -tt -i', `[pid  12] 04:07:51.1 [00007f144e998b1d] ${OPEN}`, { pid: 12, time: near(14871.1), name: 'openat' }],
  ])('%s', (_format, line, expected) => {
    expect(first(line)).toMatchObject({ type: 'call', ...expected });
  });
});

describe('readLog: return values and what follows them', () => {
  it.each([
    ['-T', 'getuid()          = 0 <0.000014>', { retval: 0, duration: near(0.000014), annotation: null }],
    ['an address', 'brk(0x564655bf5000) = 0x564655bf5000', { retval: 0x564655bf5000 }],
    ['an errno', 'access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory) <0.000020>', { retval: -1, errno: 'ENOENT', errnoText: 'No such file or directory', duration: near(0.00002) }],
    ['a restart code', 'read(0, 0x7ffc1, 4096) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)', { retval: null, errno: 'ERESTARTSYS', errnoText: 'To be restarted if SA_RESTART is set' }],
    ['no return', 'exit_group(0)                           = ?', { retval: null, errno: null, annotation: null }],
    ['an alias errno', 'read(3, 0x7ffc1, 16) = -1 EWOULDBLOCK (Resource temporarily unavailable)', { errno: 'EAGAIN' }],
    ['an errno the lab does not list', 'keyctl(KEYCTL_READ, 5, NULL, 0) = -1 EKEYEXPIRED (Key has expired)', { errno: 'EKEYEXPIRED' }],
    ['(Timeout)', 'poll([{fd=3, events=POLLIN|POLLPRI|POLLOUT}], 1, 1) = 0 (Timeout)', { retval: 0, annotation: '(Timeout)' }],
    ['(flags …)', 'fcntl(3<pipe:[7010]>, F_GETFL)          = 0 (flags O_RDONLY)', { retval: 0, annotation: '(flags O_RDONLY)', rawArgs: '3<pipe:[7010]>, F_GETFL' }],
    ['hex (flags …)', 'fcntl(3<pipe:[7010]>, F_GETFD)          = 0x1 (flags FD_CLOEXEC)', { retval: 1, annotation: '(flags FD_CLOEXEC)' }],
    ['poll revents', 'poll([{fd=3<pipe:[7010]>, events=POLLIN}], 1, 10) = 1 ([{fd=3, revents=POLLIN}])', { retval: 1, annotation: '([{fd=3, revents=POLLIN}])' }],
    ['-y fd', 'openat(AT_FDCWD</tmp>, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3</etc/ld.so.cache> <0.000023>', { retval: 3, annotation: '</etc/ld.so.cache>', duration: near(0.000023) }],
    ['-yy socket', 'socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3<TCP:[5040]>', { retval: 3, annotation: '<TCP:[5040]>' }],
    ['-yy TCP pair', 'accept(3<TCP:[5041]>, NULL, NULL) = 4<TCP:[127.0.0.1:80->127.0.0.1:47640]> <0.000012>', { retval: 4, annotation: '<TCP:[127.0.0.1:80->127.0.0.1:47640]>', duration: near(0.000012) }],
    ['-yy device', 'close(5</dev/null<char 1:3>>)           = 0', { retval: 0, rawArgs: '5</dev/null<char 1:3>>' }],
    ['an injected fault', 'nanosleep({tv_sec=0, tv_nsec=10000000}, NULL) = -1 EPERM (Operation not permitted) (INJECTED)', { errno: 'EPERM', annotation: '(INJECTED)' }],
    ['a detached process', '= ? <unavailable>'.replace(/^/, 'futex(0x7f, FUTEX_WAIT_PRIVATE, 2, NULL) '), { retval: null, annotation: '<unavailable>' }],
    ['a truncated string', 'read(3</usr/lib/libc.so.6>, "\\177ELF\\2\\1\\1\\3\\0"..., 832) = 832', { retval: 832, rawArgs: '3</usr/lib/libc.so.6>, "\\177ELF\\2\\1\\1\\3\\0"..., 832' }],
    ['" = " inside a string', 'write(1, "x) = 3\\n", 7) = 7', { retval: 7, rawArgs: '1, "x) = 3\\n", 7' }],
    ['an unknown syscall number', 'syscall_0x1b4(0x1, 0x2, 0x3) = -1 ENOSYS (Function not implemented)', { name: 'syscall_0x1b4', errno: 'ENOSYS' }],
  ])('%s', (_what, line, expected) => {
    expect(first(line)).toMatchObject({ type: 'call', unfinished: false, resumedLineNo: null, ...expected });
  });
});

describe('readLog: signals, exits and strace messages', () => {
  it.each([
    ['--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3820, si_uid=0, si_status=0} ---', { type: 'signal', signal: 'SIGCHLD', info: '{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3820, si_uid=0, si_status=0}', stopped: false }],
    ['[pid  42] --- stopped by SIGSTOP ---', { type: 'signal', pid: 42, signal: 'SIGSTOP', info: null, stopped: true }],
    ['3819  04:17:10.973324 +++ exited with 0 +++', { type: 'exit', pid: 3819, time: near(15430.973324), code: 0 }],
    ['+++ exited with 1 +++', { type: 'exit', code: 1 }],
    ['3879  +++ killed by SIGKILL +++', { type: 'killed', pid: 3879, signal: 'SIGKILL', coreDumped: false }],
    ['+++ killed by SIGSEGV (core dumped) +++', { type: 'killed', signal: 'SIGSEGV', coreDumped: true }],
    ['+++ superseded by execve in pid 1235 +++', { type: 'superseded', byPid: 1235 }],
    ['strace: Process 1234 attached', { type: 'attach', target: 1234, pid: null }],
    ['strace: Process 1234 detached', { type: 'detach', target: 1234 }],
  ])('%s', (line, expected) => {
    expect(first(line)).toMatchObject({ lineNo: 1, ...expected });
  });
});

describe('readLog: lines it cannot read, and why', () => {
  it.each([
    ['hello world', 'expected a call such as'],
    ['getpid = 5', "'getpid' is followed by U+0020, not '('"],
    ['openat(AT_FDCWD, "/etc/passwd"', 'cut short'],
    ['getpid() = ', 'without a return value'],
    ['getpid() = abc', "'abc' is neither a number nor '?'"],
    ['getpid() = 3x', "unexpected 'x' right after the return value"],
    ['<... read resumed', "must say '<... NAME resumed>'"],
    ['--- SIGCHLD {si_signo=SIGCHLD}', "not closed by ' ---'"],
    ['+++ vanished +++', 'is none of'],
    ['strace: exec: No such file or directory', "strace's own message"],
    ['% time     seconds  usecs/call     calls    errors syscall', 'strace -c summary table'],
    [' > /usr/lib/x86_64-linux-gnu/libc.so.6(open64+0x1f) [0x114b1d]', 'strace -k'],
    ['1234  ', 'only a pid or timestamp'],
    ['3819  04:17:10.926469 ???', 'after the prefix, column 23'],
  ])('%j', (line, why) => {
    expect(first(line)).toMatchObject({ type: 'unreadable', lineNo: 1, text: line.trimEnd(), why: expect.stringContaining(why) });
  });

  it('skips blank lines, reads CRLF, and counts every line', () => {
    const reader = createLogReader('getpid() = 1\r\n\r\n  \t\n\ngetppid() = 0\r\n');
    const got: StraceRecord[] = [];
    while (reader.read(2, (r) => got.push(r)));
    expect(got.map((r) => [r.type, r.lineNo, r.type === 'call' && r.retval])).toEqual([['call', 1, 1], ['call', 5, 0]]);
    expect(reader.linesRead).toBe(5);
  });
});

describe('readLog joins <unfinished ...> and <... resumed> by pid', () => {
  it('merges a -f log into whole calls, emitted when they resume', () => {
    const merged = calls(FILE_F_TT_T_Y).filter((c) => c.resumedLineNo !== null);
    expect(merged.map((c) => [c.name, c.pid, c.lineNo, c.resumedLineNo, c.rawArgs, c.retval])).toEqual([
      ['vfork', 3819, 10, 12, '', 3820],
      ['execve', 3820, 11, 14, '"/usr/bin/ls", ["ls", "-la", "/usr/lib"], 0x564655bd4ad8 /* 35 vars */', 0],
      ['wait4', 3819, 13, 19, '-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL', 3820],
      ['rt_sigprocmask', 3819, 21, 22, 'SIG_SETMASK, [], ~[KILL STOP RTMIN RT_1], 8', 0],
    ]);
    expect(merged[2]).toMatchObject({ time: near(15430.93086), duration: near(0.031935), unfinished: false });
  });

  it('reads every line of a real -f -tt -T -y log and parses every argument list', () => {
    const all = records(FILE_F_TT_T_Y);
    expect(all.filter((r) => r.type === 'unreadable')).toEqual([]);
    expect(all.map((r) => r.type).filter((t) => t !== 'call')).toEqual(['exit', 'signal', 'exit']);
    for (const call of calls(FILE_F_TT_T_Y)) expect(parseArgs(call.rawArgs)).toMatchObject({ ok: true });
  });

  it('follows a terminal log: attach messages cutting lines, pids appearing', () => {
    const all = records(TERMINAL_F_R);
    expect(all.map((r) => (r.type === 'call' ? `${r.name}@${r.lineNo}` : r.type))).toEqual([
      'execve@1', 'attach', 'vfork@2', 'execve@4', 'openat@8', 'exit_group@9', 'exit', 'wait4@6', 'signal', 'rt_sigreturn@13',
    ]);
    expect(all.find((r) => r.type === 'call' && r.name === 'vfork')).toMatchObject({ pid: 3901, retval: 3902, resumedLineNo: 5 });
    expect(all.find((r) => r.type === 'call' && r.name === 'wait4')).toMatchObject({ pid: 3901, retval: 3902, resumedLineNo: 11 });
  });

  it('rejoins a call whose arguments an attach message cut in two', () => {
    const all = records(TERMINAL_CLONE_SPLIT);
    expect(all[0]).toMatchObject({ type: 'attach', target: 5334 });
    expect(all[1]).toMatchObject({
      type: 'call', name: 'clone', lineNo: 1, retval: 5334,
      rawArgs: 'child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f29f4903a10',
    });
    expect(all.filter((r) => r.type === 'unreadable')).toEqual([]);
  });

  it('resumes a call whose pid prefix strace dropped when one process was left', () => {
    const call = calls(TERMINAL_PID_DROPPED).find((c) => c.name === 'rt_sigsuspend');
    expect(call).toMatchObject({ pid: 8876, lineNo: 1, resumedLineNo: 4, rawArgs: '[], 8', retval: null, errno: 'ERESTARTNOHAND' });
  });

  it.each([
    ['killed mid-call', '[pid 7] futex(0x7f, FUTEX_WAIT_PRIVATE, 2, NULL <unfinished ...>\n[pid 8] getpid() = 8\n[pid 7] +++ killed by SIGKILL +++', ['getpid', 'futex', 'killed']],
    ['the log ends mid-call', '[pid 7] read(0,  <unfinished ...>\n[pid 8] getpid() = 8', ['getpid', 'read']],
    ['detached mid-call', '[pid 7] wait4(-1,  <detached ...>\n[pid 8] getpid() = 8', ['wait4', 'getpid']],
  ])('emits a call never resumed when %s', (_when, log, order) => {
    const all = records(log);
    expect(all.map((r) => (r.type === 'call' ? r.name : r.type))).toEqual(order);
    expect(all.find((r) => r.type === 'call' && r.pid === 7)).toMatchObject({ unfinished: true, retval: null, errno: null, resumedLineNo: null });
  });

  it('keeps the arguments of a call never resumed parseable', () => {
    const [call] = calls('wait4(-1,  <unfinished ...>');
    expect(call?.rawArgs).toBe('-1,');
    expect(parseArgs(call?.rawArgs ?? '')).toMatchObject({ ok: true, value: { args: [{ type: 'number', value: -1 }] } });
  });

  it('reads a resumed half whose start is not in the log as a call of its own', () => {
    expect(first('[pid 9] <... read resumed>"abc", 3) = 3')).toMatchObject({
      type: 'call', name: 'read', pid: 9, lineNo: 1, resumedLineNo: 1, rawArgs: '"abc", 3', retval: 3, unfinished: false,
    });
  });

  it('reads a real log of a shell running ls and cat without an unreadable line', () => {
    const sample = readFileSync(new URL('../../../bench/sample.strace', import.meta.url), 'utf8');
    const all = records(sample);
    expect(all.filter((r) => r.type === 'unreadable')).toEqual([]);
    expect(all.filter((r) => r.type === 'call' && r.unfinished)).toEqual([]);
    for (const call of calls(sample)) expect(parseArgs(call.rawArgs).ok).toBe(true);
  });

  it('gives the same records read in chunks of any size', () => {
    const whole = records(FILE_F_TT_T_Y + TERMINAL_F_R);
    for (const size of [1, 3, 7, 1000, 0, Number.NaN]) {
      const reader = createLogReader(FILE_F_TT_T_Y + TERMINAL_F_R);
      const got: StraceRecord[] = [];
      while (reader.read(size, (r) => got.push(r)));
      expect(got).toEqual(whole);
    }
  });
});
