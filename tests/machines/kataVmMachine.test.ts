import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { kataVmMachine, runKataBoot } from '../../src/machines/kataVmMachine.ts';
import { kataBootSequence } from '../../src/sim/kata/bootSequence.ts';
import type { RuntimeOptions } from '../../src/sim/runtime/types.ts';
import { referenceList } from '../helpers/reference.ts';

const AGENT_RPCS = new Set(referenceList('kata_agent_api.txt'));

describe('kataVmMachine', () => {
  it.each<[RuntimeOptions, string[]]>([
    [{}, ['shimStarted', 'sharedFsDaemon', 'hypervisorStarted', 'guestBooted', 'agentReady', 'networkConfigured', 'sandboxCreated', 'containerCreated', 'containerStarted']],
    [{ 'shared-fs': 'virtio-9p' }, ['shimStarted', 'hypervisorStarted', 'guestBooted', 'agentReady', 'networkConfigured', 'sandboxCreated', 'containerCreated', 'containerStarted']],
    [{ hypervisor: 'firecracker' }, ['shimStarted', 'hypervisorStarted', 'guestBooted', 'agentReady', 'networkConfigured', 'sandboxCreated', 'filesCopied', 'containerCreated', 'containerStarted']],
  ])('%j steps through %j', (options, states) => {
    const { hops } = runKataBoot(options);
    expect([...new Set(hops.map((h) => h.state))]).toEqual(states);
  });

  it.each<RuntimeOptions>([{}, { hypervisor: 'clh' }, { hypervisor: 'firecracker' }])('%j records every step of the sequence, in order, and ends running', (options) => {
    const seq = kataBootSequence(options);
    const [snapshot] = initialTransition(kataVmMachine, { steps: seq.steps });
    expect(snapshot.status).toBe('done');
    expect(snapshot.value).toBe('containerStarted');
    expect(snapshot.context.hops.map((h) => h.state)).toEqual(seq.steps.map((s) => s.state));
    expect(runKataBoot(options).totalNs).toBeCloseTo(seq.totalNs, 0);
  });

  it('names each AgentService rpc in its hop, and every one is in kata_agent_api.txt', () => {
    const named = runKataBoot({ hypervisor: 'firecracker' }).hops.flatMap((h) => [...h.note.matchAll(/\[AgentService\.(\w+)\]/g)].map((m) => m[1] ?? ''));
    expect(named).toEqual(['UpdateInterface', 'UpdateRoutes', 'CreateSandbox', 'CopyFile', 'CopyFile', 'CopyFile', 'CreateContainer', 'StartContainer']);
    for (const name of named) expect(AGENT_RPCS.has(name)).toBe(true);
  });
});
