import { describe, expect, it } from 'vitest';
import { runInput } from '../../../src/machines/runInput.ts';
import { runCall } from '../../../src/machines/runCall.ts';
import { ALL_CAPS } from '../../../src/sim/kernel/capabilities.ts';
import { HOST_SHELL_PID } from '../../../src/sim/kernel/boot.ts';
import { userCredentials } from '../../../src/sim/kernel/credentials.ts';
import { INIT_NS_INO } from '../../../src/sim/kernel/namespaces.ts';
import type { Process } from '../../../src/sim/kernel/process.ts';
import { findRuntime } from '../../../src/sim/runtime/registry.ts';
import { DEFAULT_CONTAINER_ID } from '../../../src/sim/runtime/runcContainer.ts';
import type { Session } from '../../../src/sim/runtime/types.ts';
import { call, n } from '../../../src/sim/shell/build.ts';
import type { CallTrace } from '../../../src/sim/trace.ts';

/** A runc container on a host: the host's root shell and the container's shell share one world. */
function hostAndContainer(): { host: Session; container: Session; cpid: number } {
  const container = findRuntime('runc')!.boot();
  return { host: { runtime: 'host', world: container.world, pid: HOST_SHELL_PID, options: {} }, container, cpid: container.pid };
}

function edit(s: Session, f: (p: Process) => Process): Session {
  const p = s.world.procs[s.pid]!;
  return { ...s, world: { ...s.world, procs: { ...s.world.procs, [s.pid]: f(p) } } };
}

/** The host shell as uid 1000 with no capabilities (what `su user` gives). */
const asUser = (s: Session) => edit(s, (p) => ({ ...p, cred: userCredentials(1000, 1000, ALL_CAPS) }));

/** `docker run --privileged`: every capability, no seccomp filter. */
const privileged = (s: Session) => edit(s, (p) => ({ ...p, cred: { ...p.cred, effective: ALL_CAPS, permitted: ALL_CAPS, bounding: ALL_CAPS }, seccomp: { mode: 'disabled', profile: null } }));

/** An fd for namespace `nsId` the process got from elsewhere (SCM_RIGHTS), at fd 3. */
const withNsFd = (s: Session, nsId: number) => edit(s, (p) => ({ ...p, fds: { ...p.fds, 3: { path: `ns:[${nsId}]`, kind: 'nsfd', nsId, flags: 0, offset: 0, cloexec: false } } }));

/** Runs each line as the session's process; returns every call made, stdout, and the session after. */
function sh(session: Session, lines: string[]): { session: Session; calls: CallTrace[]; stdout: string } {
  let s = session;
  const calls: CallTrace[] = [];
  let stdout = '';
  for (const line of lines) {
    const r = runInput(s, line);
    if (!r.ok) throw new Error(`${line}: ${r.message}`);
    calls.push(...r.value.calls);
    stdout += r.value.stdout;
    s = r.value.session;
  }
  return { session: s, calls, stdout };
}

const open = (path: string) => `openat(AT_FDCWD, "${path}", O_RDONLY)`;
const me = (s: Session) => s.world.procs[s.pid]!;

describe('opening /proc/PID/ns/* gives a namespace fd', () => {
  it.each([
    { entry: 'uts', id: (p: Process) => p.ns.uts },
    { entry: 'mnt', id: (p: Process) => p.ns.mnt },
    { entry: 'pid_for_children', id: (p: Process) => p.pidNsForChildren },
    { entry: 'time_for_children', id: (p: Process) => p.timeNsForChildren },
  ])('host root opens the container\'s $entry', ({ entry, id }) => {
    const { host, cpid } = hostAndContainer();
    const { session, calls } = sh(host, [open(`/proc/${cpid}/ns/${entry}`)]);
    expect(calls[0]!.retval).toBe(3);
    expect(me(session).fds[3]).toMatchObject({ kind: 'nsfd', nsId: id(session.world.procs[cpid]!) });
  });

  it.each([
    { name: 'a pid nobody has', who: () => asUser(hostAndContainer().host), path: '/proc/99999/ns/uts', errno: 'ENOENT' },
    { name: "another user's process (no CAP_SYS_PTRACE)", who: () => asUser(hostAndContainer().host), path: '/proc/1/ns/uts', errno: 'EACCES' },
    { name: 'a host pid from inside the container', who: () => hostAndContainer().container, path: '/proc/1201/ns/uts', errno: 'ENOENT' },
  ])('refuses $name with $errno', ({ who, path, errno }) => {
    expect(sh(who(), [open(path)]).calls[0]!.errno).toBe(errno);
  });

  it('readlink and readlinkat return the uts:[inode] text, cut to the buffer', () => {
    const { host, cpid } = hostAndContainer();
    const uts = host.world.procs[cpid]!.ns.uts;
    const { calls } = sh(host, ['readlink("/proc/self/ns/uts", 0x7ffd, 4096)', `readlinkat(AT_FDCWD, "/proc/${cpid}/ns/uts", 0x7ffd, 4096)`, 'readlink("/proc/self/ns/uts", 0x7ffd, 5)']);
    expect(calls.map((c) => c.retval)).toEqual([16, 16, 5]);
    expect(calls[0]!.line).toContain(`"uts:[${INIT_NS_INO.uts}]"`);
    expect(calls[1]!.line).toContain(`"uts:[${uts}]"`);
  });
});

