import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/store/engine.ts';
import { LAB_COMMAND_NAMES, parseSettings, runLabLine, specLabel, wrapWords, type LabApi, type LabView } from '../../src/store/labCommands.ts';
import { createLabStore } from '../../src/store/labStore.ts';
import { findRuntime } from '../../src/sim/runtime/registry.ts';
import type { Entry, TranscriptLine } from '../../src/store/views.ts';

/** A fake store: records what the commands printed and which actions they called. */
function fakeApi(over: Partial<LabView> = {}) {
  const printed: TranscriptLine[] = [];
  const calls: string[] = [];
  const state: LabView = {
    runtimes: [], runtimeId: 'runc', entries: [], options: { gvisor: { platform: 'systrap', directfs: 'on', network: 'sandbox', 'oci-seccomp': 'off' } },
    playback: { entryId: 1, speed: 1 },
    print: (lines) => printed.push(...lines),
    configure: (runtime, options) => {
      calls.push(`configure ${runtime} ${JSON.stringify(options)}`);
      state.runtimeId = runtime;
      state.options = { ...state.options, [runtime]: options };
    },
    reset: () => calls.push('reset'),
    clearTranscript: () => calls.push('clearTranscript'),
    play: () => calls.push('play'),
    pause: () => calls.push('pause'),
    stepForward: () => calls.push('stepForward'),
    stepBack: () => calls.push('stepBack'),
    setSpeed: (x) => calls.push(`setSpeed ${x}`),
    compare: (input, runtimes) => calls.push(`compare ${input} | ${runtimes.join(' ')}`),
    ...over,
  };
  const api: LabApi = { getState: () => state };
  const text = () => printed.map((l) => l.text).join('\n');
  return { api, printed, calls, text };
}

const entry = (id: number, runtime: Entry['runtime'], input: string, options: Record<string, string> = {}): Entry => ({
  id, runtime, options, input, run: { type: 'ran', runtime, input, calls: [], stdout: '', stderr: '', status: 0 },
});

describe('runLabLine: what is and is not a lab command', () => {
  it.each([
    ['getpid()', false],
    ['cat /etc/passwd', false],
    ['pause()', false],
    ['runtim gvisor', false],
    ['constructor', false],
    ['help', true],
    ['  pause  ', true],
    ['', true],
    ['   ', true],
  ])('%j → %s', (line, handled) => {
    const { api, printed } = fakeApi();
    expect(runLabLine(api, line)).toBe(handled);
    if (!handled) expect(printed).toEqual([]);
  });

  it('echoes the line as typed, after the prompt, before its answer', () => {
    const { api, printed } = fakeApi();
    runLabLine(api, 'runtimes');
    expect(printed[0]).toEqual({ kind: 'input', text: 'runc$ runtimes' });
  });

  it('a blank line prints only the prompt', () => {
    const { api, printed } = fakeApi();
    runLabLine(api, '');
    expect(printed).toEqual([{ kind: 'input', text: 'runc$ ' }]);
  });
});

