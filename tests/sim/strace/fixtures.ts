/**
 * Lines captured from strace 6.1 on this lab's build machine (pids, times
 * and addresses as printed), one block per output format.
 */

/** `strace -f -tt -T -y -o LOG sh -c 'ls -la /usr/lib; cat /etc/passwd'` */
export const FILE_F_TT_T_Y = `3819  04:17:10.926469 brk(NULL)         = 0x564655bd4000 <0.000017>
3819  04:17:10.926663 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory) <0.000020>
3819  04:17:10.926754 openat(AT_FDCWD</tmp>, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3</etc/ld.so.cache> <0.000023>
3819  04:17:10.926960 newfstatat(3</etc/ld.so.cache>, "", {st_mode=S_IFREG|0644, st_size=34547, ...}, AT_EMPTY_PATH) = 0 <0.000017>
3819  04:17:10.927242 read(3</usr/lib/x86_64-linux-gnu/libc.so.6>, "\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t\\2\\0\\0\\0\\0\\0"..., 832) = 832 <0.000017>
3819  04:17:10.928392 prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0 <0.000015>
3819  04:17:10.928667 rt_sigaction(SIGCHLD, {sa_handler=0x564619e35dc0, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, sa_restorer=0x7f88d5e89050}, NULL, 8) = 0 <0.000015>
3819  04:17:10.928774 getrandom("\\xcd\\x5a\\xc6\\x6d\\xc3\\x31\\x66\\x35", 8, GRND_NONBLOCK) = 8 <0.000015>
3819  04:17:10.929585 fcntl(1</tmp/out>, F_DUPFD, 10) = 11</tmp/out> <0.000020>
3819  04:17:10.930554 vfork( <unfinished ...>
3820  04:17:10.930709 execve("/usr/bin/ls", ["ls", "-la", "/usr/lib"], 0x564655bd4ad8 /* 35 vars */ <unfinished ...>
3819  04:17:10.930806 <... vfork resumed>) = 3820 <0.000243>
3819  04:17:10.930860 wait4(-1,  <unfinished ...>
3820  04:17:10.930926 <... execve resumed>) = 0 <0.000203>
3820  04:17:10.938681 ioctl(1</dev/null>, TCGETS, 0x7ffe8776dbe0) = -1 ENOTTY (Inappropriate ioctl for device) <0.000017>
3820  04:17:10.939314 connect(3<socket:[4889]>, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory) <0.000037>
3820  04:17:10.962367 exit_group(0)     = ?
3820  04:17:10.962756 +++ exited with 0 +++
3819  04:17:10.962802 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 3820 <0.031935>
3819  04:17:10.962879 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3820, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
3819  04:17:10.964668 rt_sigprocmask(SIG_SETMASK, [],  <unfinished ...>
3819  04:17:10.964706 <... rt_sigprocmask resumed>~[KILL STOP RTMIN RT_1], 8) = 0 <0.000021>
3819  04:17:10.973140 exit_group(0)     = ?
3819  04:17:10.973324 +++ exited with 0 +++
`;

/** `strace -f -r sh -c 'true & wait; ls'` to a terminal: `[pid N]` prefixes, attach messages cutting lines. */
export const TERMINAL_F_R = `     0.000000 execve("/usr/bin/sh", ["sh", "-c", "true & wait; ls"], 0x7fffb98b8060 /* 35 vars */) = 0
     0.000627 vfork(strace: Process 3902 attached
 <unfinished ...>
[pid  3902]      0.000185 execve("/usr/bin/ls", ["ls", "/"], 0x56220db9cb48 /* 35 vars */ <unfinished ...>
[pid  3901]      0.000124 <... vfork resumed>) = 3902
[pid  3901]      0.000045 wait4(-1,  <unfinished ...>
[pid  3902]      0.000050 <... execve resumed>) = 0
[pid  3902]      0.000248 openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3
[pid  3902]      0.000122 exit_group(0) = ?
[pid  3902]      0.000168 +++ exited with 0 +++
     0.000052 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 3902
     0.000043 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3902, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
     0.000041 rt_sigreturn({mask=[]})   = 3902
`;

/** `strace -f sh -c 'true & wait'` to a terminal: the attach message lands inside clone's arguments. */
export const TERMINAL_CLONE_SPLIT = `clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLDstrace: Process 5334 attached
, child_tidptr=0x7f29f4903a10) = 5334
[pid  5334] exit_group(0)               = ?
[pid  5334] +++ exited with 0 +++
--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5334, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
exit_group(0)                           = ?
+++ exited with 0 +++
`;

/** `strace -f -r` to a terminal: the prefix goes away once one process is left, mid-call. */
export const TERMINAL_PID_DROPPED = `[pid  8876]      0.000020 rt_sigsuspend([], 8 <unfinished ...>
[pid  8877]      0.000122 exit_group(0) = ?
[pid  8877]      0.000168 +++ exited with 0 +++
     0.000026 <... rt_sigsuspend resumed>) = ? ERESTARTNOHAND (To be restarted if no handler)
     0.000031 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8877, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
     0.000040 rt_sigreturn({mask=~[KILL STOP RTMIN RT_1]}) = -1 EINTR (Interrupted system call)
`;
