import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALL_CAPS, DOCKER_DEFAULT_CAPS, type CapSet } from '../../../src/sim/kernel/capabilities.ts';
import { fail, ok, type SimResult } from '../../../src/sim/result.ts';
import { createContainerFs, type ContainerFs } from '../../../src/sim/vfs/containerWorld.ts';
import type { PathCtx, VfsEnv } from '../../../src/sim/vfs/env.ts';
import { buildHostWorld } from '../../../src/sim/vfs/hostWorld.ts';
import { DEBIAN_BOOKWORM_SLIM } from '../../../src/sim/vfs/images/debianSlim.ts';
import type { ImageSpec } from '../../../src/sim/vfs/images/imageSpec.ts';
import type { FsCred } from '../../../src/sim/vfs/permission.ts';
import { sdir, sfile, slink, staticTreeProvider } from '../../../src/sim/vfs/staticProvider.ts';
import { combineProviders, type Providers, type SyntheticProvider } from '../../../src/sim/vfs/synthetic.ts';
import { staticSysfsProvider } from '../../../src/sim/vfs/sysfsStatic.ts';

/** The reference directory next to the repository (DESIGN.md, "Fidelity"). */
export const REFERENCE_DIR = fileURLToPath(new URL('../../../../shared/reference/', import.meta.url));

/** Items of a reference .txt file: every line that is not blank and not a # comment. */
export function referenceItems(name: string): string[] {
  return readFileSync(`${REFERENCE_DIR}${name}`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

export const NOW = 1_700_000_000;
export const CONTAINER_ID = 'c0ffee00'.repeat(8);

/**
 * A tiny stand-in for the kernel's proc: every path Docker masks or makes
 * read-only exists, /proc/self → 1, and /proc/sys/kernel/hostname takes writes.
 */
export function fakeProc(): SyntheticProvider {
  const tree = staticTreeProvider(sdir({
    acpi: sdir({ wakeup: sfile('Device\tS-state\n') }), asound: sdir({ cards: sfile('--- no soundcards ---\n') }),
    interrupts: sfile('           CPU0\n'), kcore: sfile('\x7fELF', 0o400), keys: sfile(''), latency_stats: sfile('Latency Top version : v0.1\n', 0o644),
    sched_debug: sfile('Sched Debug Version: v0.11\n', 0o444), scsi: sdir({ scsi: sfile('Attached devices:\n') }),
    timer_list: sfile('Timer List Version: v0.9\n', 0o400), timer_stats: sfile('', 0o644),
    bus: sdir({ pci: sdir({}) }), fs: sdir({ ext4: sdir({}) }), irq: sdir({ default_smp_affinity: sfile('f\n', 0o644) }),
    sys: sdir({ kernel: sdir({ hostname: sfile('lab-host\n', 0o644), core_pattern: sfile('core\n', 0o644) }) }),
    'sysrq-trigger': sfile('', 0o200), self: slink('1'), 1: sdir({ fd: sdir({}) }), cpuinfo: sfile('processor\t: 0\n'),
  }, 0o555));
  return {
    ...tree,
    write: (_fsId, parts, data) => (parts.join('/') === 'sys/kernel/hostname' ? ok(data.length) : fail('EIO', 'not writable in the fake proc')),
  };
}

export function providers(): Providers {
  return { proc: fakeProc(), sysfs: combineProviders(staticSysfsProvider()) };
}

export function hostEnv(): VfsEnv {
  const p = providers();
  const host = buildHostWorld(p, NOW);
  if (!host.ok) throw new Error(`host world: ${host.reason}`);
  return { ...host.value, providers: p };
}

export function containerFs(image: ImageSpec = DEBIAN_BOOKWORM_SLIM, tty = true): { fs: ContainerFs; env: VfsEnv } {
  const host = hostEnv();
  const fs = createContainerFs(host, host.providers, { id: CONTAINER_ID, image, now: NOW, tty });
  if (!fs.ok) throw new Error(`container: ${fs.errno} ${fs.reason}`);
  return { fs: fs.value, env: { store: fs.value.store, ns: fs.value.ns, providers: host.providers } };
}

export const cred = (fsuid: number, fsgid: number, caps: CapSet = [], groups: number[] = [fsgid]): FsCred => ({ fsuid, fsgid, groups, caps });
export const ROOT = cred(0, 0, ALL_CAPS, [0]);
export const CONTAINER_ROOT = cred(0, 0, DOCKER_DEFAULT_CAPS, [0]);
export const LAB = cred(1000, 1000, [], [1000]);

export function ctxOf(c: FsCred, cwd = '/', root = '/'): PathCtx {
  return { root, cwd, cred: c, umask: 0o022 };
}

/** Unwraps a result a test expects to succeed, with the reason in the failure message. */
export function must<T>(r: SimResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.errno}: ${r.reason}`);
  return r.value;
}
