import { describe, expect, it } from 'vitest';
import { ALL_CAPS, type Capability } from '../../../src/sim/kernel/capabilities.ts';
import { openFile } from '../../../src/sim/vfs/open.ts';
import { mayAccess, type Access, type Owned } from '../../../src/sim/vfs/permission.ts';
import { cred, ctxOf, hostEnv, LAB, ROOT } from './fixtures.ts';

const shadow: Owned = { kind: 'file', mode: 0o640, uid: 0, gid: 42 };
const script: Owned = { kind: 'file', mode: 0o644, uid: 0, gid: 0 };
const tool: Owned = { kind: 'file', mode: 0o750, uid: 0, gid: 0 };
const secretDir: Owned = { kind: 'dir', mode: 0o700, uid: 0, gid: 0 };
const ownerLocked: Owned = { kind: 'file', mode: 0o077, uid: 1000, gid: 1000 };

const rootNoCaps = cred(0, 0, []);
const rootOverride = cred(0, 0, ['CAP_DAC_OVERRIDE']);
const rootReadSearch = cred(0, 0, ['CAP_DAC_READ_SEARCH']);
const shadowMember = cred(1000, 1000, [], [1000, 42]);

describe('mayAccess (generic_permission)', () => {
  it.each<[string, Owned, ReturnType<typeof cred>, Access, boolean]>([
    ['uid 1000 reads /etc/shadow 0640 root:shadow', shadow, LAB, 'r', false],
    ['a member of group shadow reads it', shadow, shadowMember, 'r', true],
    ['a member of group shadow may not write it', shadow, shadowMember, 'w', false],
    ['uid 0 without capabilities reads a root-owned 0640 file through the owner bits', shadow, rootNoCaps, 'r', true],
    ['uid 0 without capabilities may not read a 0700 dir of uid 1000', { ...secretDir, uid: 1000 }, rootNoCaps, 'r', false],
    ['uid 0 with CAP_DAC_OVERRIDE reads it', { ...secretDir, uid: 1000 }, rootOverride, 'r', true],
    ['CAP_DAC_OVERRIDE writes any file', { ...script, uid: 1000, mode: 0o444 }, rootOverride, 'w', true],
    ['CAP_DAC_OVERRIDE executes a file with some x bit', tool, cred(5, 5, ['CAP_DAC_OVERRIDE']), 'x', true],
    ['CAP_DAC_OVERRIDE cannot execute a file with no x bit', script, rootOverride, 'x', false],
    ['CAP_DAC_OVERRIDE searches a directory with no x bit', { ...secretDir, mode: 0o600, uid: 1000 }, rootOverride, 'x', true],
    ['CAP_DAC_READ_SEARCH reads a file', { ...shadow, mode: 0o000 }, rootReadSearch, 'r', true],
    ['CAP_DAC_READ_SEARCH does not write a file', { ...shadow, mode: 0o000 }, rootReadSearch, 'w', false],
    ['CAP_DAC_READ_SEARCH searches and lists a directory', { ...secretDir, uid: 1000 }, rootReadSearch, 'rx', true],
    ['CAP_DAC_READ_SEARCH does not write a directory', { ...secretDir, uid: 1000 }, rootReadSearch, 'w', false],
    ['the owner class decides alone: 0077 denies its owner', ownerLocked, LAB, 'r', false],
    ['… while others may read it', ownerLocked, cred(1001, 1001), 'r', true],
    ['other bits for a stranger', script, cred(1001, 1001), 'r', true],
    ['other bits deny write', script, cred(1001, 1001), 'w', false],
    ['group bits via a supplementary group', { ...tool, gid: 999 }, cred(1000, 1000, [], [1000, 999]), 'x', true],
    ['read and write both needed for rw', { ...script, uid: 1000, mode: 0o400 }, LAB, 'rw', false],
  ])('%s', (_name, node, c, want, allowed) => {
    expect(mayAccess(node, c, want)).toBe(allowed);
  });
});

describe('permission through open(2) on the host', () => {
  const env = hostEnv();
  const caps = (list: Capability[]) => cred(0, 0, list);
  it.each([
    ['uid 1000 opens /etc/shadow for reading', ctxOf(LAB), '/etc/shadow', 'EACCES'],
    ['root with CAP_DAC_OVERRIDE opens /etc/shadow', ctxOf(caps(['CAP_DAC_OVERRIDE'])), '/etc/shadow', 'ok'],
    ['root with every capability', ctxOf(ROOT), '/etc/shadow', 'ok'],
    ['uid 0 without capabilities reads it as owner (rw-)', ctxOf(caps([])), '/etc/shadow', 'ok'],
    ['a shadow-group member', ctxOf(cred(1000, 1000, [], [1000, 42])), '/etc/shadow', 'ok'],
    ['uid 1000 reads /etc/passwd', ctxOf(LAB), '/etc/passwd', 'ok'],
    ['uid 1000 reads the docker socket? it is a socket: ENXIO after the permission check', ctxOf(cred(1000, 1000, [], [1000, 999])), '/run/docker.sock', 'ENXIO'],
    ['uid 1000 outside group docker is refused first', ctxOf(cred(1000, 1000, [], [1000])), '/run/docker.sock', 'EACCES'],
  ])('%s', (_name, ctx, path, want) => {
    const r = openFile(env, ctx, path, { access: path.endsWith('.sock') ? 'rw' : 'r' }, 0);
    expect(r.ok ? 'ok' : r.errno).toBe(want);
  });

  it('every capability is a superset for file reads', () => {
    expect(mayAccess(shadow, cred(1000, 1000, ALL_CAPS), 'r')).toBe(true);
  });
});
