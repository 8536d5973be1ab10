import { describe, expect, it } from 'vitest';
import { runCall } from '../../../src/machines/runCall.ts';
import { readCgroupFile } from '../../../src/sim/cgroups/files.ts';
import { HOST_SHELL_PID } from '../../../src/sim/kernel/boot.ts';
import { capNumber, parseCapability } from '../../../src/sim/kernel/capabilities.ts';
import type { Session } from '../../../src/sim/runtime/types.ts';
import { parseCall } from '../../../src/sim/strace/callParser.ts';
import type { CallTrace } from '../../../src/sim/trace.ts';
import { measurements, referenceList } from '../../helpers/reference.ts';
import { asUser, boot, call, callNamed, ENTRY, pathOf, run } from './sessions.ts';

/**
 * What a Linux kernel does with a call, as the lab's host and runc sessions
 * show it through runInput: the strace line, the errno, the layer that said
 * no, and the gates the call went through. Every case starts from a freshly
 * booted session.
 */
const SECCOMP_DENIED: [string, string][] = [...ENTRY, ['seccomp', 'deny'], ['syscall', 'deny']];
const MOUNT = 'mount("none", "/mnt", "tmpfs", 0, NULL)';
const MiB = 1024 * 1024;

/** The host's root shell looking at the same machine as a session (the container's world seen from outside). */
const hostShellOf = (s: Session): Session => ({ runtime: 'host', world: s.world, pid: HOST_SHELL_PID, options: {} });

function must<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('pid namespace: getpid()', () => {
  it.each([
    { runtime: 'runc' as const, line: 'getpid() = 1' },
    { runtime: 'host' as const, line: `getpid() = ${HOST_SHELL_PID}` },
  ])('$runtime: $line', ({ runtime, line }) => {
    const c = call(boot(runtime), 'getpid()');
    expect(c.line).toBe(line);
    expect(pathOf(c)).toEqual([...ENTRY, ['seccomp', 'pass'], ['kernel', 'handled'], ['syscall', 'pass']]);
  });

  it("the host sees the container's init at its host pid", () => {
    const s = boot('runc');
    const init = s.world.procs[s.pid];
    expect(s.pid).not.toBe(1);
    expect(init).toMatchObject({ pid: s.pid, comm: 'sh', nsPids: [s.pid, 1] });
    expect(run(hostShellOf(s), `cat /proc/${s.pid}/status`).stdout).toContain(`NSpid:\t${s.pid}\t1\n`);
    expect(call(hostShellOf(s), `kill(${s.pid}, 0)`).line).toBe(`kill(${s.pid}, 0) = 0`);
  });

  it("the container cannot see the host's shell", () => {
    const c = call(boot('runc'), `kill(${HOST_SHELL_PID}, 0)`);
    expect([c.errno, c.deniedBy]).toEqual(['ESRCH', 'namespaces']);
  });
});

describe('UTS namespace', () => {
  it('a hostname set in a new UTS namespace is not seen by the rest of the host', () => {
    const after = run(boot('host'), 'unshare(CLONE_NEWUTS)', 'sethostname("lab", 3)').session;
    const uname = run(after, 'uname -n');
    expect(uname.stdout).toBe('lab\n');
    expect(callNamed(uname, 'uname').line).toContain('nodename="lab"');
    const { procs, namespaces } = after.world;
    const shellUts = procs[after.pid]?.ns.uts ?? -1;
    const initUts = procs[1]?.ns.uts ?? -1;
    expect(shellUts).not.toBe(initUts);
    expect(namespaces[initUts]).toMatchObject({ type: 'uts', hostname: 'lab-host' });
    expect(namespaces[shellUts]).toMatchObject({ type: 'uts', hostname: 'lab' });
    // systemd (pid 1) asks the kernel itself
    expect(call({ ...after, pid: 1 }, 'uname({...})').line).toContain('nodename="lab-host"');
  });

  it('without a new UTS namespace, the host root changes the name every host process sees', () => {
    const after = run(boot('host'), 'sethostname("lab", 3)').session;
    expect(call({ ...after, pid: 1 }, 'uname({...})').line).toContain('nodename="lab"');
  });

  it.each([
    { who: 'runc (Docker gates sethostname on CAP_SYS_ADMIN)', session: () => boot('runc'), deniedBy: 'seccomp' },
    { who: 'host, uid 1000 without capabilities', session: () => asUser(boot('host')), deniedBy: 'capabilities' },
  ])('sethostname is EPERM: $who', ({ session, deniedBy }) => {
    const c = call(session(), 'sethostname("lab", 3)');
    expect(c.line).toBe('sethostname("lab", 3) = -1 EPERM (Operation not permitted)');
    expect(c.deniedBy).toBe(deniedBy);
  });
});

