import { dockerCgroupPath } from '../sim/cgroups/docker.ts';
import { getCgroup } from '../sim/cgroups/tree.ts';
import type { World } from '../sim/kernel/world.ts';
import type { LabSnapshot, SnapshotCall, SnapshotContainer, SnapshotEntry } from '../sim/lessons/index.ts';
import type { Session } from '../sim/runtime/types.ts';
import type { ContainerRecord, StackState } from '../sim/stack/containers.ts';
import type { CallRow, ContainerView, Entry } from './views.ts';

/**
 * The snapshot a lesson's goal is checked on (sim/lessons/snapshot.ts): the
 * engine gives what only its kernels know (hostnames, cgroup counters), the
 * store's entries give the calls and their hops. A mark taken when a step
 * begins keeps only what happened since.
 */

/** What the engine's kernels know, for a snapshot. */
export interface EngineFacts {
  hostHostname: string;
  /** Every container the engines made, oldest first, with its order of creation. */
  containers: (SnapshotContainer & { seq: number })[];
}

/** Where a step began: the last entry's id, the containers made and the lines typed by then. */
export interface LessonMark {
  entryId: number;
  containerSeq: number;
  lines: number;
}

const utsHostname = (world: World, pid: number): string | null => {
  const proc = world.procs[pid];
  const ns = proc ? world.namespaces[proc.ns.uts] : undefined;
  return ns?.type === 'uts' ? ns.hostname : null;
};

const limit = (value: number | 'max' | undefined): number | null => (typeof value === 'number' ? value : null);

function containerFacts(host: World, record: ContainerRecord): SnapshotContainer & { seq: number } {
  const world = record.sandbox?.world ?? host;
  // After an OOM kill the process is gone; Docker's cgroup (systemd driver) is still there with its counters.
  const path = world.cgroups.procs[record.pid]?.cgroup ?? dockerCgroupPath(record.id);
  const cg = getCgroup(world.cgroups, path) ?? getCgroup(host.cgroups, path);
  return {
    seq: record.seq, name: record.name, shortId: record.id.slice(0, 12), runtime: record.runtime, image: record.image, status: record.status,
    hostname: utsHostname(world, record.pid),
    pidsMax: limit(cg?.pids.max), forksRefused: cg?.pids.maxLocal ?? 0,
    memoryMax: limit(cg?.memory.max), oomKills: cg?.memory.events.oom_kill ?? 0,
  };
}

/** The engine's side of a snapshot: the host session's world and the engines' containers. */
export function engineFacts(host: Session, stack: StackState): EngineFacts {
  const init = host.world.namespaces[host.world.initNs.uts];
  return {
    hostHostname: init?.type === 'uts' ? init.hostname : '',
    containers: stack.containers.map((r) => containerFacts(host.world, r)),
  };
}

const ERRNO = /= -1 (E[A-Z0-9]+)|errno (E[A-Z0-9]+)/;

function snapshotCall(c: CallRow): SnapshotCall {
  const m = ERRNO.exec(c.line);
  return {
    name: c.name, failed: c.failed, errno: m ? (m[1] ?? m[2] ?? null) : null, servedBy: c.servedBy,
    deniedAt: c.hops.find((h) => h.verdict === 'deny')?.layerId ?? null,
    hops: c.hops.map((h) => ({ layer: h.layerId, verdict: h.verdict, hostCall: h.hostCall })),
    path: c.stack !== undefined,
  };
}

function snapshotEntry(e: Entry, containerName: (id: string) => string | null): SnapshotEntry {
  const ran = e.run.type === 'ran' ? e.run : null;
  return {
    input: e.input, runtime: e.runtime, options: e.options, container: e.container ? containerName(e.container) : null,
    compared: e.compared === true, refused: ran === null, status: ran ? ran.status : null,
    stdout: ran?.stdout ?? '', stderr: ran?.stderr ?? '', calls: ran ? ran.calls.map(snapshotCall) : [],
  };
}

/** What the store knows, for a snapshot. */
export interface StoreFacts {
  runtimeId: string;
  options: Partial<Record<string, Record<string, string>>>;
  container: ContainerView | null;
  entries: readonly Entry[];
  /** Every line typed this session (the lab's own commands included). */
  lines: readonly string[];
}

/** The snapshot of what happened since `mark`. */
export function buildSnapshot(store: StoreFacts, engine: EngineFacts, mark: LessonMark): LabSnapshot {
  const nameOf = (id: string) => engine.containers.find((c) => id.startsWith(c.shortId))?.name ?? null;
  return {
    runtime: store.runtimeId,
    options: store.options[store.runtimeId] ?? {},
    container: store.container?.name ?? null,
    hostHostname: engine.hostHostname,
    containers: engine.containers.filter((c) => c.seq > mark.containerSeq).map(({ seq: _seq, ...c }) => c),
    entries: store.entries.filter((e) => e.id > mark.entryId).map((e) => snapshotEntry(e, nameOf)),
    lines: store.lines.slice(mark.lines),
  };
}

/** The mark for a step that begins now. */
export function markNow(store: StoreFacts, engine: EngineFacts): LessonMark {
  return { entryId: store.entries.at(-1)?.id ?? 0, containerSeq: Math.max(-1, ...engine.containers.map((c) => c.seq)), lines: store.lines.length };
}
