import { describe, expect, it } from 'vitest';
import { boot, run } from './sessions.ts';
import type { RuntimeId } from '../../../src/sim/runtime/types.ts';

/** What a workload sees as its own name and kernel: never the host's, except on the host. */
describe('the hostname and kernel a workload sees', () => {
  it.each([
    ['host', {}, undefined, 'lab-host', 'Linux lab-host 7.0.0-1-amd64'],
    ['runc', {}, undefined, '3f6c2a9e1b7d', 'Linux 3f6c2a9e1b7d 7.0.0-1-amd64'],
    ['runc', {}, 'web', 'web', 'Linux web 7.0.0-1-amd64'],
    ['gvisor', {}, undefined, '3f6c2a9e1b7d', 'Linux 3f6c2a9e1b7d 4.19.0-gvisor'],
    ['lightvm', { guest: 'tinyx' }, undefined, 'tinyx', 'Linux tinyx tinyx'],
  ] as [RuntimeId, Record<string, string>, string | undefined, string, string][])('%s %o hostname %s', (id, options, hostname, file, uname) => {
    const session = boot(id, { options, ...(hostname ? { hostname } : {}) });
    expect(run(session, 'cat /etc/hostname').stdout).toBe(`${file}\n`);
    expect(run(session, 'uname -a').stdout.startsWith(uname)).toBe(true);
  });
});