describe('mount needs CAP_SYS_ADMIN over the mount namespace', () => {
  it.each([
    {
      who: 'runc: Docker allows mount only with CAP_SYS_ADMIN, which the container lacks',
      session: () => boot('runc'), deniedBy: 'seccomp', path: SECCOMP_DENIED,
    },
    {
      who: 'host, uid 1000 without capabilities',
      session: () => asUser(boot('host')), deniedBy: 'capabilities',
      path: [...ENTRY, ['seccomp', 'pass'], ['namespaces', 'pass'], ['capabilities', 'deny'], ['syscall', 'deny']],
    },
    {
      who: 'host root after unshare(CLONE_NEWUSER): all capabilities, but only in the new user namespace, not the one owning the initial mount namespace',
      session: () => run(boot('host'), 'unshare(CLONE_NEWUSER)').session, deniedBy: 'capabilities',
      path: [...ENTRY, ['seccomp', 'pass'], ['namespaces', 'pass'], ['capabilities', 'deny'], ['syscall', 'deny']],
    },
  ])('EPERM — $who', ({ session, deniedBy, path }) => {
    const c = call(session(), MOUNT);
    expect(c.line).toBe(`${MOUNT} = -1 EPERM (Operation not permitted)`);
    expect([c.retval, c.errno, c.deniedBy]).toEqual([-1, 'EPERM', deniedBy]);
    expect(pathOf(c)).toEqual(path);
  });

  it('host root mounts: the capability and VFS checks pass', () => {
    const c = call(boot('host'), MOUNT);
    expect(c.line).toBe(`${MOUNT} = 0`);
    expect(pathOf(c)).toEqual([...ENTRY, ['seccomp', 'pass'], ['namespaces', 'pass'], ['capabilities', 'pass'], ['vfs', 'pass'], ['kernel', 'handled'], ['syscall', 'pass']]);
  });
});

