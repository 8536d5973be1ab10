import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { ociLifecycleMachine, type OciEvent } from '../../src/machines/ociLifecycleMachine.ts';

function run(events: OciEvent[]) {
  const actor = createActor(ociLifecycleMachine, { input: { id: 'web', bundle: '/run/containerd/io.containerd.runtime.v2.task/moby/web' } });
  const rejected: string[] = [];
  const states: string[] = [];
  actor.on('oci.rejected', (e) => rejected.push(e.reason));
  actor.subscribe((s) => states.push(String(s.value)));
  actor.start();
  for (const e of events) actor.send(e);
  const snap = actor.getSnapshot();
  actor.stop();
  return { states: [...new Set(states)], rejected, snap };
}

describe('ociLifecycleMachine', () => {
  it.each([
    { name: 'create, start, exit, delete', events: [{ type: 'oci.create', pid: 4242 }, { type: 'oci.start' }, { type: 'oci.exited', signal: null }, { type: 'oci.delete' }], path: ['creating', 'created', 'running', 'stopped', 'deleted'] },
    { name: 'kill a running container', events: [{ type: 'oci.create', pid: 7 }, { type: 'oci.start' }, { type: 'oci.kill', signal: 'SIGKILL' }], path: ['creating', 'created', 'running', 'stopped'] },
    { name: 'delete a created container', events: [{ type: 'oci.create', pid: 7 }, { type: 'oci.delete' }], path: ['creating', 'created', 'deleted'] },
    { name: 'force-delete a running one', events: [{ type: 'oci.create', pid: 7 }, { type: 'oci.start' }, { type: 'oci.delete', force: true }], path: ['creating', 'created', 'running', 'deleted'] },
  ] as { name: string; events: OciEvent[]; path: string[] }[])('$name', ({ events, path }) => {
    expect(run(events).states).toEqual(path);
  });

  it.each([
    { events: [{ type: 'oci.create', pid: 1 }, { type: 'oci.start' }, { type: 'oci.start' }], reason: 'cannot start an already running container' },
    { events: [{ type: 'oci.create', pid: 1 }, { type: 'oci.start' }, { type: 'oci.exited', signal: null }, { type: 'oci.start' }], reason: 'cannot start a container that has stopped' },
    { events: [{ type: 'oci.create', pid: 1 }, { type: 'oci.start' }, { type: 'oci.delete' }], reason: 'cannot delete container web that is not stopped: running' },
    { events: [{ type: 'oci.start' }], reason: 'cannot start a container in the creating state' },
  ] as { events: OciEvent[]; reason: string }[])('refuses with runc\'s message: $reason', ({ events, reason }) => {
    expect(run(events).rejected).toEqual([reason]);
  });

  it('runs the hooks in spec order and records the host pid', () => {
    const { snap } = run([{ type: 'oci.create', pid: 4242 }, { type: 'oci.start' }]);
    expect(snap.context.container.pid).toBe(4242);
    expect(snap.context.container.hooksRun).toEqual(['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart']);
  });
});