describe('runLabLine: each command, its answer and the actions it calls', () => {
  it.each([
    { line: 'help', has: ['Lab commands', 'compare RUNTIME… -- INPUT', 'runc (now)', 'runtime gvisor --platform kvm', 'fork()'], calls: [] },
    { line: 'help compare', has: ['e.g. compare runc gvisor kata -- getpid()'], calls: [] },
    { line: 'help cat', has: ['cat FILE…'], calls: [] },
    { line: 'help openat', has: ['openat: syscall 257'], calls: [] },
    { line: 'help nonsense', has: ["no command or syscall named 'nonsense'"], calls: [] },
    { line: 'runtimes', has: ['* runc', 'gvisor', 'lightvm'], calls: [] },
    { line: 'runtime', has: ['runc: runc (Docker default)', 'this runtime has no settings'], calls: [] },
    { line: 'runtime gvisor', has: ['gvisor: gVisor', '--platform systrap'], calls: ['configure gvisor {"platform":"systrap","directfs":"on","network":"sandbox","oci-seccomp":"off"}'] },
    { line: 'runtime gvisor --platform kvm', has: ['--platform kvm'], calls: ['configure gvisor {"platform":"kvm","directfs":"on","network":"sandbox","oci-seccomp":"off"}'] },
    { line: 'runtime gvisor --platform=ptrace --oci-seccomp', has: ['--oci-seccomp on'], calls: ['configure gvisor {"platform":"ptrace","directfs":"on","network":"sandbox","oci-seccomp":"on"}'] },
    { line: 'runtime gvisor --platform xen', has: ['--platform takes systrap, ptrace, kvm'], calls: [] },
    { line: 'runtime gvisor --platfrom kvm', has: ['did you mean --platform?'], calls: [] },
    { line: 'runtime gvisor --platform', has: ['--platform needs a value: systrap, ptrace, kvm'], calls: [] },
    { line: 'runtime gvisor kvm', has: ["'kvm' is not a setting"], calls: [] },
    { line: 'runtime gvisr', has: ["unknown runtime 'gvisr' (did you mean gvisor?)"], calls: [] },
    { line: 'runtime kata --hypervisor clh --shared-fs virtio-9p', has: ['Cloud Hypervisor does not support virtio-9p'], calls: [] },
    { line: 'explain keyctl', has: ['keyctl: syscall 250 (keys', 'runc             deny (EPERM), decided by seccomp', "Docker's default seccomp profile", 'linux64.go', 'lightvm'], calls: [] },
    { line: 'explain openat(AT_FDCWD, "/x", O_RDONLY)', has: ['openat: syscall 257', 'returns a new file descriptor'], calls: [] },
    { line: 'explain opnat', has: ["unknown syscall 'opnat'; did you mean openat"], calls: [] },
    { line: 'explain', has: ['explain needs a syscall name'], calls: [] },
    { line: 'verdicts', has: ['runc: 385 syscalls', 'allow 302 · conditional 3', 'denied with EPERM (70):', 'keyctl'], calls: [] },
    { line: 'verdicts gvisor --oci-seccomp on', has: ['gvisor:oci-seccomp=on: 385 syscalls'], calls: [] },
    { line: 'verdicts nope', has: ["unknown runtime 'nope'"], calls: [] },
    { line: 'surface gvisor', has: ['gvisor: 96 host syscalls', 'runsc-sandbox (Sentry): 96'], calls: [] },
    { line: 'surface lightvm', has: ['and 5 hypercalls into the hypervisor', 'Xen hypervisor'], calls: [] },
    { line: 'speed', has: ['playback speed 1×'], calls: [] },
    { line: 'speed 0.5', has: ['playback speed 0.5×'], calls: ['setSpeed 0.5'] },
    { line: 'speed 2x', has: ['playback speed 2×'], calls: ['setSpeed 2'] },
    { line: 'speed 8', has: ['speed takes a number from 0.25 to 4'], calls: [] },
    { line: 'speed fast', has: ["not 'fast'"], calls: [] },
    { line: 'step', has: [], calls: ['stepForward'] },
    { line: 'back', has: [], calls: ['stepBack'] },
    { line: 'play', has: [], calls: ['play'] },
    { line: 'pause', has: [], calls: ['pause'] },
    { line: 'reset', has: ['every runtime booted again'], calls: ['reset'] },
    { line: 'clear', has: [], calls: ['clearTranscript'] },
    { line: 'history', has: ['nothing run yet'], calls: [] },
  ])('$line', ({ line, has, calls }) => {
    const { api, calls: called, text } = fakeApi();
    expect(runLabLine(api, line)).toBe(true);
    for (const h of has) expect(text()).toContain(h);
    expect(called).toEqual(calls);
  });

  it('clear prints nothing, not even its own line', () => {
    const { api, printed } = fakeApi();
    runLabLine(api, 'clear');
    expect(printed).toEqual([]);
  });

  it.each(['step', 'back', 'play', 'pause'])('%s with nothing run says so and calls nothing', (line) => {
    const { api, calls, text } = fakeApi({ playback: { entryId: null, speed: 1 } });
    runLabLine(api, line);
    expect(text()).toContain('nothing to play yet');
    expect(calls).toEqual([]);
  });

  it('history lists each line with its runtime and changed settings', () => {
    const { api, text } = fakeApi({ entries: [entry(1, 'runc', 'getpid()'), entry(2, 'gvisor', 'cat /etc/hostname', { platform: 'kvm', directfs: 'on' })] });
    runLabLine(api, 'history');
    expect(text()).toContain('   1  runc             getpid()');
    expect(text()).toContain('   2  gvisor:platform=kvm cat /etc/hostname');
  });

  it('colours verdicts: a denied runtime is a denied line', () => {
    const { api, printed } = fakeApi();
    runLabLine(api, 'explain keyctl');
    expect(printed.find((l) => l.text.includes('runc  '))?.kind).toBe('denied');
    expect(printed.find((l) => l.text.includes('host  '))?.kind).toBe('call');
  });
});

