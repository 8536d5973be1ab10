import { describe, expect, it } from 'vitest';
import { parseCall } from '../../../src/sim/strace/callParser.ts';
import { allNodes, shapeCall } from './argShape.ts';

const parsed = (input: string): string => {
  const r = parseCall(input);
  return r.ok ? shapeCall(r.value.name, r.value.args, r.value.labels) : `ERROR ${r.message}`;
};

describe('parseCall reads what a person types in strace syntax', () => {
  it.each([
    ['openat(AT_FDCWD, "/etc/passwd", O_RDONLY)', 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY)'],
    ['unshare(CLONE_NEWNS|CLONE_NEWUSER)', 'unshare(CLONE_NEWNS|CLONE_NEWUSER)'],
    ['sethostname("lab", 3)', 'sethostname("lab", #3)'],
    ['getpid()', 'getpid()'],
    ['  unshare ( CLONE_NEWUSER | CLONE_NEWNS )  ', 'unshare(CLONE_NEWUSER|CLONE_NEWNS)'],
    [
      'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f…)',
      'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=…(0x7f…))',
    ],
    [
      'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=0x7f29f4903a10)',
      `clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=#${0x7f29f4903a10})`,
    ],
    ['execve("/bin/ls", ["ls", "-l"], 0x7ffc… /* 20 vars */)', 'execve("/bin/ls", ["ls", "-l"], …(0x7ffc… /* 20 vars */))'],
    [
      'execve("/usr/bin/ls", ["ls", "-la", "/usr/lib"], 0x564655bd4ad8 /* 35 vars */)',
      'execve("/usr/bin/ls", ["ls", "-la", "/usr/lib"], …(0x564655bd4ad8 /* 35 vars */))',
    ],
    ['execve("/bin/sh", ["sh", "-c", "echo \\"hi\\"; exit 0"], NULL)', 'execve("/bin/sh", ["sh", "-c", "echo \\"hi\\"; exit 0"], NULL)'],
    ['write(1, "hello\\n", 6)', 'write(#1, "hello\\n", #6)'],
    ['write(1, "\\t\\"\\\\\\x41\\0\\101\\177", 7)', 'write(#1, "\\t\\"\\\\A\\u0000A\u007f", #7)'],
    ['write(1, "", 0)', 'write(#1, "", #0)'],
    ['getrandom("\\xcd\\x5a", 2, GRND_NONBLOCK)', 'getrandom("\u00cdZ", #2, GRND_NONBLOCK)'],
    ['read(3</etc/passwd>, "root:x:0:0:"..., 4096)', 'read(fd:3</etc/passwd>, "root:x:0:0:"..., #4096)'],
    ['mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', 'mmap(NULL, #8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, #-1, #0)'],
    ['fstat(3, {st_mode=S_IFREG|0644, st_size=1234, ...})', 'fstat(#3, {st_mode=S_IFREG|#420, st_size=#1234, …})'],
    ['poll([{fd=3, events=POLLIN}], 1, 10)', 'poll([{fd=#3, events=POLLIN}], #1, #10)'],
    ['mknodat(AT_FDCWD, "/dev/null", S_IFCHR|0666, makedev(0x1, 0x3))', 'mknodat(AT_FDCWD, "/dev/null", S_IFCHR|#438, makedev(#1, #3))'],
    ['chmod("/tmp/x", 0644)', 'chmod("/tmp/x", #420)'],
    ['lseek(3, -1, SEEK_CUR)', 'lseek(#3, #-1, SEEK_CUR)'],
    ['lseek(3, 18446744073709551615, SEEK_SET)', 'lseek(#3, #18446744073709552000, SEEK_SET)'],
    ['syscall_0x1b4(0x1, 0x2)', 'syscall_0x1b4(#1, #2)'],
    ['exit_group(0)', 'exit_group(#0)'],
    ['socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP)', 'socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP)'],
    [
      'connect(3<socket:[12345]>, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16)',
      'connect(fd:3<socket:[12345]>, {sa_family=AF_INET, sin_port=htons(#80), sin_addr=inet_addr("127.0.0.1")}, #16)',
    ],
    ['close(4<TCP:[127.0.0.1:48167->127.0.0.1:47640]>)', 'close(fd:4<TCP:[127.0.0.1:48167->127.0.0.1:47640]>)'],
    ['ioctl(5</dev/null<char 1:3>>, TCGETS, 0x7ffeeffea820)', `ioctl(fd:5</dev/null<char 1:3>>, TCGETS, #${0x7ffeeffea820})`],
    ['pipe2([3<pipe:[7010]>, 4<pipe:[7010]>], O_CLOEXEC)', 'pipe2([fd:3<pipe:[7010]>, fd:4<pipe:[7010]>], O_CLOEXEC)'],
    ['newfstatat(AT_FDCWD</tmp>, "/tmp", {st_mode=S_IFDIR|S_ISVTX|0777, ...}, 0)', 'newfstatat(fd:-100</tmp>, "/tmp", {st_mode=S_IFDIR|S_ISVTX|#511, …}, #0)'],
    ['setns(3</proc/1/ns/mnt>, CLONE_NEWNS)', 'setns(fd:3</proc/1/ns/mnt>, CLONE_NEWNS)'],
    ['rt_sigprocmask(SIG_SETMASK, [CHLD], ~[RTMIN RT_1], 8)', 'rt_sigprocmask(SIG_SETMASK, [CHLD], raw(~[RTMIN RT_1]), #8)'],
    ['rt_sigprocmask(SIG_BLOCK, [KILL STOP], [], 8)', 'rt_sigprocmask(SIG_BLOCK, [KILL, STOP], [], #8)'],
    [
      'rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER}, NULL, 8)',
      'rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=raw(~[RTMIN RT_1]), sa_flags=SA_RESTORER}, NULL, #8)',
    ],
    ['getdents64(3, 0x55d0 /* 5 entries */, 32768)', 'getdents64(#3, …(0x55d0 /* 5 entries */), #32768)'],
    ['prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY})', 'prlimit64(#0, RLIMIT_STACK, NULL, {rlim_cur=raw(8192*1024), rlim_max=RLIM64_INFINITY})'],
    ['setsockopt(3, SOL_SOCKET, SO_RCVBUF, [1<<20], 4)', 'setsockopt(#3, SOL_SOCKET, SO_RCVBUF, [raw(1<<20)], #4)'],
    ['wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL)', 'wait4(#-1, [{raw(WIFEXITED(s) && WEXITSTATUS(s) == 0)}], #0, NULL)'],
    ['ioctl(1, TCGETS, {B38400 opost isig icanon echo ...})', 'ioctl(#1, TCGETS, {B38400, opost, isig, icanon, echo, …})'],
    [
      'sendmsg(3, {msg_name=NULL, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_flags=0}, 0)',
      'sendmsg(#3, {msg_name=NULL, msg_iov=[{iov_base="x", iov_len=#1}], msg_iovlen=#1, msg_flags=#0}, #0)',
    ],
    ['mount("none", "/mnt", "tmpfs", MS_NOSUID|MS_NODEV, "size=1m")', 'mount("none", "/mnt", "tmpfs", MS_NOSUID|MS_NODEV, "size=1m")'],
    ['capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_SYS_ADMIN, permitted=0})', 'capset({version=_LINUX_CAPABILITY_VERSION_3, pid=#0}, {effective=raw(1<<CAP_SYS_ADMIN), permitted=#0})'],
    ['f(/* why */ 1, 0x80000 /* O_CLOEXEC */)', `f(#1, #${0x80000})`],
  ])('%s', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it.each([
    ['clone(child_stack=NULL, flags=SIGCHLD, 0)', ['child_stack', 'flags', null]],
    ['openat(AT_FDCWD, "/x", O_RDONLY)', [null, null, null]],
  ])('keeps the labels of %s', (input, labels) => {
    const r = parseCall(input);
    expect(r.ok && r.value.labels).toEqual(labels);
  });

  it.each([
    ['chmod("/x", 0644)', 1, { type: 'number', value: 0o644, text: '0644' }],
    ['f(0x7e020000)', 0, { type: 'number', value: 0x7e020000, text: '0x7e020000' }],
    ['f("abc"...)', 0, { type: 'string', value: 'abc', truncated: true, text: '"abc"...' }],
    ['f(3</etc/passwd>)', 0, { type: 'fd', fd: 3, path: '/etc/passwd', text: '3</etc/passwd>' }],
    ['f(...)', 0, { type: 'omitted', text: '...' }],
  ])('%s gives argument %i exactly', (input, index, node) => {
    const r = parseCall(input);
    expect(r.ok && r.value.args[index]).toEqual(node);
  });

  it('gives every node the text it was read from', () => {
    const input = 'rt_sigaction(SIGCHLD, {sa_handler=0x5646, sa_mask=[CHLD], sa_flags=SA_RESTORER|SA_RESTART}, NULL, 8)';
    const r = parseCall(input);
    if (!r.ok) throw new Error(r.message);
    for (const node of allNodes(r.value.args)) expect(input).toContain(node.text);
  });
});

describe('parseCall says what is wrong, and where', () => {
  it.each([
    ['', 'empty input', 1],
    ['   ', 'empty input', 4],
    ['(1)', "missing syscall name before '('", 1],
    ['1getpid()', "a syscall name starts with a letter or '_'", 1],
    ['open-at(1)', "unexpected character '-' in syscall name", 5],
    ['getpïd()', 'unexpected character U+00EF in syscall name', 5],
    ['getpid', "expected '(' after 'getpid'", 7],
    ['get pid()', "expected '(' after 'get'", 5],
    ['getpid(', "missing ')' to close '(' from column 7", 8],
    ['sethostname("lab, 3)', 'unterminated string starting at column 13', 13],
    ['f("abc\\', 'unterminated string starting at column 3', 3],
    ['getpid() x', "unexpected text after ')'", 10],
    ['getpid() = 5', "leave out the ' = …' result", 10],
    ['f(1))', "unexpected text after ')'", 5],
    ['f(1,,2)', 'empty argument at column 5', 5],
    ['f(1,)', 'empty argument at column 5', 5],
    ['f(, 1)', 'empty argument at column 3', 3],
    ['f(x=)', "missing value after 'x='", 5],
    ['f(1, {a=1)', "expected '}' to close '{' from column 6, found ')'", 10],
    ['f([1, 2)', "expected ']' to close '[' from column 3, found ')'", 8],
    ['f(])', "expected ')' to close '(' from column 2, found ']'", 3],
    ['f(~[A)', "expected ']' to close '[' from column 4, found ')'", 6],
    ['write(1, "\\q", 1)', "unknown escape '\\q'", 11],
    ['write(1, "\\x", 1)', "'\\x' at column 11 must be followed by hex digits", 11],
    ['f(1 /* never closed)', 'unterminated comment starting at column 5', 5],
    [`f(${'['.repeat(100)})`, 'nesting deeper than 64 levels', 67],
  ])('%j', (input, message, column) => {
    const r = parseCall(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
    expect(r.column).toBe(column);
  });
});
