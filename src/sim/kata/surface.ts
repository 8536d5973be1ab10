import { firecrackerThread, isArgFiltered, vmmFilterUnion } from '../firecracker/vmmFilter.ts';
import type { RuntimeOptions, SurfaceRow } from '../runtime/types.ts';
import { allSyscalls, syscallByName } from '../syscalls/catalogue.ts';
import { kataSettings } from './options.ts';
import { QEMU, VIRTIOFSD } from './processes.ts';

/**
 * The host syscalls a guest that escaped its kernel could reach through the
 * sandbox's host processes: the VMM's and virtiofsd's. QEMU as Kata starts it
 * has no seccomp filter, so it reaches every syscall Linux implements.
 * virtiofsd reaches its filter's list. Firecracker's threads reach the union
 * of their three filters. Cloud Hypervisor filters each thread too, but the
 * lab's reference has no list for it, so it is left out and only virtiofsd
 * is counted (see KATA_SURFACE_NOTE). Not counted either: the shim (reached
 * over ttRPC, not by guest memory) and the vhost-net / vhost-vsock kernel
 * threads (host kernel code the guest drives without a syscall).
 */
export const KATA_SURFACE_NOTE: Readonly<Record<'qemu' | 'clh' | 'firecracker', string>> = {
  qemu: 'QEMU runs with no seccomp filter under Kata\'s default configuration, so every implemented syscall is reachable through it.',
  clh: 'Cloud Hypervisor is left out: it filters each of its threads, but the lab\'s reference has no list for them; only virtiofsd is counted.',
  firecracker: 'The union of Firecracker\'s vmm, api and vcpu thread filters; Kata on Firecracker runs no virtiofsd.',
};

type Row = { processes: string[]; argFiltered: boolean[] };

function add(rows: Map<string, Row>, name: string, process: string, argFiltered: boolean): void {
  const row = rows.get(name) ?? { processes: [], argFiltered: [] };
  row.processes.push(process);
  row.argFiltered.push(argFiltered);
  rows.set(name, row);
}

export function kataSurface(options: RuntimeOptions = {}): SurfaceRow[] {
  const s = kataSettings(options);
  const rows = new Map<string, Row>();
  if (s.hypervisor === 'qemu') {
    for (const info of allSyscalls().filter((x) => x.implemented)) add(rows, info.name, `${QEMU.label} (no seccomp filter)`, false);
  }
  if (s.hypervisor === 'firecracker') {
    for (const [name, threads] of vmmFilterUnion()) {
      for (const t of threads) add(rows, name, firecrackerThread(t).label, isArgFiltered(t, name));
    }
  }
  if (s.transport === 'virtio-fs') {
    for (const name of VIRTIOFSD.allowed ?? []) add(rows, name, VIRTIOFSD.label, false);
  }
  return [...rows].map(([name, row]) => {
    const info = syscallByName(name);
    if (!info) throw new Error(`a Kata host process's filter names ${name}, which is no x86_64 syscall`);
    return { number: info.number, name, processes: row.processes, argFiltered: row.argFiltered.every(Boolean) };
  }).sort((a, b) => a.number - b.number);
}