// Left out: tuxcall() (or any sys_ni_syscall slot Docker's profile does not allow) in runc. The real
// kernel runs the seccomp filter before it looks the number up (syscall_enter_from_user_mode, then
// do_syscall_x64), so the answer is EPERM from seccomp; the dispatch machine checks notImplemented first
// and answers ENOSYS from the kernel. `isolab verdicts` has it right (see verdicts.test.ts).
describe("seccomp: what Docker's profile refuses and the host allows", () => {
  it.each([
    { input: 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)', errno: 'EPERM' },
    { input: 'unshare(CLONE_NEWUSER)', errno: 'EPERM' },
    // clone3 passes its flags in memory, where a filter cannot look: Docker answers ENOSYS so libc falls back to clone
    { input: 'clone3({flags=0, exit_signal=SIGCHLD}, 88)', errno: 'ENOSYS' },
    { input: 'reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_CAD_OFF, NULL)', errno: 'EPERM' },
    { input: 'init_module(NULL, 0, "")', errno: 'EPERM' },
    { input: 'finit_module(3, "", 0)', errno: 'EPERM' },
    { input: 'settimeofday(NULL, NULL)', errno: 'EPERM' },
    { input: 'socket(AF_ALG, SOCK_SEQPACKET, 0)', errno: 'EPERM' },
    { input: 'socket(AF_VSOCK, SOCK_STREAM, 0)', errno: 'EPERM' },
  ])('runc: $input = -1 $errno, denied by seccomp', ({ input, errno }) => {
    const c = call(boot('runc'), input);
    expect(c.line).toMatch(new RegExp(`= -1 ${errno} \\(`));
    expect([c.retval, c.errno, c.deniedBy]).toEqual([-1, errno, 'seccomp']);
    expect(pathOf(c)).toEqual(SECCOMP_DENIED);
    expect(c.hops.some((h) => h.state?.startsWith('handler.'))).toBe(false);
  });

  it.each([
    { input: 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)' },
    { input: 'unshare(CLONE_NEWUSER)' },
    { input: 'clone3({flags=0, exit_signal=SIGCHLD}, 88)' },
    { input: 'socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)' },
  ])('host: $input succeeds with no filter in the way', ({ input }) => {
    const c = call(boot('host'), input);
    expect([c.errno, c.deniedBy]).toEqual([null, null]);
    expect(c.retval).toBeGreaterThanOrEqual(0);
    expect(c.hops.find((h) => h.layer === 'seccomp')?.verdict).toBe('pass');
  });

  it.each(['getuid()', 'geteuid()', 'getgid()'])('host, after unshare(CLONE_NEWUSER) with no id map written: %s = 65534 (the overflow id)', (input) => {
    const c = call(boot('host'), 'unshare(CLONE_NEWUSER)', input);
    expect(c.line).toBe(`${input} = 65534`);
  });
});

describe('privileged calls past the gates on the host', () => {
  it.each([
    { input: 'reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_CAD_OFF, NULL)', result: '= 0' },
    { input: 'settimeofday(NULL, NULL)', result: '= 0' },
    // past CAP_SYS_MODULE the kernel reads the image: an empty one is not ELF (copy_module_from_user)
    { input: 'init_module(NULL, 0, "")', result: '= -1 ENOEXEC (Exec format error)' },
    // …and finit_module wants an open fd (idempotent_init_module)
    { input: 'finit_module(3, "", 0)', result: '= -1 EBADF (Bad file descriptor)' },
  ])('host root: $input — the capabilities layer passes, then $result', ({ input, result }) => {
    const c = call(boot('host'), input);
    expect(c.line).toBe(`${input} ${result}`);
    expect(c.hops.find((h) => h.layer === 'capabilities')?.verdict).toBe('pass');
    expect(c.hops.find((h) => h.layer === 'seccomp')?.verdict).toBe('pass');
    expect(['seccomp', 'capabilities']).not.toContain(c.deniedBy);
  });

  it.each([
    { input: 'reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_CAD_OFF, NULL)', cap: 'CAP_SYS_BOOT' },
    { input: 'init_module(NULL, 0, "")', cap: 'CAP_SYS_MODULE' },
    { input: 'settimeofday(NULL, NULL)', cap: 'CAP_SYS_TIME' },
  ])('host, uid 1000 without capabilities: $input is EPERM for want of $cap', ({ input, cap }) => {
    const c = call(asUser(boot('host')), input);
    expect([c.errno, c.deniedBy]).toEqual(['EPERM', 'capabilities']);
    expect(c.reason).toContain(cap);
  });
});

describe('sockets', () => {
  it.each([
    { who: 'runc root (CAP_NET_RAW is one of Docker’s 14)', session: () => boot('runc'), input: 'socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)', result: '= 3', deniedBy: null },
    { who: 'runc root', session: () => boot('runc'), input: 'socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)', result: '= 3', deniedBy: null },
    { who: 'runc root', session: () => boot('runc'), input: 'socket(AF_ALG, SOCK_SEQPACKET, 0)', result: '= -1 EPERM (Operation not permitted)', deniedBy: 'seccomp' },
    { who: 'host uid 1000 without capabilities', session: () => asUser(boot('host')), input: 'socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)', result: '= -1 EPERM (Operation not permitted)', deniedBy: 'capabilities' },
    { who: 'host uid 1000 without capabilities', session: () => asUser(boot('host')), input: 'socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)', result: '= 3', deniedBy: null },
  ])('$who: $input $result', ({ session, input, result, deniedBy }) => {
    const c = call(session(), input);
    expect(c.line).toBe(`${input} ${result}`);
    expect(c.deniedBy).toBe(deniedBy);
  });
});

