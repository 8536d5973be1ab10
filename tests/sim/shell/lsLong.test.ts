import { describe, expect, it } from 'vitest';
import { boot, run } from '../runtime/sessions.ts';
import type { RuntimeId } from '../../../src/sim/runtime/types.ts';

/** `ls -l`: lstat each entry, readlink each symlink; the namespace links say which namespaces the shell is in. */
describe('ls -l', () => {
  it.each([['host'], ['runc'], ['gvisor']] as [RuntimeId][])('ls -l /proc/self/ns under %s', (id) => {
    const r = run(boot(id), 'ls -l /proc/self/ns');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('total 0');
    expect(lines).toHaveLength(11);
    for (const l of lines.slice(1)) expect(l).toMatch(/^lrwxrwxrwx 1 root root +0 .* [a-z_]+ -> '[a-z]+:\[\d+\]'$/);
    expect(r.calls.filter((c) => c.name === 'readlink')).toHaveLength(10);
    const lstats = r.calls.filter((c) => c.name === 'newfstatat' && c.line.includes('"/proc/self/ns/'));
    expect(lstats).toHaveLength(10);
    expect(lstats.every((c) => c.line.includes('AT_SYMLINK_NOFOLLOW'))).toBe(true);
  });

  it('shows a file\'s mode, owner and size', () => {
    expect(run(boot('runc'), 'ls -l /etc').stdout).toMatch(/^-rw-r--r-- 1 root root +874 Nov 29 00:00 passwd$/m);
  });

  it('the container sees its own namespaces, not the host\'s', () => {
    const ns = (id: RuntimeId) => /mnt -> 'mnt:\[(\d+)\]'/.exec(run(boot(id), 'ls -l /proc/self/ns').stdout)?.[1];
    expect(ns('runc')).not.toBe(ns('host'));
  });
});