describe('compare', () => {
  it.each([
    { line: 'compare runc gvisor -- getpid()', has: ['getpid() under 2 runtimes', 'runc (host kernel): getpid() = 1', 'gvisor (sentry kernel): getpid() = 1', '× runc', 'host syscalls: none'], call: 'compare getpid() | runc gvisor' },
    { line: 'compare runc gvisor:platform=kvm -- cat /etc/hostname', has: ['gvisor:platform=kvm (sentry kernel): 9 calls, exit status 0', 'by runsc-sandbox (Sentry)'], call: 'compare cat /etc/hostname | runc gvisor:platform=kvm' },
    { line: 'compare -- getpid()', has: ['compare needs at least one runtime'], call: null },
    { line: 'compare runc gvisor getpid()', has: ['compare needs runtimes, then --, then the input'], call: null },
    { line: 'compare runc --', has: ['compare needs an input after --'], call: null },
    { line: 'compare runc gvisr -- getpid()', has: ["unknown runtime 'gvisr'"], call: null },
    { line: 'compare gvisor:platform=xen -- getpid()', has: ['--platform takes systrap, ptrace, kvm'], call: null },
    { line: 'compare runc -- opnat()', has: ["runc: refused: unknown syscall 'opnat'"], call: 'compare opnat() | runc' },
  ])('$line', ({ line, has, call }) => {
    const { api, calls, text } = fakeApi();
    runLabLine(api, line);
    for (const h of has) expect(text()).toContain(h);
    expect(calls).toEqual(call ? [call] : []);
  });

  it('compare all runs every runtime, each row named', () => {
    const { api, printed } = fakeApi();
    runLabLine(api, 'compare all -- getpid()');
    expect(printed.filter((l) => l.kind === 'call' || l.kind === 'denied').map((l) => l.text.split(' ')[0])).toEqual(['host', 'runc', 'gvisor', 'kata', 'nabla', 'unikernel-hvt', 'firecracker', 'lightvm']);
  });

  it('uses the settings chosen in the lab for a runtime named bare', () => {
    const { api, text } = fakeApi({ options: { gvisor: { platform: 'kvm' } } });
    runLabLine(api, 'compare gvisor -- getpid()');
    expect(text()).toContain('gvisor:platform=kvm (sentry kernel)');
  });
});

describe('a command that throws is a message, not a crash', () => {
  it('prints the bug and still handles the line', () => {
    const { api, text } = fakeApi({ setSpeed: () => { throw new Error('boom'); } });
    expect(runLabLine(api, 'speed 2')).toBe(true);
    expect(text()).toContain('the lab failed on this command (a bug): boom');
  });
});

