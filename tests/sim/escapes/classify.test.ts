import { describe, expect, it } from 'vitest';
import { classifyEscape, type EscapeStep } from '../../../src/sim/escapes/classify.ts';
import type { CallTrace, Hop } from '../../../src/sim/trace.ts';

const hop = (layer: string, verdict: Hop['verdict'], extra: Partial<Hop> = {}): Hop => ({ layer, verdict, note: `${layer} ${verdict}`, costNs: 0, source: 'estimate', ...extra });
const call = (name: string, hops: Hop[], over: Partial<CallTrace> = {}): CallTrace => ({ name, line: `${name}() = 0`, retval: 0, errno: null, hops, deniedBy: null, reason: null, servedBy: 'host', ...over });
const step = (c: CallTrace, status = c.errno ? 1 : 0): EscapeStep => ({ input: `${c.name}()`, calls: [c], status });

const denied = call('unshare', [hop('syscall', 'pass'), hop('seccomp', 'deny')], { errno: 'EPERM', retval: -1, deniedBy: 'seccomp' });
const hostSplice = call('splice', [hop('syscall', 'pass', { hostCall: { by: 'sh (pid 4201)', name: 'splice', filter: 'allowed' }, hostEntry: 'entry_SYSCALL_64' }), hop('kernel', 'handled', { hostEntry: 'sys_splice' })]);
const sentrySplice = call('splice', [hop('sentry', 'handled')], { servedBy: 'sentry' });
const helperSplice = call('splice', [hop('sentry', 'handled'), hop('host-seccomp', 'pass', { hostCall: { by: 'Sentry', name: 'splice', filter: 'allowed' } })], { servedBy: 'sentry' });
const helperKilled = call('splice', [hop('host-seccomp', 'pass', { hostCall: { by: 'Sentry', name: 'splice', filter: 'killed' } })], { servedBy: 'sentry' });

describe('classifyEscape reads the outcome from the trace', () => {
  it.each([
    ['a step denied by a gate stops the attack there', [step(denied), step(hostSplice)], true, 'stopped', 'seccomp'],
    ['the host kernel running the goal for the workload is through', [step(hostSplice)], false, 'through', 'sh (pid 4201)'],
    ['the goal answered by the Sentry alone is contained', [step(sentrySplice)], true, 'contained', 'sentry'],
    ['a helper making the goal on the host counts when the scenario says so', [step(helperSplice)], true, 'through', 'Sentry'],
    ['…and not when the goal is the workload\'s own access', [step(helperSplice)], false, 'contained', 'sentry'],
    ['a helper whose filter killed the call did not reach the host', [step(helperKilled)], true, 'contained', 'sentry'],
  ] as const)('%s', (_what, steps, viaHelpers, type, where) => {
    const o = classifyEscape(steps, { goal: 'splice', viaHelpers });
    expect(o.type).toBe(type);
    const at = o.type === 'stopped' ? o.layer : o.type === 'contained' ? o.servedBy : o.type === 'through' ? o.by : '';
    expect(at).toBe(where);
  });

  it('reports the errno and the denying hop\'s note', () => {
    const o = classifyEscape([step(denied)], { goal: 'mount', viaHelpers: false });
    expect(o).toMatchObject({ type: 'stopped', layer: 'seccomp', errno: 'EPERM', note: 'seccomp deny' });
  });

  it('says so when a line could not be read, rather than inventing a verdict', () => {
    const o = classifyEscape([{ input: 'bogus(', calls: [], status: 1, refused: 'unexpected end of input' }], { goal: 'mount', viaHelpers: false });
    expect(o).toMatchObject({ type: 'stopped', layer: 'lab', note: 'unexpected end of input' });
  });

  it('says so when the goal call was never made', () => {
    expect(classifyEscape([step(sentrySplice)], { goal: 'mount', viaHelpers: false })).toMatchObject({ type: 'stopped', layer: 'lab' });
  });
});
