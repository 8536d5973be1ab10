import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/store/engine.ts';
import { createLabStore, type Entry, type HopRow } from '../../../src/store/labStore.ts';
import { narrationText } from '../../../src/ui/playback/narration.ts';
import { RUNC_KEYCTL, hop } from '../diagram/fixtures.ts';

const ran = (calls: { line: string; name: string; hops: HopRow[] }[]): Entry => ({
  id: 1, runtime: 'runc', options: {}, input: 'cat /etc/passwd',
  run: { type: 'ran', runtime: 'runc', input: 'cat /etc/passwd', stdout: '', stderr: '', status: 0, calls: calls.map((c) => ({ ...c, failed: false, reason: null, servedBy: 'host' })) },
});
const ONE = ran([{ line: 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL) = -1 EPERM (Operation not permitted)', name: 'keyctl', hops: RUNC_KEYCTL }]);
const TWO = ran([
  { line: 'getpid() = 1', name: 'getpid', hops: [hop('app', 'pass'), hop('kernel', 'handled')] },
  { line: 'openat(AT_FDCWD, "/x", O_RDONLY) = 3', name: 'openat', hops: [hop('app', 'pass'), hop('host-kernel', 'handled', 5, 'openat by Sentry')] },
]);

describe('narrationText', () => {
  it.each([
    { name: 'nothing played', entry: undefined, call: 0, hop: 0, text: 'Nothing played yet: run a syscall or a command to watch its path.' },
    { name: 'a hop of a one-call run', entry: ONE, call: 0, hop: 3, text: 'Hop 4 of 5, seccomp, deny: seccomp deny' },
    { name: 'the last hop adds the result', entry: ONE, call: 0, hop: 4, text: 'Hop 5 of 5, syscall, deny: syscall deny. Result: keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL) = -1 EPERM (Operation not permitted)' },
    { name: 'a hop that was a host syscall says so', entry: ONE, call: 0, hop: 2, text: 'Hop 3 of 5, syscall, pass: syscall pass (host syscall: keyctl by sh (pid 4201))' },
    { name: 'a run of several calls names the call', entry: TWO, call: 1, hop: 0, text: 'Call 2 of 2, openat. Hop 1 of 2, app, pass: app pass' },
    { name: 'a position past the end is held at the last hop', entry: TWO, call: 9, hop: 9, text: 'Call 2 of 2, openat. Hop 2 of 2, host-kernel, handled: host-kernel handled (host syscall: openat by Sentry). Result: openat(AT_FDCWD, "/x", O_RDONLY) = 3' },
    { name: 'a run with no call', entry: ran([]), call: 0, hop: 0, text: '“cat /etc/passwd” made no system call.' },
    {
      name: 'a refused line', call: 0, hop: 0, text: '“opnat()” did not run: unknown syscall \'opnat\'',
      entry: { id: 2, runtime: 'runc', options: {}, input: 'opnat()', run: { type: 'refused', runtime: 'runc', input: 'opnat()', message: "unknown syscall 'opnat'", column: 1 } } as Entry,
    },
  ])('$name', ({ entry, call, hop: h, text }) => {
    expect(narrationText(entry, call, h)).toBe(text);
  });

  it("reads the model's own hop under runc: keyctl stopped by Docker's default profile", () => {
    const store = createLabStore(createEngine());
    store.getState().submitCommand('keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)');
    const entry = store.getState().entries.at(-1);
    const deny = entry?.run.type === 'ran' ? entry.run.calls[0]?.hops.findIndex((x) => x.verdict === 'deny') ?? -1 : -1;
    expect(narrationText(entry, 0, deny)).toMatch(/^Hop 4 of 5, seccomp filter, deny: Docker's default profile .*keyctl/);
  });
});

describe('narrationText in Chinese', () => {
  it.each([
    { name: 'nothing played', entry: undefined, call: 0, hop: 0, text: '还没有播放任何内容：运行一个系统调用或命令，观察它经过的路径。' },
    { name: 'a hop keeps the model’s words', entry: TWO, call: 1, hop: 1, text: '第 2 个调用（共 2 个），openat。第 2 步（共 2 步），host-kernel，handled：host-kernel handled（宿主机系统调用：openat by Sentry）。结果：openat(AT_FDCWD, "/x", O_RDONLY) = 3' },
    { name: 'a run with no call', entry: ran([]), call: 0, hop: 0, text: '“cat /etc/passwd”没有发出任何系统调用。' },
  ])('$name', ({ entry, call, hop: h, text }) => {
    expect(narrationText(entry, call, h, 'zh')).toBe(text);
  });
});