describe('helpers', () => {
  it.each([
    [['--platform', 'kvm'], { platform: 'kvm' }],
    [['--platform=kvm', '--directfs', 'off'], { platform: 'kvm', directfs: 'off' }],
    [['--oci-seccomp'], { 'oci-seccomp': 'on' }],
    [['--oci-seccomp', '--platform', 'kvm'], { 'oci-seccomp': 'on', platform: 'kvm' }],
    [['--platform'], '--platform needs a value: systrap, ptrace, kvm'],
    [['kvm'], "'kvm' is not a setting: settings look like --platform systrap"],
  ])('parseSettings(gvisor, %j) → %j', (words, expected) => {
    const gvisor = findRuntime('gvisor');
    if (!gvisor) throw new Error('no gvisor');
    expect(parseSettings(gvisor, words)).toEqual(expected);
  });

  it.each([
    [{ platform: 'systrap' }, 'gvisor'],
    [{ platform: 'kvm', directfs: 'on' }, 'gvisor:platform=kvm'],
    [{ platform: 'kvm', directfs: 'off' }, 'gvisor:platform=kvm:directfs=off'],
  ])('specLabel(gvisor, %j) → %s', (options, label) => {
    const gvisor = findRuntime('gvisor');
    if (!gvisor) throw new Error('no gvisor');
    expect(specLabel(gvisor, options)).toBe(label);
  });

  it('wrapWords keeps lines within the width', () => {
    const lines = wrapWords(Array.from({ length: 40 }, (_, i) => `word${i}`), 30);
    expect(lines.every((l) => l.length <= 30 && l.startsWith('  '))).toBe(true);
    expect(lines.join(' ').split(/\s+/).filter(Boolean)).toHaveLength(40);
  });
});

describe('against the real store', () => {
  it('the store is a LabApi, and a switch of runtime with settings takes effect', () => {
    const store = createLabStore(createEngine());
    const api: LabApi = store;
    runLabLine(api, 'runtime gvisor --platform kvm');
    expect(store.getState().runtimeId).toBe('gvisor');
    expect(store.getState().options.gvisor?.platform).toBe('kvm');
    expect(store.getState().transcript[0]).toEqual({ kind: 'input', text: 'runc$ runtime gvisor --platform kvm' });
  });

  const runsCleanly = (name: string) => {
    const store = createLabStore(createEngine());
    store.getState().submitCommand('getpid()');
    runLabLine(store, name === 'compare' ? 'compare runc kata -- getpid()' : name === 'explain' ? 'explain getpid' : name);
    expect(store.getState().transcript.filter((l) => l.kind === 'error')).toEqual([]);
  };
  it.each(LAB_COMMAND_NAMES.filter((n) => n !== 'reset' && n !== 'clear' && n !== 'escapes'))('%s runs on a fresh store without an error line', runsCleanly);
  // `escapes` computes the whole escape matrix on first use: every scenario under every runtime from a fresh
  // boot (72 boots: about 1.5 s on an idle machine, past vitest's 5 s default when the machine is shared). Its output is the
  // matrix itself, so it cannot be made cheaper without changing what it prints; it gets a longer timeout.
  it('escapes runs on a fresh store without an error line', () => runsCleanly('escapes'), 60_000);

  it("every example help offers runs (none is refused), on the runtime it is offered for", () => {
    const store = createLabStore(createEngine());
    const { api, printed } = fakeApi();
    runLabLine(api, 'help');
    const start = printed.findIndex((l) => l.text === 'Worth trying, runtime by runtime');
    let runtime = '';
    let ran = 0;
    for (const l of printed.slice(start + 1).filter((x) => x.kind === 'stdout')) {
      const [, rt, example] = /^ {2}(\S*)(?: \(now\))?\s+(.*)$/.exec(l.text) ?? [];
      runtime = rt || runtime;
      if (!example || example.startsWith('runtime ')) continue;
      store.getState().chooseRuntime(runtime);
      store.getState().submitCommand(example);
      expect([runtime, example, store.getState().last.type]).toEqual([runtime, example, 'ran']);
      ran++;
    }
    expect(ran).toBe(14);
  });
});
