import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, goalMet, type Goal, type LabSnapshot, type SnapshotCall, type SnapshotContainer, type SnapshotEntry } from '../../../src/sim/lessons/index.ts';

const call = (over: Partial<SnapshotCall> = {}): SnapshotCall => ({ name: 'getpid', failed: false, errno: null, servedBy: 'host', deniedAt: null, hops: [], path: false, ...over });
const entry = (over: Partial<SnapshotEntry> = {}): SnapshotEntry => ({
  input: 'getpid()', runtime: 'runc', options: {}, container: null, compared: false, refused: false, status: 0, stdout: '', stderr: '', calls: [], ...over,
});
const box = (over: Partial<SnapshotContainer> = {}): SnapshotContainer => ({
  name: 'box', shortId: '397015214151', runtime: 'runc', image: 'debian', status: 'running', hostname: '397015214151', pidsMax: null, forksRefused: 0, memoryMax: null, oomKills: 0, ...over,
});
const snap = (over: Partial<LabSnapshot> = {}): LabSnapshot => ({ ...EMPTY_SNAPSHOT, hostHostname: 'lab-host', ...over });

const denied = (name: string, layer: string, errno = 'EPERM', runtime = 'runc'): SnapshotEntry =>
  entry({ runtime, calls: [call({ name, failed: true, errno, deniedAt: layer, hops: [{ layer, verdict: 'deny', hostCall: null }] })] });
const column = (runtime: string, c: SnapshotCall): SnapshotEntry => entry({ input: 'keyctl(…)', runtime, compared: true, calls: [c] });
const gofer = entry({ calls: [call({ name: 'openat', servedBy: 'sentry', hops: [{ layer: 'host-kernel', verdict: 'handled', hostCall: 'openat by runsc-gofer (Gofer)' }] })] });
const path = entry({ input: 'docker run debian true', calls: [call({ name: 'POST', path: true, hops: ['docker-cli', 'dockerd', 'containerd'].map((layer) => ({ layer, verdict: 'handled' as const, hostCall: null })) })] });