describe('file permissions: /etc/shadow is 0640 root:shadow', () => {
  const OPEN = 'openat(AT_FDCWD, "/etc/shadow", O_RDONLY)';
  it.each([
    { runtime: 'host' as const, user: 1000, result: '= -1 EACCES (Permission denied)', deniedBy: 'vfs' },
    { runtime: 'runc' as const, user: 1000, result: '= -1 EACCES (Permission denied)', deniedBy: 'vfs' },
    { runtime: 'host' as const, user: 0, result: '= 3', deniedBy: null },
    // root in a default container keeps CAP_DAC_OVERRIDE
    { runtime: 'runc' as const, user: 0, result: '= 3', deniedBy: null },
  ])('$runtime, uid $user: $result', ({ runtime, user, result, deniedBy }) => {
    const c = call(user === 0 ? boot(runtime) : asUser(boot(runtime), user), OPEN);
    expect(c.line).toBe(`${OPEN} ${result}`);
    expect(c.deniedBy).toBe(deniedBy);
    if (deniedBy) expect(pathOf(c)).toEqual([...ENTRY, ['seccomp', 'pass'], ['vfs', 'deny'], ['syscall', 'deny']]);
  });
});

describe('cgroup memory.max: docker run --memory 64m', () => {
  const MMAP_100M = `mmap(NULL, ${100 * MiB}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)`;

  it('memhog 10M stays under the limit and is charged', () => {
    const s = boot('runc', { resources: { memory: '64m' } });
    const r = run(s, 'memhog 10M');
    expect([r.status, r.stdout]).toEqual([0, `memhog: ${10 * MiB} bytes touched\n`]);
    expect(callNamed(r, 'mmap').line).toMatch(/ = 0x[0-9a-f]+$/);
    const cg = s.world.procs[s.pid]?.cgroup ?? '';
    expect(must(readCgroupFile(r.session.world.cgroups, cg, 'memory.current'))).toBe(`${10 * MiB}\n`);
  });

  it('memhog 100M: the OOM killer ends the shell', () => {
    const r = run(boot('runc', { resources: { memory: '64m' } }), 'memhog 100M');
    const mmap = callNamed(r, 'mmap');
    expect(r.status).toBe(137);
    expect(mmap.line).toBe(`${MMAP_100M} = ?`);
    expect(mmap.retval).toBeNull();
    expect(mmap.deniedBy).toBe('cgroups');
    expect(mmap.hops.at(-1)?.note).toBe('+++ killed by SIGKILL +++');
    expect(r.calls.at(-1)).toBe(mmap);
  });

  it('the kill is recorded: dmesg and memory.events oom_kill', () => {
    // runCall, because the session runInput hands back after the shell died is the one from before the call (see the report)
    const s = boot('runc', { resources: { memory: '64m' } });
    const parsed = parseCall(MMAP_100M);
    if (!parsed.ok) throw new Error(parsed.message);
    const r = runCall(s.world, s.pid, { name: parsed.value.name, args: parsed.value.args });
    const cg = s.world.procs[s.pid]?.cgroup ?? '';
    expect(r.terminated).toBe('+++ killed by SIGKILL +++');
    expect(r.world.dmesg.some((l) => new RegExp(`^Memory cgroup out of memory: Killed process ${s.pid} \\(sh\\)`).test(l))).toBe(true);
    expect(must(readCgroupFile(r.world.cgroups, cg, 'memory.events'))).toMatch(/^oom_kill 1$/m);
    expect(r.world.procs[s.pid]).toBeUndefined();
  });
});