describe('setns(2)', () => {
  it('host root enters the container\'s UTS namespace (nsenter -t PID -u): uname shows the container\'s name', () => {
    const { host, cpid } = hostAndContainer();
    const { stdout, calls, session } = sh(host, [open(`/proc/${cpid}/ns/uts`), 'setns(3, CLONE_NEWUTS)', 'uname -n']);
    expect(calls[1]!.line).toBe('setns(3, CLONE_NEWUTS) = 0');
    expect(calls[1]!.hops.map((h) => h.state)).toContain('handler.capabilities');
    expect(stdout).toBe(`${DEFAULT_CONTAINER_ID.slice(0, 12)}\n`);
    expect(me(session).ns.uts).toBe(session.world.procs[cpid]!.ns.uts);
  });

  it.each([
    { name: 'pid: only where children are born', entry: 'pid', check: (p: Process, c: Process) => p.pidNsForChildren === c.ns.pid && p.ns.pid === INIT_NS_INO.pid },
    { name: 'mnt: root and cwd move to its root', entry: 'mnt', check: (p: Process, c: Process) => p.ns.mnt === c.ns.mnt && p.cwd === '/' && p.root === '/' },
    { name: 'net', entry: 'net', check: (p: Process, c: Process) => p.ns.net === c.ns.net },
    { name: 'time: for itself and its children', entry: 'time', check: (p: Process, c: Process) => p.ns.time === c.ns.time && p.timeNsForChildren === c.ns.time },
  ])('host root enters the container\'s namespace with nstype 0 — $name', ({ entry, check }) => {
    const { host, cpid } = hostAndContainer();
    const { calls, session } = sh(host, [open(`/proc/${cpid}/ns/${entry}`), 'setns(3, 0)']);
    expect(calls[1]!.retval).toBe(0);
    expect(check(me(session), session.world.procs[cpid]!)).toBe(true);
  });

  it("after setns into the container's pid namespace the next child is born there", () => {
    const { host, cpid } = hostAndContainer();
    const { session } = sh(host, [open(`/proc/${cpid}/ns/pid`), 'setns(3, CLONE_NEWPID)', 'fork()']);
    const child = Object.values(session.world.procs).find((p) => p.ppid === HOST_SHELL_PID)!;
    expect(child.ns.pid).toBe(session.world.procs[cpid]!.ns.pid);
    expect(child.nsPids).toHaveLength(2);
  });

  it('host root enters a user namespace and holds every capability there', () => {
    const { host } = hostAndContainer();
    const forked = runCall(host.world, HOST_SHELL_PID, call('fork'));
    const child = forked.trace.retval!;
    const unshared = runCall(forked.world, child, call('unshare', n(0x10000000)));
    const { calls, session } = sh({ ...host, world: unshared.world }, [open(`/proc/${child}/ns/user`), 'setns(3, CLONE_NEWUSER)']);
    expect(calls[1]!.retval).toBe(0);
    expect(me(session).ns.user).toBe(session.world.procs[child]!.ns.user);
    expect(me(session).cred.effective).toEqual(ALL_CAPS);
  });

  it.each([
    { name: 'a closed fd', who: () => hostAndContainer().host, lines: ['setns(9, 0)'], errno: 'EBADF', by: 'namespaces' },
    { name: 'an fd that is not a namespace (the terminal)', who: () => hostAndContainer().host, lines: ['setns(0, 0)'], errno: 'EINVAL', by: 'namespaces' },
    { name: 'nstype naming another type', who: () => hostAndContainer().host, lines: [open('/proc/self/ns/uts'), 'setns(3, CLONE_NEWNET)'], errno: 'EINVAL', by: 'namespaces' },
    { name: "the caller's own user namespace", who: () => hostAndContainer().host, lines: [open('/proc/self/ns/user'), 'setns(3, CLONE_NEWUSER)'], errno: 'EINVAL', by: 'namespaces' },
    { name: 'a non-root caller without capabilities', who: () => asUser(hostAndContainer().host), lines: [open('/proc/self/ns/uts'), 'setns(3, CLONE_NEWUTS)'], errno: 'EPERM', by: 'capabilities' },
    { name: "a user-namespaced caller going back to the host's UTS", who: () => hostAndContainer().host, lines: ['unshare(CLONE_NEWUSER)', open('/proc/1/ns/uts'), 'setns(3, CLONE_NEWUTS)'], errno: 'EPERM', by: 'capabilities' },
    { name: "a default runc container (seccomp: setns needs CAP_SYS_ADMIN)", who: () => hostAndContainer().container, lines: [open('/proc/1/ns/uts'), 'setns(3, CLONE_NEWUTS)'], errno: 'EPERM', by: 'seccomp' },
    { name: "a privileged container going up to the host's pid namespace", who: () => withNsFd(privileged(hostAndContainer().container), INIT_NS_INO.pid), lines: ['setns(3, CLONE_NEWPID)'], errno: 'EINVAL', by: 'kernel' },
  ])('refuses $name with $errno ($by)', ({ who, lines, errno, by }) => {
    const setup = sh(who(), lines.slice(0, -1)).session;
    const { calls, session } = sh(setup, lines.slice(-1));
    expect(calls[0]!.errno).toBe(errno);
    expect(calls[0]!.deniedBy).toBe(by);
    expect(me(session).ns).toEqual(me(setup).ns);
  });
});
