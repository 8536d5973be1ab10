import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { kernelDispatchMachine } from '../../src/machines/kernelDispatchMachine.ts';
import type { Session } from '../../src/sim/runtime/types.ts';
import { parseCall } from '../../src/sim/strace/callParser.ts';
import { asUser, boot } from '../sim/runtime/sessions.ts';

/**
 * The kernel's dispatch machine driven headless with XState's pure
 * initialTransition: the eventless steps run to a final state, and the hops
 * the machine recorded carry the state each was recorded in — the path the
 * call took through the machine.
 */
function dispatch(session: Session, text: string) {
  const parsed = parseCall(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const call = { name: parsed.value.name, args: parsed.value.args };
  const [snapshot] = initialTransition(kernelDispatchMachine, { world: session.world, pid: session.pid, call });
  const { hops, outcome } = snapshot.context;
  return { states: hops.map((h) => h.state), value: snapshot.value, status: snapshot.status, errno: outcome?.errno ?? null, deniedBy: outcome?.deniedBy ?? null, hops };
}

const START = ['userSpace', 'libc', 'syscallEntry'];
const MOUNT = 'mount("none", "/mnt", "tmpfs", 0, NULL)';

describe('kernelDispatchMachine: the states a call goes through', () => {
  it.each([
    {
      what: 'getpid in runc: the filter passes it to the handler, which runs it',
      session: () => boot('runc'), input: 'getpid()',
      states: [...START, 'seccomp', 'handler.execute', 'returning'], errno: null, deniedBy: null,
    },
    {
      what: 'getpid on the host',
      session: () => boot('host'), input: 'getpid()',
      states: [...START, 'seccomp', 'handler.execute', 'returning'], errno: null, deniedBy: null,
    },
    {
      what: 'keyctl in runc: the filter decides, no handler state is entered',
      session: () => boot('runc'), input: 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)',
      states: [...START, 'seccomp', 'returning'], errno: 'EPERM', deniedBy: 'seccomp',
    },
    {
      what: 'tuxcall on the host: the table slot is sys_ni_syscall, reached after the (absent) filter',
      session: () => boot('host'), input: 'tuxcall()',
      states: [...START, 'seccomp', 'notImplemented', 'returning'], errno: 'ENOSYS', deniedBy: 'kernel',
    },
    {
      what: 'tuxcall in runc: the filter runs before the table dispatch, so Docker\'s profile refuses it first',
      session: () => boot('runc'), input: 'tuxcall()',
      states: [...START, 'seccomp', 'returning'], errno: 'EPERM', deniedBy: 'seccomp',
    },
    {
      what: 'mount in runc never reaches the handler',
      session: () => boot('runc'), input: MOUNT,
      states: [...START, 'seccomp', 'returning'], errno: 'EPERM', deniedBy: 'seccomp',
    },
    {
      what: 'mount on the host passes the namespace, capability and VFS checks',
      session: () => boot('host'), input: MOUNT,
      states: [...START, 'seccomp', 'handler.namespaces', 'handler.capabilities', 'handler.vfs', 'handler.execute', 'returning'], errno: null, deniedBy: null,
    },
    {
      what: 'mount on the host as uid 1000 stops at the capability check',
      session: () => asUser(boot('host')), input: MOUNT,
      states: [...START, 'seccomp', 'handler.namespaces', 'handler.capabilities', 'returning'], errno: 'EPERM', deniedBy: 'capabilities',
    },
    {
      what: 'openat of /etc/shadow as uid 1000 stops at the VFS check',
      session: () => asUser(boot('runc')), input: 'openat(AT_FDCWD, "/etc/shadow", O_RDONLY)',
      states: [...START, 'seccomp', 'handler.vfs', 'returning'], errno: 'EACCES', deniedBy: 'vfs',
    },
    {
      what: 'clone in a cgroup at pids.max stops at the cgroup check',
      session: () => boot('runc', { resources: { pidsLimit: '1' } }), input: 'clone(child_stack=NULL, flags=SIGCHLD)',
      states: [...START, 'seccomp', 'handler.namespaces', 'handler.cgroups', 'returning'], errno: 'EAGAIN', deniedBy: 'cgroups',
    },
  ])('$what', ({ session, input, states, errno, deniedBy }) => {
    const r = dispatch(session(), input);
    expect(r.states).toEqual(states);
    expect([r.errno, r.deniedBy]).toEqual([errno, deniedBy]);
    expect(r.status).toBe('done');
    expect(r.value).toBe('returning');
  });

  // The last hop is recorded on the way out of a final state; only the states before it are compared here.
  it.each([
    { what: 'exit_group(0) ends the process in the handler', session: () => boot('host'), input: 'exit_group(0)', states: [...START, 'seccomp', 'handler.execute'], note: '+++ exited with 0 +++' },
    { what: 'exit(7) ends it too (one thread per process)', session: () => boot('host'), input: 'exit(7)', states: [...START, 'seccomp', 'handler.execute'], note: '+++ exited with 7 +++' },
    {
      what: 'a MAP_POPULATE past memory.max: the cgroup check runs the OOM killer on the caller',
      session: () => boot('runc', { resources: { memory: '64m' } }), input: `mmap(NULL, ${100 * 1024 * 1024}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)`,
      states: [...START, 'seccomp', 'handler.cgroups'], note: '+++ killed by SIGKILL +++',
    },
  ])('$what: the machine finishes in killed', ({ session, input, states, note }) => {
    const r = dispatch(session(), input);
    expect(r.states.slice(0, -1)).toEqual(states);
    expect(r.value).toBe('killed');
    expect(r.status).toBe('done');
    expect(r.hops.at(-1)).toMatchObject({ layer: 'syscall', verdict: 'deny', note });
  });

  it('every hop names the state it was recorded in, and the layer matches the state', () => {
    const LAYER_OF: Record<string, string> = {
      userSpace: 'app', libc: 'libc', syscallEntry: 'syscall', seccomp: 'seccomp', notImplemented: 'kernel',
      'handler.namespaces': 'namespaces', 'handler.capabilities': 'capabilities', 'handler.cgroups': 'cgroups', 'handler.vfs': 'vfs',
      'handler.execute': 'kernel', returning: 'syscall',
    };
    for (const input of ['getpid()', MOUNT, 'tuxcall()', 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY)']) {
      for (const h of dispatch(boot('host'), input).hops) expect([h.state, h.layer]).toEqual([h.state, LAYER_OF[h.state ?? '']]);
    }
  });

  it('is pure: the world it was given is left as it was, and the same input takes the same path', () => {
    const s = boot('host');
    const before = structuredClone(s.world);
    const first = dispatch(s, MOUNT);
    expect(s.world).toEqual(before);
    expect(dispatch(s, MOUNT).hops).toEqual(first.hops);
  });
});
