import type { LayerRow } from '../../store/labStore.ts';
import type { NodeBox } from './layout.ts';

/**
 * The side column: a sandbox's helper processes on the host (the Gofer,
 * virtiofsd, a VMM, a Solo5 tender). The layer list puts each helper where
 * the call meets it, so a run of helpers is centred on the gap between the
 * main-column layers it sits between in the list, then nudged so runs neither
 * overlap nor leave the box.
 */

export interface SideColumn {
  x: number;
  width: number;
  top: number;
  bottom: number;
  /** Height of one box. */
  unit: number;
  gap: number;
}

interface Run { helpers: LayerRow[]; anchor: number; top: number }

/** Consecutive helpers in list order, each run with the y it would like to be centred on. */
function runsOf(layers: readonly LayerRow[], main: readonly NodeBox[], col: SideColumn): Run[] {
  const runs: Run[] = [];
  let before: NodeBox | undefined;
  let current: LayerRow[] = [];
  const close = (after: NodeBox | undefined) => {
    if (current.length === 0) return;
    const anchor = before && after ? (before.y + before.height + after.y) / 2 : before ? before.y + before.height : after ? after.y : col.top;
    runs.push({ helpers: current, anchor, top: 0 });
    current = [];
  };
  for (const layer of layers) {
    const node = main.find((n) => n.id === layer.id);
    if (!node) {
      current.push(layer);
      continue;
    }
    close(node);
    before = node;
  }
  close(undefined);
  return runs;
}

/** One helper box's height: a main box's, unless the column is too short for them all. */
function helperHeight(runs: Run[], col: SideColumn): number {
  const count = runs.reduce((n, r) => n + r.helpers.length, 0);
  const gaps = Math.max(0, count - 1) * col.gap;
  return Math.max(0, Math.min(col.unit, (col.bottom - col.top - gaps) / Math.max(count, 1)));
}

export function placeHelpers(layers: readonly LayerRow[], main: readonly NodeBox[], col: SideColumn): NodeBox[] {
  const runs = runsOf(layers, main, col);
  const h = helperHeight(runs, col);
  const heightOf = (r: Run) => r.helpers.length * h + (r.helpers.length - 1) * col.gap;
  let floor = col.top;
  for (const r of runs) {
    r.top = Math.max(floor, r.anchor - heightOf(r) / 2);
    floor = r.top + heightOf(r) + col.gap;
  }
  let ceiling = col.bottom;
  for (const r of [...runs].reverse()) {
    r.top = Math.min(r.top, ceiling - heightOf(r));
    ceiling = r.top - col.gap;
  }
  return runs.flatMap((r) =>
    r.helpers.map((l, i): NodeBox => ({
      id: l.id, label: l.label, kind: l.kind, hostKernel: l.hostKernel, column: 'side', gate: false,
      x: col.x, width: col.width, y: r.top + i * (h + col.gap), height: h,
    })),
  );
}
