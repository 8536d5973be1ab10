import { describe, expect, it } from 'vitest';
import { runLightvmCall } from '../../src/machines/lightvmRunner.ts';
import { hostCallsOf } from '../../src/sim/hostcalls/helperProcess.ts';
import { LIGHTVM } from '../../src/sim/runtime/lightvm.ts';
import { LIGHTVM_LAYERS } from '../../src/sim/lightvm/layers.ts';
import { measurements } from '../helpers/reference.ts';
import { lastRun, OPEN_PASSWD, runLines } from '../sim/firecracker/fcCalls.ts';

const boot = (guest: string) => LIGHTVM.boot({ options: { guest } });
const layersOf = (run: ReturnType<typeof lastRun>) => run.trace.hops.map((h) => h.layer);
const SEND = (fd: number) => `sendto(${fd}, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16)`;

describe('LightVM: calls that stay in the guest', () => {
  it.each([
    ['unikernel', ['getpid()'], 1, ['app', 'libc', 'minios', 'minios']],
    ['tinyx', ['getpid()'], null, ['app', 'libc', 'guest-syscall', 'guest-kernel', 'guest-kernel', 'guest-syscall']],
  ])('%s: getpid() makes no hypercall and no host syscall', (guest, lines, retval, layers) => {
    const run = lastRun(boot(guest), runLightvmCall, ...lines);
    expect(layersOf(run)).toEqual(layers);
    expect(hostCallsOf(run.trace.hops)).toEqual([]);
    if (retval !== null) expect(run.trace.retval).toBe(retval);
  });

  it('in the unikernel a call is a function call: no syscall entry at all', () => {
    const run = lastRun(boot('unikernel'), runLightvmCall, 'getpid()');
    expect(run.trace.hops.some((h) => /syscall instruction/.test(h.note) && !/no syscall instruction/.test(h.note))).toBe(false);
    expect(run.trace.servedBy).toBe('libos');
  });
});

describe('LightVM: I/O through the split drivers', () => {
  it.each([
    ['unikernel', ['write(1, "hi\\n", 3)'], ['minios', 'frontend', 'hypercall', 'xen', 'console-backend', 'minios']],
    ['unikernel', ['socket(AF_INET, SOCK_DGRAM, 0)', SEND(3)], ['minios', 'frontend', 'hypercall', 'xen', 'backend', 'minios']],
    ['unikernel', ['mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)'], ['minios', 'hypercall', 'xen', 'minios']],
    ['tinyx', [OPEN_PASSWD, 'read(3, "", 4096)'], ['guest-kernel', 'frontend', 'hypercall', 'xen', 'backend', 'host-kernel', 'xen', 'guest-kernel', 'guest-kernel', 'guest-syscall']],
    ['tinyx', ['socket(AF_INET, SOCK_DGRAM, 0)', SEND(3)], ['guest-kernel', 'frontend', 'hypercall', 'xen', 'backend', 'guest-kernel', 'guest-syscall']],
  ])('%s: %j goes %j', (guest, lines, tail) => {
    const run = lastRun(boot(guest), runLightvmCall, ...lines);
    const layers = layersOf(run);
    expect(layers.slice(layers.length - tail.length)).toEqual(tail);
    expect(hostCallsOf(run.trace.hops)).toEqual([]);
    expect(run.trace.errno).toBeNull();
  });

  it.each([
    ['unikernel', ['fork()']],
    ['unikernel', ['execve("/bin/sh", ["sh"], NULL)']],
    ['unikernel', ['kill(1, SIGKILL)']],
  ])('%s: %j halts the unikernel and the application is gone', (guest, lines) => {
    const session = boot(guest);
    const run = lastRun(session, runLightvmCall, ...lines);
    expect(run.terminated).toMatch(/SCHEDOP_shutdown/);
    expect(run.trace.line).toMatch(/= \?$/);
    expect(run.world.procs[session.pid]).toBeUndefined();
  });
});

describe('LightVM hops', () => {
  const ids = new Set(measurements().map((m) => m.id));
  const layerIds = new Set(LIGHTVM_LAYERS.map((l) => l.id));
  it.each([
    ['unikernel', ['getpid()', 'write(1, "hi\\n", 3)', 'socket(AF_INET, SOCK_DGRAM, 0)', SEND(3), 'uname({})', 'fork()']],
    ['tinyx', ['getpid()', OPEN_PASSWD, 'read(3, "", 4096)', 'fsync(3)', 'socket(AF_INET, SOCK_DGRAM, 0)', SEND(4)]],
  ])('%s: every hop is on a LightVM layer, cites a measurement or estimate, and the clock moves by the sum', (guest, lines) => {
    const session = boot(guest);
    const { runs } = runLines(session, runLightvmCall, ...lines);
    let before = session.world.timeNs;
    for (const run of runs) {
      expect(run.trace.hops.filter((h) => !layerIds.has(h.layer))).toEqual([]);
      expect(run.trace.hops.filter((h) => h.source !== 'estimate' && !ids.has(h.source))).toEqual([]);
      expect(run.world.timeNs - before).toBeCloseTo(run.trace.hops.reduce((s, h) => s + h.costNs, 0), 3);
      before = run.world.timeNs;
    }
  });
});
