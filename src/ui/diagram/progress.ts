import type { HopRow } from '../../store/labStore.ts';

type Verdict = HopRow['verdict'];

/** How far a call has got at one hop: what the diagram's counter and lit gates show. */
export interface Progress {
  /** Modelled time from the first hop up to and including this one. */
  timeNs: number;
  /** Hops so far that were a syscall into the host kernel. */
  hostCalls: number;
  /** Every layer visited so far with its verdict: a deny stays, otherwise the latest visit's. */
  visited: Map<string, Verdict>;
  /** The layer of the first deny so far: where the call stopped. */
  stoppedAt: string | null;
  /** The hop itself, or null before the first hop. */
  current: HopRow | null;
}

/** The call's progress at `hopIndex` (clamped to the call; below 0 means nothing has happened yet). */
export function progress(hops: readonly HopRow[], hopIndex: number): Progress {
  const last = Math.min(Math.floor(hopIndex), hops.length - 1);
  const visited = new Map<string, Verdict>();
  let timeNs = 0;
  let hostCalls = 0;
  let stoppedAt: string | null = null;
  for (let i = 0; i <= last; i++) {
    const hop = hops[i];
    if (!hop) continue;
    timeNs += Number.isFinite(hop.costNs) ? hop.costNs : 0;
    if (hop.hostCall) hostCalls += 1;
    if (visited.get(hop.layerId) !== 'deny') visited.set(hop.layerId, hop.verdict);
    if (hop.verdict === 'deny' && stoppedAt === null) stoppedAt = hop.layerId;
  }
  return { timeNs, hostCalls, visited, stoppedAt, current: last >= 0 ? (hops[last] ?? null) : null };
}

/** A duration as a lecturer would say it: `74 ns`, `13.2 µs`, `1.05 ms`. */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns) || ns < 0) return '—';
  for (const [unit, scale] of UNITS) {
    const value = ns / scale;
    // Three significant figures at most: 7.4, 74, 740; a value that rounds to 1000 moves up a unit.
    const text = trim(value, value < 10 ? (unit === 'ns' ? 1 : 2) : value < 100 ? 1 : 0);
    if (Number(text) < 1000 || unit === 's') return `${text} ${unit}`;
  }
  return '—';
}

const UNITS: [string, number][] = [['ns', 1], ['µs', 1e3], ['ms', 1e6], ['s', 1e9]];

/** Fixed decimals without a trailing `.0`. */
function trim(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
