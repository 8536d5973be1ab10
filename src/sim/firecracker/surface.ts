import type { SurfaceRow } from '../runtime/types.ts';
import { syscallByName } from '../syscalls/catalogue.ts';
import { firecrackerThread, threadFilter, vmmFilterUnion } from './vmmFilter.ts';

/**
 * The host syscalls a Firecracker workload can reach: the union of the
 * three threads' filters (whatever the guest does, only these reach the
 * host kernel, and only from these threads). A row is argument-filtered when
 * no thread that allows it does so without argument conditions.
 */
export function firecrackerSurface(): SurfaceRow[] {
  const rows: SurfaceRow[] = [];
  for (const [name, threads] of vmmFilterUnion()) {
    const info = syscallByName(name);
    if (!info) throw new Error(`Firecracker's filter names ${name}, which is no x86_64 syscall`);
    const argFiltered = threads.every((t) => threadFilter(t).get(name) === 'allow_args');
    rows.push({ number: info.number, name, processes: threads.map((t) => firecrackerThread(t).label), argFiltered });
  }
  return rows.sort((a, b) => a.number - b.number);
}
