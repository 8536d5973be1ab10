/**
 * The memory controller's counters: memory.current (charged pages, summed over
 * the subtree), the limit check a charge makes on its way up, and
 * memory.events.
 * @see Documentation/admin-guide/cgroup-v2.rst "Memory Interface Files", mm/page_counter.c
 */
import { isWithinCgroup, selfAndAncestors } from './paths.ts';
import { getCgroup, hasController, withCgroup, zeroMemoryEvents } from './tree.ts';
import { MEMORY_EVENT_KEYS, PAGE_SIZE, type CgroupProc, type CgroupTree, type MemoryEventKey, type MemoryEvents } from './types.ts';

/** The kernel charges whole pages: a charge of 1 byte takes 4096. */
export function pageAlign(bytes: number): number {
  return Math.ceil(bytes / PAGE_SIZE) * PAGE_SIZE;
}

/** A process's resident anonymous memory: everything charged for it, wherever. */
export function procRss(proc: CgroupProc): number {
  return Object.values(proc.charged).reduce((a, b) => a + b, 0);
}

/** memory.current: bytes charged to this cgroup and its descendants. */
export function memoryCurrent(tree: CgroupTree, path: string): number {
  let sum = 0;
  for (const proc of Object.values(tree.procs)) {
    for (const [cg, bytes] of Object.entries(proc.charged)) if (isWithinCgroup(cg, path)) sum += bytes;
  }
  return sum;
}

/**
 * The lowest cgroup from `path` up whose memory.max `bytes` more would exceed,
 * or undefined when the charge fits everywhere. The root has no limit.
 * @see mm/page_counter.c page_counter_try_charge() (`fail` is the first counter over its limit)
 */
export function memoryLimitHit(tree: CgroupTree, path: string, bytes: number): string | undefined {
  for (const p of selfAndAncestors(path)) {
    if (p === '/' || !hasController(tree, p, 'memory')) continue;
    const max = getCgroup(tree, p)?.memory.max ?? 'max';
    if (max !== 'max' && memoryCurrent(tree, p) + bytes > max) return p;
  }
  return undefined;
}

/** Cgroups from `path` up that are over memory.high (after a charge). */
export function overHigh(tree: CgroupTree, path: string): string[] {
  return selfAndAncestors(path).filter((p) => {
    if (p === '/' || !hasController(tree, p, 'memory')) return false;
    const high = getCgroup(tree, p)?.memory.high ?? 'max';
    return high !== 'max' && memoryCurrent(tree, p) > high;
  });
}

/**
 * Records one event in the cgroup where it happened. The kernel also adds it to
 * every ancestor below the root; the lab gets the same numbers by summing the
 * subtree when memory.events is read.
 * @see mm/memcontrol.c memcg_memory_event()
 */
export function raiseMemoryEvent(tree: CgroupTree, path: string, key: MemoryEventKey): CgroupTree {
  return withCgroup(tree, path, (cg) => ({ ...cg, memory: { ...cg.memory, events: { ...cg.memory.events, [key]: cg.memory.events[key] + 1 } } }));
}

/** memory.events.local: what happened in this cgroup itself. */
export function memoryEventsLocal(tree: CgroupTree, path: string): MemoryEvents {
  const events = getCgroup(tree, path)?.memory.events;
  return events ? { ...events } : zeroMemoryEvents();
}

/** memory.events: this cgroup's events and its descendants' ("all fields in this file are hierarchical"). */
export function memoryEvents(tree: CgroupTree, path: string): MemoryEvents {
  const sum = zeroMemoryEvents();
  for (const [p, cg] of Object.entries(tree.cgroups)) {
    if (!isWithinCgroup(p, path)) continue;
    for (const k of MEMORY_EVENT_KEYS) sum[k] += cg.memory.events[k];
  }
  return sum;
}
