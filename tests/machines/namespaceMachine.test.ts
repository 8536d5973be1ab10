import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { namespaceMachine, type NamespaceEmitted, type NamespaceEvent } from '../../src/machines/namespaceMachine.ts';
import { INIT_NS_INO, NS_CLONE_FLAG } from '../../src/sim/kernel/namespaces.ts';
import { findRuntime } from '../../src/sim/runtime/registry.ts';
import type { Session } from '../../src/sim/runtime/types.ts';

const F = NS_CLONE_FLAG;
const host = () => findRuntime('host')!.boot();
const runc = () => findRuntime('runc')!.boot();

const stateOf = (value: unknown): string => (typeof value === 'string' ? value : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}.${stateOf(v)}`).join(','));

/** Drives an actor with events; returns each resting state (deduplicated in order), the facts emitted, and the last snapshot. */
function run(session: Session, events: NamespaceEvent[]) {
  const actor = createActor(namespaceMachine, { input: { world: session.world, pid: session.pid } });
  const facts: NamespaceEmitted[] = [];
  const states: string[] = [];
  actor.on('*', (e) => facts.push(e));
  actor.subscribe((s) => { if (states.at(-1) !== stateOf(s.value)) states.push(stateOf(s.value)); });
  actor.start();
  events.forEach((e) => actor.send(e));
  const snap = actor.getSnapshot();
  actor.stop();
  return { states, facts, snap };
}

const unshare = (flags: number): NamespaceEvent => ({ type: 'ns.unshare', flags });
const INITIAL = 'alive.inInitialNamespaces';
const HOST_USER = 'alive.isolated.inHostUserNs';
const USERNS = 'alive.isolated.userNamespaced';

describe('namespaceMachine: state paths', () => {
  it.each([
    { name: 'host: unshare UTS', boot: host, events: [unshare(F.uts)], path: [INITIAL, HOST_USER] },
    { name: 'host: unshare user+net', boot: host, events: [unshare(F.user | F.net)], path: [INITIAL, USERNS] },
    { name: 'host: unshare PID changes only where children go', boot: host, events: [unshare(F.pid)], path: [INITIAL] },
    { name: 'host: unshare UTS, then setns back to the host\'s', boot: host, events: [unshare(F.uts), { type: 'ns.setns', nsId: INIT_NS_INO.uts }], path: [INITIAL, HOST_USER, INITIAL] },
    { name: 'host: UTS, then a user namespace', boot: host, events: [unshare(F.uts), unshare(F.user)], path: [INITIAL, HOST_USER, USERNS] },
    { name: 'host: a clone leaves the parent where it was', boot: host, events: [{ type: 'ns.clone', flags: F.pid | F.uts }], path: [INITIAL] },
    { name: 'host: exit', boot: host, events: [{ type: 'ns.exit' }], path: [INITIAL, 'exited'] },
    { name: 'runc: starts isolated, root is the host\'s root', boot: runc, events: [], path: [HOST_USER] },
    { name: 'runc: unshare refused, state kept', boot: runc, events: [unshare(F.uts)], path: [HOST_USER] },
  ] as { name: string; boot: () => Session; events: NamespaceEvent[]; path: string[] }[])('$name', ({ boot, events, path }) => {
    expect(run(boot(), events).states).toEqual(path);
  });
});

describe('namespaceMachine: emitted facts', () => {
  it('unshare(CLONE_NEWUTS) on the host reports the UTS namespace it left and the one it entered', () => {
    const { facts, snap } = run(host(), [unshare(F.uts)]);
    const to = snap.context.world.procs[snap.context.pid]!.ns.uts;
    expect(facts).toEqual([{ type: 'ns.changed', nsType: 'uts', from: INIT_NS_INO.uts, to }]);
    expect(to).not.toBe(INIT_NS_INO.uts);
    expect(snap.context.calls.map((c) => c.line)).toEqual(['unshare(CLONE_NEWUTS) = 0']);
  });

  it.each([
    { name: 'unshare PID', flags: F.pid, types: ['pid_for_children'] },
    { name: 'unshare time', flags: F.time, types: ['time_for_children'] },
    { name: 'unshare user+uts', flags: F.user | F.uts, types: ['uts', 'user'] },
  ])('$name → ns.changed for $types', ({ flags, types }) => {
    expect(run(host(), [unshare(flags)]).facts.map((f) => (f.type === 'ns.changed' ? f.nsType : f.type))).toEqual(types);
  });

  it.each([
    { name: 'unshare(CLONE_NEWUTS) in runc: seccomp', boot: runc, event: unshare(F.uts), errno: 'EPERM', reason: /^seccomp:/ },
    { name: 'clone(CLONE_NEWNET) in runc: seccomp', boot: runc, event: { type: 'ns.clone', flags: F.net } as NamespaceEvent, errno: 'EPERM', reason: /^seccomp:/ },
    { name: "setns to the host's UTS from runc: no host process is visible", boot: runc, event: { type: 'ns.setns', nsId: INIT_NS_INO.uts } as NamespaceEvent, errno: 'ENOENT', reason: /no process/ },
  ])('$name → ns.refused $errno, nothing changes', ({ boot, event, errno, reason }) => {
    const session = boot();
    const { facts, snap } = run(session, [event]);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ type: 'ns.refused', event: event.type, errno });
    expect(facts[0]!.type === 'ns.refused' && facts[0]!.reason).toMatch(reason);
    expect(snap.context.world.procs[session.pid]!.ns).toEqual(session.world.procs[session.pid]!.ns);
  });

  it('setns back into a host namespace after entering a user namespace is refused with EPERM by the capability check', () => {
    const { facts, states } = run(host(), [unshare(F.user), { type: 'ns.setns', nsId: INIT_NS_INO.uts }]);
    expect(states).toEqual([INITIAL, USERNS]);
    expect(facts.at(-1)).toMatchObject({ type: 'ns.refused', errno: 'EPERM', line: 'setns(3, 0) = -1 EPERM (Operation not permitted)' });
  });

  it('setns runs open, setns and close, as nsenter does', () => {
    const { snap } = run(host(), [unshare(F.uts), { type: 'ns.setns', nsId: INIT_NS_INO.uts }]);
    expect(snap.context.calls.map((c) => c.line)).toEqual(['openat(AT_FDCWD, "/proc/1/ns/uts", O_RDONLY) = 3', 'setns(3, 0) = 0', 'close(3) = 0']);
  });

  it('clone(CLONE_NEWPID|CLONE_NEWUTS) reports the child and its namespaces', () => {
    const { facts, snap } = run(host(), [{ type: 'ns.clone', flags: F.pid | F.uts }]);
    expect(facts).toHaveLength(1);
    const fact = facts[0]!;
    if (fact.type !== 'ns.cloned') throw new Error(`expected ns.cloned, got ${fact.type}`);
    expect(fact.changes.map((c) => c.nsType)).toEqual(['pid', 'uts', 'pid_for_children']);
    expect(snap.context.world.procs[fact.childPid]!.nsPids).toEqual([fact.childPid, 1]);
  });
});

describe('namespaceMachine: headless stepping', () => {
  it('steps with the pure transition function; the facts come back as emit actions', () => {
    const s = host();
    const [start] = initialTransition(namespaceMachine, { world: s.world, pid: s.pid });
    const [next, actions] = transition(namespaceMachine, start, unshare(F.uts));
    expect(next.value).toEqual({ alive: { isolated: 'inHostUserNs' } });
    expect(actions.map((a) => ({ type: a.type as string, params: a.params }))).toEqual([
      { type: 'xstate.emit', params: { event: { type: 'ns.changed', nsType: 'uts', from: INIT_NS_INO.uts, to: next.context.world.procs[s.pid]!.ns.uts } } },
    ]);
  });
});