describe('mmap lengths the kernel refuses before touching a page (the lab host: 8 GiB of RAM, no swap)', () => {
  it.each([
    // the default heuristic overcommit refuses a private writable mapping bigger than RAM + swap
    { what: 'private writable, larger than RAM', input: `mmap(NULL, ${9 * 1024 * MiB}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)`, errno: 'ENOMEM' },
    // get_unmapped_area: longer than the 128 TiB user address space
    { what: 'longer than the address space', input: 'mmap(NULL, 281474976710656, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', errno: 'ENOMEM' },
    // read-only: not accounted, and populating it maps the zero page
    { what: 'read-only, larger than RAM', input: `mmap(NULL, ${1024 * 1024 * MiB}, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)`, errno: null },
    { what: 'private writable, under RAM', input: `mmap(NULL, ${64 * MiB}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)`, errno: null },
  ])('host: $what → $errno', ({ input, errno }) => {
    const c = call(boot('host'), input);
    expect(c.errno).toBe(errno);
    if (errno) expect([c.retval, c.deniedBy]).toEqual([-1, 'kernel']);
  });

  it('memhog 9G on the host fails at mmap and says so', () => {
    const r = run(boot('host'), 'memhog 9G');
    expect([r.status, r.stderr]).toEqual([1, `memhog: mmap of ${9 * 1024 * MiB} bytes failed\n`]);
  });
});

describe('cgroup pids.max: docker run --pids-limit 10', () => {
  it('forkbomb 50: nine children, then clone fails with EAGAIN from the cgroups layer', () => {
    const s = boot('runc', { resources: { pidsLimit: '10' } });
    const r = run(s, 'forkbomb 50');
    const clones = r.calls.filter((c) => c.name === 'clone');
    expect(clones).toHaveLength(10);
    expect(clones.slice(0, 9).every((c) => c.errno === null && (c.retval ?? 0) > 0)).toBe(true);
    const refused = clones[9] as CallTrace;
    expect(refused.line).toMatch(/^clone\(.*\) = -1 EAGAIN \(Resource temporarily unavailable\)$/);
    expect([refused.errno, refused.deniedBy]).toEqual(['EAGAIN', 'cgroups']);
    expect(pathOf(refused).at(-2)).toEqual(['cgroups', 'deny']);
    expect(r.stdout).toBe('forkbomb: 9 children forked before the kernel refused\n');
    const cg = s.world.procs[s.pid]?.cgroup ?? '';
    expect(must(readCgroupFile(r.session.world.cgroups, cg, 'pids.events'))).toBe('max 1\n');
    expect(must(readCgroupFile(r.session.world.cgroups, cg, 'pids.current'))).toBe('10\n');
    expect(r.session.world.dmesg).toContain(`cgroup: fork rejected by pids controller in ${cg}`);
  });
});

