import { describe, expect, it } from 'vitest';
import { DOCKER_MASKED_PATHS, DOCKER_READONLY_PATHS } from '../../../src/sim/vfs/dockerDefaults.ts';
import { readdir } from '../../../src/sim/vfs/dirOps.ts';
import type { VfsEnv } from '../../../src/sim/vfs/env.ts';
import { readFile } from '../../../src/sim/vfs/fileData.ts';
import { getMount } from '../../../src/sim/vfs/mount.ts';
import { openFile } from '../../../src/sim/vfs/open.ts';
import { resolve } from '../../../src/sim/vfs/resolve.ts';
import { applyReadonlyAndMasked } from '../../../src/sim/vfs/runcMasks.ts';
import { rootCtx } from '../../../src/sim/vfs/setupHelpers.ts';
import { containerFs, CONTAINER_ROOT, ctxOf, hostEnv, must, NOW, referenceItems, ROOT } from './fixtures.ts';

const { env } = containerFs();
const croot = ctxOf(CONTAINER_ROOT);
const result = (r: { ok: boolean; errno?: string }) => (r.ok ? 'ok' : r.errno);

describe("the lab's lists against moby's (reference files)", () => {
  it('masked paths are the 12 of defaultLinuxMaskedPaths(), in order', () => {
    expect(DOCKER_MASKED_PATHS).toEqual(referenceItems('docker_masked_paths.txt'));
    expect(DOCKER_MASKED_PATHS).toHaveLength(12);
  });

  it('read-only paths are the 5 of DefaultLinuxSpec().Linux.ReadonlyPaths, in order', () => {
    expect(DOCKER_READONLY_PATHS).toEqual(referenceItems('docker_readonly_paths.txt'));
    expect(DOCKER_READONLY_PATHS).toHaveLength(5);
  });
});

function maskedAs(e: VfsEnv, path: string): string {
  const r = must(resolve(e, croot, path));
  const fs = e.store.filesystems[r.fsId]!;
  if (r.node.kind === 'chardev') return `chardev ${r.node.rdev?.major}:${r.node.rdev?.minor} on ${fs.type}`;
  const entries = must(readdir(e, r)).map((d) => d.name);
  const ro = getMount(e.ns, r.mountId)?.flags.ro;
  return `${r.node.kind} on ${ro ? 'ro' : 'rw'} ${fs.type} with ${entries.length - 2} entries`;
}

describe('masked paths in a default container', () => {
  it.each(referenceItems('docker_masked_paths.txt'))('%s is /dev/null or an empty read-only tmpfs', (path) => {
    expect(maskedAs(env, path)).toMatch(/^(chardev 1:3 on tmpfs|dir on ro tmpfs with 0 entries)$/);
  });

  it.each([
    ['/proc/kcore', 'chardev 1:3 on tmpfs'],
    ['/proc/interrupts', 'chardev 1:3 on tmpfs'],
    ['/proc/acpi', 'dir on ro tmpfs with 0 entries'],
    ['/proc/scsi', 'dir on ro tmpfs with 0 entries'],
    ['/sys/firmware', 'dir on ro tmpfs with 0 entries'],
    ['/sys/devices/virtual/powercap', 'dir on ro tmpfs with 0 entries'],
  ])('%s → %s', (path, want) => {
    expect(maskedAs(env, path)).toBe(want);
  });

  it('reading /proc/kcore gives 0 bytes', () => {
    const f = must(openFile(env, croot, '/proc/kcore', { access: 'r' }, NOW)).file;
    expect(must(readFile(env, f, 0, 4096))).toBe('');
  });

  it('the host still sees the real /proc/kcore and /proc/acpi', () => {
    const host = hostEnv();
    expect(must(readFile(host, must(resolve(host, ctxOf(ROOT), '/proc/kcore')), 0, 4))).toBe('\x7fELF');
    expect(must(readdir(host, must(resolve(host, ctxOf(ROOT), '/proc/acpi')))).map((d) => d.name)).toContain('wakeup');
  });

  it('a masked path the kernel does not have is skipped, as runc skips it', () => {
    const host = hostEnv();
    const noSound = { ...host.providers, proc: { ...host.providers.proc!, lookup: (fsId: string, parts: readonly string[], v: unknown) => (parts[0] === 'asound' ? undefined : host.providers.proc!.lookup(fsId, parts, v)) } };
    const r = must(applyReadonlyAndMasked({ ...host, providers: noSound }, rootCtx(), [], ['/proc/asound', '/proc/nothing-here']));
    expect(r.ns.mounts).toHaveLength(host.ns.mounts.length);
  });
});

describe('read-only paths in a default container', () => {
  it.each(referenceItems('docker_readonly_paths.txt'))('%s is on a read-only mount', (path) => {
    const r = must(resolve(env, croot, path));
    expect(getMount(env.ns, r.mountId)?.flags).toMatchObject({ ro: true, nosuid: true, nodev: true, noexec: true });
  });

  it.each([
    ['/proc/sys/kernel/hostname', 'EROFS'],
    ['/proc/sysrq-trigger', 'EROFS'],
    ['/proc/irq/default_smp_affinity', 'EROFS'],
    ['/sys/kernel/uevent_helper', 'EROFS'],
    ['/proc/kcore', 'ok'],
  ])('container root opening %s for write → %s', (path, want) => {
    expect(result(openFile(env, croot, path, { access: 'w' }, NOW))).toBe(want);
  });

  it('on the host the same write goes through', () => {
    const host = hostEnv();
    expect(result(openFile(host, ctxOf(ROOT), '/proc/sys/kernel/hostname', { access: 'w' }, NOW))).toBe('ok');
  });

  it('an unprivileged user is refused by the mode bits before the read-only mount is checked', () => {
    expect(result(openFile(env, ctxOf({ fsuid: 1000, fsgid: 1000, groups: [1000], caps: [] }), '/proc/sys/kernel/hostname', { access: 'w' }, NOW))).toBe('EACCES');
  });
});