/** Each goal kind, with a snapshot that meets it and one that does not. */
const CASES: [string, Goal, LabSnapshot, LabSnapshot][] = [
  ['lineRan ok', { type: 'lineRan', starts: 'runc spec', ok: true }, snap({ entries: [entry({ input: 'runc spec -b x' })] }), snap({ entries: [entry({ input: 'runc spec -b x', status: 1 })] })],
  ['lineRan failed', { type: 'lineRan', starts: 'docker run', ok: false }, snap({ entries: [entry({ input: 'docker run x', status: 127 })] }), snap({ entries: [entry({ input: 'docker run x' })] })],
  ['lineRan refused counts as failed', { type: 'lineRan', starts: 'docker', ok: false }, snap({ entries: [entry({ input: 'docker x', refused: true, status: null })] }), snap()],
  ['callDenied', { type: 'callDenied', syscall: 'reboot', layer: 'seccomp', errno: 'EPERM' }, snap({ entries: [denied('reboot', 'seccomp')] }), snap({ entries: [denied('reboot', 'capabilities')] })],
  ['callDenied by runtime', { type: 'callDenied', syscall: 'fork', runtime: 'nabla' }, snap({ entries: [denied('fork', 'libc', 'EOPNOTSUPP', 'nabla')] }), snap({ entries: [denied('fork', 'libc', 'EOPNOTSUPP', 'lightvm')] })],
  ['callDenied ignores a comparison column', { type: 'callDenied', syscall: 'keyctl' }, snap({ entries: [denied('keyctl', 'seccomp')] }), snap({ entries: [{ ...denied('keyctl', 'seccomp'), compared: true }] })],
  ['callServed', { type: 'callServed', syscall: 'getpid', servedBy: 'sentry' }, snap({ entries: [entry({ calls: [call({ servedBy: 'sentry' })] })] }), snap({ entries: [entry({ calls: [call()] })] })],
  ['callServed ignores the engines\' path', { type: 'callServed', syscall: 'sethostname' }, snap({ entries: [entry({ calls: [call({ name: 'sethostname' })] })] }), snap({ entries: [entry({ calls: [call({ name: 'sethostname', path: true })] })] })],
  ['hostCall', { type: 'hostCall', by: 'runsc-gofer', syscall: 'openat' }, snap({ entries: [gofer] }), snap({ entries: [entry({ calls: [call({ hops: [{ layer: 'host-kernel', verdict: 'handled', hostCall: 'openat by runsc-sandbox (Sentry)' }] })] })] })],
  ['pathThrough', { type: 'pathThrough', layers: ['dockerd', 'containerd'] }, snap({ entries: [path] }), snap({ entries: [entry()] })],
  ['hostnameHidden', { type: 'hostnameHidden' }, snap({ containers: [box({ hostname: 'box' })] }), snap({ containers: [box()] })],
  ['hostnameHidden: the host\'s own name is not hidden', { type: 'hostnameHidden' }, snap({ containers: [box({ hostname: 'web' })] }), snap({ containers: [box({ hostname: 'lab-host' })] })],
  ['pidsLimit', { type: 'pidsLimit', max: 20 }, snap({ containers: [box({ pidsMax: 20, forksRefused: 1 })] }), snap({ containers: [box({ pidsMax: 20 })] })],
  ['pidsLimit: another limit', { type: 'pidsLimit', max: 20 }, snap({ containers: [box({ pidsMax: 20, forksRefused: 3 })] }), snap({ containers: [box({ pidsMax: 10, forksRefused: 1 })] })],
  ['oomKill', { type: 'oomKill' }, snap({ containers: [box({ oomKills: 1 })] }), snap({ containers: [box({ memoryMax: 67108864 })] })],
  ['compareSplit', { type: 'compareSplit', deniedOn: 'runc', allowedOn: 'gvisor', layer: 'seccomp' },
    snap({ entries: [column('runc', call({ name: 'keyctl', failed: true, deniedAt: 'seccomp' })), column('gvisor', call({ name: 'keyctl' }))] }),
    snap({ entries: [column('runc', call({ name: 'keyctl', failed: true, deniedAt: 'seccomp' })), column('gvisor', call({ name: 'keyctl', failed: true, deniedAt: 'sentry-syscall' }))] })],
  ['runtime', { type: 'runtime', runtime: 'gvisor', options: { platform: 'kvm' } }, snap({ runtime: 'gvisor', options: { platform: 'kvm' } }), snap({ runtime: 'gvisor', options: { platform: 'systrap' } })],
  ['labCommand', { type: 'labCommand', name: 'surface', args: ['nabla'] }, snap({ lines: ['surface  nabla'] }), snap({ lines: ['surface runc', 'explain nabla'] })],
  ['output', { type: 'output', text: 'eth0' }, snap({ entries: [entry({ stdout: '5: eth0@if4' })] }), snap({ entries: [entry({ stdout: '1: lo' })] })],
  ['all', { type: 'all', goals: [{ type: 'oomKill' }, { type: 'labCommand', name: 'images' }] }, snap({ containers: [box({ oomKills: 1 })], lines: ['images'] }), snap({ lines: ['images'] })],
  ['any', { type: 'any', goals: [{ type: 'oomKill' }, { type: 'labCommand', name: 'images' }] }, snap({ lines: ['images'] }), snap({ lines: ['help'] })],
];

describe('lesson goals', () => {
  it.each(CASES)('%s: met', (_name, goal, met) => {
    expect(goalMet(goal, met)).toBe(true);
  });
  it.each(CASES)('%s: not met', (_name, goal, _met, unmet) => {
    expect(goalMet(goal, unmet)).toBe(false);
  });
  it('covers every kind of goal', () => {
    const kinds = new Set(CASES.map(([, g]) => g.type));
    const all: Goal['type'][] = ['lineRan', 'callDenied', 'callServed', 'hostCall', 'pathThrough', 'hostnameHidden', 'pidsLimit', 'oomKill', 'compareSplit', 'runtime', 'labCommand', 'output', 'all', 'any'];
    expect([...kinds].sort()).toEqual([...all].sort());
  });
  it('an empty snapshot meets no goal of any lesson step', async () => {
    const { LESSONS } = await import('../../../src/sim/lessons/index.ts');
    const met = LESSONS.flatMap((l) => l.steps.map((s, i) => [`${l.id} ${i + 1}`, goalMet(s.goal, EMPTY_SNAPSHOT)] as const)).filter(([, m]) => m);
    expect(met).toEqual([]);
  });
});