describe("Docker's masked and read-only paths", () => {
  /** How each masked path looks in the container: a file under /dev/null, a directory under an empty read-only tmpfs, or absent. */
  const MASKED: Record<string, 'file' | 'dir' | 'absent'> = {
    '/proc/acpi': 'dir', '/proc/asound': 'dir', '/proc/interrupts': 'file', '/proc/kcore': 'file', '/proc/keys': 'file',
    '/proc/latency_stats': 'file', '/proc/sched_debug': 'file', '/proc/scsi': 'dir', '/proc/timer_list': 'file',
    // removed in Linux 4.11; runc skips a masked path that does not exist
    '/proc/timer_stats': 'absent',
    '/sys/devices/virtual/powercap': 'dir', '/sys/firmware': 'dir',
  };

  it('the table covers docker_masked_paths.txt', () => {
    expect(Object.keys(MASKED).sort()).toEqual([...referenceList('docker_masked_paths.txt')].sort());
  });

  it.each(Object.entries(MASKED).map(([path, kind]) => ({ path, kind })))('runc: $path ($kind) shows nothing', ({ path, kind }) => {
    const s = boot('runc');
    if (kind === 'file') {
      const r = run(s, `cat ${path}`);
      expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
      expect(callNamed(r, 'read').line).toBe('read(3, "", 131072) = 0');
      expect(callNamed(r, 'newfstatat').line).toContain('S_IFCHR'); // /dev/null
    } else if (kind === 'dir') {
      expect(run(s, `ls ${path}`)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    } else {
      expect(call(s, `openat(AT_FDCWD, "${path}", O_RDONLY)`).errno).toBe('ENOENT');
    }
  });

  it('runc: echo x > /proc/sys/kernel/hostname fails with EROFS', () => {
    const r = run(boot('runc'), 'echo x > /proc/sys/kernel/hostname');
    const open = callNamed(r, 'openat');
    expect(open.line).toBe('openat(AT_FDCWD, "/proc/sys/kernel/hostname", O_WRONLY|O_CREAT|O_TRUNC, 0666) = -1 EROFS (Read-only file system)');
    expect(open.deniedBy).toBe('vfs');
    expect([r.status, r.stderr]).toEqual([2, 'sh: 1: cannot create /proc/sys/kernel/hostname: Read-only file system\n']);
  });

  it.each(referenceList('docker_readonly_paths.txt'))('runc: %s is read-only (or a directory, which no one opens for writing)', (path) => {
    const c = call(boot('runc'), `openat(AT_FDCWD, "${path}", O_WRONLY)`);
    expect(['EROFS', 'EISDIR']).toContain(c.errno);
    expect(c.deniedBy).toBe('vfs');
  });

  it('host: root reads /proc/kcore', () => {
    const r = run(boot('host'), 'cat /proc/kcore');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(callNamed(r, 'read').retval).toBeGreaterThan(0);
  });

  it('host: uid 1000 may not open /proc/kcore (0400 root)', () => {
    expect(call(asUser(boot('host')), 'openat(AT_FDCWD, "/proc/kcore", O_RDONLY)').errno).toBe('EACCES');
  });
});

describe('/proc/self as each runtime shows it', () => {
  /** Docker's 14 capabilities as the mask /proc/PID/status prints, from the reference list. */
  const dockerMask = referenceList('docker_default_capabilities.txt')
    .reduce((m, name) => {
      const cap = parseCapability(name);
      if (!cap) throw new Error(`unknown capability ${name}`);
      return m | (1n << BigInt(capNumber(cap)));
    }, 0n)
    .toString(16).padStart(16, '0');

  it('the mask of Docker’s 14 capabilities is the well-known a80425fb', () => {
    expect(dockerMask).toBe('00000000a80425fb');
  });

  it.each([
    // 41 capabilities, CAP_CHOWN (0) to CAP_CHECKPOINT_RESTORE (40)
    { runtime: 'host' as const, capEff: '000001ffffffffff', seccomp: '0' },
    { runtime: 'runc' as const, capEff: dockerMask, seccomp: '2' },
  ])('$runtime: cat /proc/self/status has CapEff $capEff and Seccomp $seccomp', ({ runtime, capEff, seccomp }) => {
    const out = run(boot(runtime), 'cat /proc/self/status').stdout;
    expect(out).toContain(`\nCapEff:\t${capEff}\n`);
    expect(out).toContain(`\nCapBnd:\t${capEff}\n`);
    expect(out).toContain(`\nSeccomp:\t${seccomp}\n`);
  });

  it.each(['host', 'runc'] as const)('%s: ls /proc/self/ns lists the 10 entries', (runtime) => {
    expect(run(boot(runtime), 'ls /proc/self/ns').stdout.split('\n').filter(Boolean))
      .toEqual(['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts']);
  });

  it.each([
    { runtime: 'runc' as const, cgroup: '0::/\n' },
    { runtime: 'host' as const, cgroup: '0::/user.slice/user-0.slice/session-1.scope\n' },
  ])('$runtime: cat /proc/self/cgroup is $cgroup', ({ runtime, cgroup }) => {
    expect(run(boot(runtime), 'cat /proc/self/cgroup').stdout).toBe(cgroup);
  });

  it("the host sees the container's cgroup path", () => {
    const s = boot('runc');
    const path = s.world.procs[s.pid]?.cgroup ?? '';
    expect(path).toMatch(/^\/system\.slice\/docker-[0-9a-f]{64}\.scope$/);
    expect(run(hostShellOf(s), `cat /proc/${s.pid}/cgroup`).stdout).toBe(`0::${path}\n`);
  });
});

describe('every hop is a fact with a cost and a source', () => {
  const ids = new Set(measurements().map((m) => m.id));
  const INPUTS = [
    'getpid()', MOUNT, 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)', 'tuxcall()',
    'openat(AT_FDCWD, "/etc/shadow", O_RDONLY)', 'unshare(CLONE_NEWUSER)', 'socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)',
    'cat /etc/passwd', 'ls /proc/self/ns', 'echo x > /proc/sys/kernel/hostname', 'hostname lab', 'id', 'memhog 100M', 'forkbomb 12',
  ];
  const cases = (['host', 'runc'] as const).flatMap((runtime) => INPUTS.map((input) => ({ runtime, input })));

  it.each(cases)('$runtime: $input', ({ runtime, input }) => {
    const s = runtime === 'runc' ? boot('runc', { resources: { memory: '64m', pidsLimit: '10' } }) : boot('host');
    const { calls } = run(s, input);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(pathOf(c).slice(0, 3)).toEqual(ENTRY);
      // A call that ends its process has no return: its last hop is the machine's `killed` state.
      expect(c.hops.at(-1)).toMatchObject({ layer: 'syscall', state: c.retval === null ? 'killed' : 'returning' });
      for (const h of c.hops) {
        expect(h.note.trim(), `${c.name} ${h.layer}`).not.toBe('');
        expect(Number.isFinite(h.costNs) && h.costNs >= 0, `${c.name} ${h.layer} cost ${h.costNs}`).toBe(true);
        expect(h.source === 'estimate' || ids.has(h.source), `${c.name} ${h.layer} source ${h.source}`).toBe(true);
      }
      if (c.errno) expect(c.hops.at(-1)?.verdict).toBe('deny');
    }
  });
});

