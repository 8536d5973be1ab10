import { describe, expect, it } from 'vitest';
import { commonPrefix, completeLine, sessionDirs, type CompletionContext } from '../../src/store/completion.ts';
import { findRuntime } from '../../src/sim/runtime/registry.ts';

/** A small filesystem: directories end with `/`. */
const FS: Record<string, string[]> = {
  '/': ['etc/', 'proc/', 'tmp/'],
  '/etc': ['hostname', 'hosts', 'passwd', 'ssl/'],
  '/etc/ssl': ['certs/'],
  '.': ['notes.txt', 'src/'],
  src: ['main.c'],
};
const ctx: CompletionContext = { listDir: (dir) => FS[dir] ?? [] };

/** `|` marks the cursor. */
function complete(marked: string, context = ctx) {
  const cursor = marked.indexOf('|');
  const line = marked.replace('|', '');
  return completeLine(line, cursor, context);
}

describe('completeLine', () => {
  it.each([
    // first word: lab and shell commands
    ['he|', 'help ', []],
    ['runt|', 'runtime', ['runtime', 'runtimes']],
    ['hist|', 'history ', []],
    ['ca|', 'cat ', []],
    ['mk|', 'mkdir ', []],
    ['pa|', 'pause ', []],
    ['|', '', null],
    // syscalls: when no command fits, when the word has _, or when ( follows
    ['getpi|', 'getpid(', []],
    ['getp|', 'getp', ['getpeername', 'getpgid', 'getpgrp', 'getpid', 'getpmsg', 'getppid', 'getpriority']],
    ['sethostn|', 'sethostname(', []],
    ['clock_get|', 'clock_get', ['clock_getres', 'clock_gettime']],
    ['mou|("none")', 'mount', ['mount', 'mount_setattr']],
    ['getpi|()', 'getpid', []],
    ['zzz|', 'zzz', []],
    // runtime names and settings
    ['runtime g|', 'runtime gvisor ', []],
    ['runtime |', 'runtime ', ['firecracker', 'gvisor', 'host', 'kata', 'lightvm', 'nabla', 'runc', 'unikernel-hvt']],
    ['runtime gvisor --pl|', 'runtime gvisor --platform ', []],
    ['runtime gvisor --|', 'runtime gvisor --', ['--directfs', '--network', '--oci-seccomp', '--platform']],
    ['runtime gvisor --platform k|', 'runtime gvisor --platform kvm ', []],
    ['runtime gvisor --platform |', 'runtime gvisor --platform ', ['kvm', 'ptrace', 'systrap']],
    ['runtime kata --hyp|', 'runtime kata --hypervisor ', []],
    ['compare runc g|', 'compare runc gvisor ', []],
    ['compare a|', 'compare all ', []],
    ['verdicts k|', 'verdicts kata ', []],
    ['surface f|', 'surface firecracker ', []],
    ['verdicts kata k|', 'verdicts kata k', []],
    // explain and help
    ['explain keyc|', 'explain keyctl ', []],
    ['help comp|', 'help compare ', []],
    // paths
    ['cat /etc/ho|', 'cat /etc/host', ['hostname', 'hosts']],
    ['cat /etc/pa|', 'cat /etc/passwd ', []],
    ['cat /e|', 'cat /etc/', []],
    ['ls /etc/ssl/|', 'ls /etc/ssl/certs/', []],
    ['cat |', 'cat ', ['notes.txt', 'src/']],
    ['cat n|', 'cat notes.txt ', []],
    ['cat src/m|', 'cat src/main.c ', []],
    ['cat "/etc/pa|', 'cat "/etc/passwd"', []],
    ['openat(AT_FDCWD, "/etc/pa|', 'openat(AT_FDCWD, "/etc/passwd"', []],
    ['echo hi > /t|', 'echo hi > /tmp/', []],
    ['unshare -|', 'unshare -', []],
    ['cat /nope/x|', 'cat /nope/x', []],
    // an input after compare's --
    ['compare runc gvisor -- getpi|', 'compare runc gvisor -- getpid(', []],
    ['compare runc -- cat /etc/pa|', 'compare runc -- cat /etc/passwd ', []],
    // arguments of a call: no constants yet
    ['openat(AT_|', 'openat(AT_', []],
  ])('%j → %j', (marked, replacement, candidates) => {
    const c = complete(marked);
    expect(c.replacement).toBe(replacement);
    if (candidates) expect(c.candidates).toEqual(candidates);
  });

  it('keeps what follows the cursor out of the replacement', () => {
    expect(complete('getpi| # note')).toEqual({ replacement: 'getpid(', candidates: [] });
  });

  it('offers every command for an empty line', () => {
    const c = complete('|');
    expect(c.candidates).toEqual(expect.arrayContaining(['help', 'compare', 'cat', 'ls', 'explain']));
  });

  it('a listDir that throws completes nothing', () => {
    expect(complete('cat /etc/h|', { listDir: () => { throw new Error('no session'); } })).toEqual({ replacement: 'cat /etc/h', candidates: [] });
  });

  it.each([
    [[], ''],
    [['hostname', 'hosts'], 'host'],
    [['a', 'b'], ''],
    [['same'], 'same'],
  ])('commonPrefix(%j) → %j', (words, prefix) => {
    expect(commonPrefix(words)).toBe(prefix);
  });
});

describe('sessionDirs: paths from a booted session', () => {
  it.each([
    { runtime: 'runc', dir: '/etc', has: ['hostname', 'passwd'] },
    { runtime: 'runc', dir: '/', has: ['etc/', 'proc/', 'tmp/'] },
    { runtime: 'gvisor', dir: '/etc', has: ['hostname'] },
    { runtime: 'kata', dir: '/', has: ['etc/'] },
  ])('$runtime: $dir has $has', ({ runtime, dir, has }) => {
    const model = findRuntime(runtime);
    if (!model) throw new Error(`no ${runtime}`);
    expect(sessionDirs(model.boot())(dir)).toEqual(expect.arrayContaining(has));
  });

  it.each(['/nope', '/etc/passwd', ''])('%j lists nothing', (dir) => {
    const model = findRuntime('runc');
    if (!model) throw new Error('no runc');
    expect(sessionDirs(model.boot())(dir)).toEqual([]);
  });

  it('completes a path in a real session', () => {
    const model = findRuntime('runc');
    if (!model) throw new Error('no runc');
    expect(completeLine('cat /etc/passw', 14, { listDir: sessionDirs(model.boot()) })).toEqual({ replacement: 'cat /etc/passwd ', candidates: [] });
  });
});
