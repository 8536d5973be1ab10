import { describe, expect, it } from 'vitest';
import { miniOsEntry } from '../../../src/sim/lightvm/miniOs.ts';
import { answerMiniOs } from '../../../src/sim/lightvm/miniOsCall.ts';
import { bootUnikernel, UNIKERNEL_PID } from '../../../src/sim/lightvm/guest.ts';
import { syscall } from '../firecracker/fcCalls.ts';

describe("Mini-OS's lib/sys.c (noxs branch), by group", () => {
  it.each([
    // identity: implemented as constants
    ['getpid', 'implemented', 'identity'], ['getuid', 'implemented', 'identity'],
    // process: fork, exec, wait and kill are crash stubs; exit is _exit
    ['fork', 'crash', 'process'], ['clone', 'crash', 'process'], ['execve', 'crash', 'process'], ['wait4', 'crash', 'process'],
    ['kill', 'crash', 'process'], ['alarm', 'crash', 'process'], ['exit_group', 'implemented', 'process'], ['getrlimit', 'enosys', 'process'],
    // signals: unsupported, ENOSYS
    ['rt_sigaction', 'enosys', 'signals'], ['rt_sigprocmask', 'enosys', 'signals'], ['sigaltstack', 'enosys', 'signals'], ['rt_sigsuspend', 'crash', 'process'],
    // files: a few implemented, some ENOSYS, link/umask crash
    ['openat', 'implemented', 'files'], ['read', 'implemented', 'files'], ['chdir', 'enosys', 'files'], ['readlink', 'enosys', 'files'],
    ['link', 'crash', 'files'], ['umask', 'crash', 'files'], ['dup', 'enosys', 'files'], ['dup2', 'implemented', 'files'],
    // network: lwIP behind LWIP_STUB
    ['socket', 'implemented', 'network'], ['sendto', 'implemented', 'network'], ['socketpair', 'enosys', 'network'], ['shutdown', 'enosys', 'network'],
    // users
    ['setuid', 'enosys', 'users'], ['getgroups', 'enosys', 'users'],
  ])('%s is %s (%s)', (name, type, group) => {
    expect(miniOsEntry(name)).toMatchObject({ type, group });
  });

  it.each(['uname', 'brk', 'ptrace', 'mount', 'unshare', 'io_uring_setup', 'keyctl'])('%s is not in Mini-OS at all (it would not link)', (name) => {
    expect(miniOsEntry(name)).toBeNull();
  });
});

describe("Mini-OS's answers", () => {
  const { world, pid } = bootUnikernel();
  it.each([
    ['getpid()', 1, null, null],
    ['getuid()', 0, null, null],
    ['openat(AT_FDCWD, "/etc/passwd", O_RDONLY)', -1, 'EIO', null],
    ['openat(AT_FDCWD, "/var/log/app.log", O_WRONLY)', 3, null, null],
    ['write(1, "hi\\n", 3)', 3, null, 'console'],
    ['write(7, "hi\\n", 3)', -1, 'EBADF', null],
    ['fsync(1)', -1, 'EBADF', null],
    ['stat("/etc", {})', -1, 'EIO', null],
    ['dup2(1, 5)', 0, null, null],
    ['mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', 0x100000000, null, 'mmu'],
    ['uname({})', -1, 'ENOSYS', null],
    ['rt_sigaction(SIGINT, NULL, NULL, 8)', -1, 'ENOSYS', null],
  ])('%s → %s %s (I/O: %s)', (line, retval, errno, io) => {
    const a = answerMiniOs(world, pid, syscall(line));
    expect([a.retval, a.errno, a.io, a.terminated]).toEqual([retval, errno, io, null]);
  });

  it.each(['fork()', 'execve("/bin/sh", ["sh"], NULL)', 'kill(1, SIGTERM)', 'exit_group(0)'])('%s halts the unikernel', (line) => {
    expect(answerMiniOs(world, UNIKERNEL_PID, syscall(line)).terminated).toMatch(/shut|halt|gone/);
  });
});