describe("a denied call's reason begins with its layer", () => {
  it.each([
    { layer: 'seccomp', session: () => boot('runc'), input: 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)' },
    { layer: 'seccomp', session: () => boot('runc'), input: 'clone3({flags=0, exit_signal=SIGCHLD}, 88)' },
    { layer: 'capabilities', session: () => asUser(boot('host')), input: MOUNT },
    { layer: 'vfs', session: () => asUser(boot('host')), input: 'openat(AT_FDCWD, "/etc/shadow", O_RDONLY)' },
    { layer: 'vfs', session: () => boot('runc'), input: 'openat(AT_FDCWD, "/proc/sys/kernel/hostname", O_WRONLY)' },
    { layer: 'namespaces', session: () => boot('runc'), input: `kill(${HOST_SHELL_PID}, 0)` },
    { layer: 'kernel', session: () => boot('host'), input: 'tuxcall()' },
  ])('$layer: $input', ({ layer, session, input }) => {
    const c = call(session(), input);
    expect(c.deniedBy).toBe(layer);
    expect(c.reason?.startsWith(`${layer}: `)).toBe(true);
  });

  it.each([
    { layer: 'cgroups', options: { pidsLimit: '2' }, input: 'forkbomb 5', name: 'clone' },
    { layer: 'cgroups', options: { memory: '64m' }, input: 'memhog 100M', name: 'mmap' },
  ])('$layer: $input', ({ layer, options, input, name }) => {
    const denied = run(boot('runc', { resources: options }), input).calls.find((c) => c.name === name && c.deniedBy !== null);
    expect(denied?.deniedBy).toBe(layer);
    expect(denied?.reason?.startsWith(`${layer}: `)).toBe(true);
  });
});
