import { describe, expect, it } from 'vitest';
import { replayChunks, replayLog } from '../../../src/sim/strace/replay.ts';
import type { ReplayReport } from '../../../src/sim/strace/replayReport.ts';
import type { ArgNode } from '../../../src/sim/syscalls/args.ts';
import type { StaticClassifier, StaticOutcome } from '../../../src/sim/trace.ts';
import { FILE_F_TT_T_Y } from './fixtures.ts';

const ALLOW: StaticOutcome = { allowed: true, errno: null, layer: 'host-kernel', reason: 'allowed' };
const SECCOMP_EPERM: StaticOutcome = { allowed: false, errno: 'EPERM', layer: 'seccomp', reason: 'not in the profile' };
const SENTRY_EAFNO: StaticOutcome = { allowed: false, errno: 'EAFNOSUPPORT', layer: 'sentry', reason: 'AF_ALG is not implemented' };

/** Denies keyctl by name, and socket only for address family 38 (AF_ALG). */
function fakeClassifier(): { classify: StaticClassifier; seen: string[] } {
  const seen: string[] = [];
  const classify: StaticClassifier = (name, args) => {
    seen.push(name);
    if (name === 'keyctl') return SECCOMP_EPERM;
    if (name !== 'socket') return ALLOW;
    const first: ArgNode | undefined = args()[0];
    return first?.type === 'number' && first.value === 38 ? SENTRY_EAFNO : ALLOW;
  };
  return { classify, seen };
}

const LOG = `100  getpid() = 100
100  keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL) = 0
100  keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 1) = -1 EPERM (Operation not permitted)
100  socket(38, SOCK_SEQPACKET|SOCK_CLOEXEC, 0) = 3<ALG:[5060]>
100  socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EAFNOSUPPORT (Address family not supported by protocol)
100  socket(38, SOCK_SEQPACKET, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)

100  openat(AT_FDCWD, "/nope", O_RDONLY) = -1 ENOENT (No such file or directory)
this is not strace
100  pause() = ? ERESTARTNOHAND (To be restarted if no handler)
100  read(0,  <unfinished ...>
100  +++ killed by SIGKILL +++
`;

const tally = (report: ReplayReport, name: string): unknown => report.bySyscall.get(name);

describe('replayLog tallies what a model would do with each call in a log', () => {
  const report = replayLog(LOG, fakeClassifier().classify);

  it.each([
    ['lines', report.lines, 12],
    ['calls', report.calls, 9],
    ['unreadable', report.unreadable, [{ line: 9, text: 'this is not strace', why: expect.stringContaining('expected a call') }]],
    ['names in order of first appearance', [...report.bySyscall.keys()], ['getpid', 'keyctl', 'socket', 'openat', 'pause', 'read']],
  ])('%s', (_what, got, expected) => {
    expect(got).toEqual(expected);
  });

  it.each([
    // keyctl: the first succeeded in the log but the model denies (differs); the second failed with the model's errno.
    ['keyctl', { name: 'keyctl', count: 2, allowed: 0, denied: 2, denials: [{ layer: 'seccomp', errno: 'EPERM', count: 2 }], differs: 1 }],
    // socket(38) succeeded in the log, the model denies (differs); AF_INET failed in the log with an errno no gate
    // gives, and the model lets it through to the same end; the last agrees.
    ['socket', { name: 'socket', count: 3, allowed: 1, denied: 2, denials: [{ layer: 'sentry', errno: 'EAFNOSUPPORT', count: 2 }], differs: 1 }],
    // ENOENT comes from the filesystem, not a gate: allowing it is the same outcome.
    ['openat', { name: 'openat', count: 1, allowed: 1, denied: 0, denials: [], differs: 0 }],
    // Interrupted and never-finished calls say nothing the model could disagree with.
    ['pause', { name: 'pause', count: 1, allowed: 1, denied: 0, denials: [], differs: 0 }],
    ['read', { name: 'read', count: 1, allowed: 1, denied: 0, denials: [], differs: 0 }],
  ])('%s', (name, expected) => {
    expect(tally(report, name)).toEqual(expected);
  });

  it('adds the same up in total', () => {
    expect(report.totals).toEqual({
      allowed: 5,
      denied: 4,
      denials: [{ layer: 'seccomp', errno: 'EPERM', count: 2 }, { layer: 'sentry', errno: 'EAFNOSUPPORT', count: 2 }],
      differs: 2,
    });
  });
});

describe('replayLog asks the classifier only as often as it must', () => {
  it.each([
    ['no argDependent: every call', undefined, ['getpid', 'keyctl', 'keyctl', 'socket', 'socket', 'socket', 'openat', 'pause', 'read']],
    ['socket depends on its arguments', (n: string) => n === 'socket', ['getpid', 'keyctl', 'socket', 'socket', 'socket', 'openat', 'pause', 'read']],
    ['nothing depends on arguments', () => false, ['getpid', 'keyctl', 'socket', 'openat', 'pause', 'read']],
  ])('%s', (_what, argDependent, asked) => {
    const { classify, seen } = fakeClassifier();
    const report = replayLog(LOG, classify, argDependent);
    expect(seen).toEqual(asked);
    expect(report.calls).toBe(9);
  });

  it('parses the arguments only when the classifier asks, once per call', () => {
    const parsed: (readonly ArgNode[])[] = [];
    replayLog(LOG, (name, args) => {
      if (name === 'socket') parsed.push(args(), args());
      return ALLOW;
    });
    expect(parsed.map((a) => a[0]?.text)).toEqual(['38', '38', 'AF_INET', 'AF_INET', '38', '38']);
    expect(parsed[0]).toBe(parsed[1]);
  });
});

describe('replayChunks hands control back between chunks', () => {
  it.each([1, 4, 5000])('in chunks of %i lines, to the same report', (chunkLines) => {
    const steps = [...replayChunks(FILE_F_TT_T_Y, fakeClassifier().classify, chunkLines)];
    const last = steps[steps.length - 1];
    expect(last).toEqual({ type: 'done', report: replayLog(FILE_F_TT_T_Y, fakeClassifier().classify) });
    const progress = steps.filter((s) => s.type === 'progress');
    expect(progress).toHaveLength(Math.ceil(24 / chunkLines) - 1);
    const lines = progress.map((s) => s.linesRead);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('ends even when asked for chunks of no lines', () => {
    const steps = [...replayChunks('getpid() = 1\ngetppid() = 0\n', fakeClassifier().classify, 0)];
    expect(steps.map((s) => s.type)).toEqual(['progress', 'done']);
  });
});
