import type { HopRow, LayerRow } from '../../store/labStore.ts';
import { placeHelpers } from './helpers.ts';

/**
 * Where each layer of a runtime goes on the diagram, from the layer list
 * alone: nothing here knows a runtime by name. The stack reads top (the app)
 * to bottom (the hardware) in the list's order; `boundary` layers are thin
 * gates between boxes; `helper` processes (Gofer, virtiofsd, VMM, tender) sit
 * in a side column next to where the list places them; runs of `hostKernel`
 * layers are wrapped in one highlighted "host kernel" band.
 */

export interface NodeBox {
  id: string;
  label: string;
  kind: LayerRow['kind'];
  hostKernel: boolean;
  column: 'main' | 'side';
  /** A gate is drawn as a dashed bar across its slot rather than a box. */
  gate: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Band {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Height of the strip at the band's top that carries its label. */
  header: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** Height of one layer box: the unit the rest is measured in. */
  unit: number;
  fontPx: number;
  nodes: NodeBox[];
  bands: Band[];
  /** The column left free for the current hop's sentence, or null when there is none. */
  note: { x: number; width: number } | null;
}

export interface LayoutOptions {
  /** The label size the page uses: boxes are sized so the label stays readable. */
  fontPx?: number;
  /** Leave a column for the current hop's sentence. */
  note?: boolean;
}

export const PAD = 12;
const COLUMN_GAP = 16;
const BAND_INSET = 8;
/** Heights in units of one box. */
const GATE = 0.7;
const GAP = 0.14;
const HEADER = 0.5;
/** A box is this many label heights tall at its natural size. */
const BOX_PER_FONT = 2.6;

export const isGate = (l: Pick<LayerRow, 'kind'>) => l.kind === 'boundary';

interface Slot { layer: LayerRow; top: number; bandStart: boolean; bandEnd: boolean }

/** The main column's slots in units from the top: boxes, gates, gaps and band headers. */
function slots(main: readonly LayerRow[]): { slots: Slot[]; total: number } {
  const out: Slot[] = [];
  let y = 0;
  main.forEach((layer, i) => {
    const bandStart = layer.hostKernel && !main[i - 1]?.hostKernel;
    const bandEnd = layer.hostKernel && !main[i + 1]?.hostKernel;
    if (i > 0) y += GAP;
    if (bandStart) y += HEADER;
    out.push({ layer, top: y, bandStart, bandEnd });
    y += isGate(layer) ? GATE : 1;
    if (bandEnd) y += GAP;
  });
  return { slots: out, total: y };
}

/** The height at which every box has its natural size for this label size. */
export function naturalHeight(layers: readonly LayerRow[], fontPx = 18): number {
  const { total } = slots(mainLayers(layers));
  return Math.ceil(total * fontPx * BOX_PER_FONT + 2 * PAD);
}

/** Helpers go beside the stack, unless the list has nothing else to stand beside. */
function mainLayers(layers: readonly LayerRow[]): LayerRow[] {
  const main = layers.filter((l) => l.kind !== 'helper');
  return main.length > 0 ? main : [...layers];
}

/** The x extent of each column: main, side (helpers), note, by weight. */
function columns(width: number, side: boolean, note: boolean) {
  const weights = { main: 5, side: side ? 3 : 0, note: note ? 4 : 0 };
  const gaps = (side ? COLUMN_GAP : 0) + (note ? COLUMN_GAP : 0);
  const free = Math.max(0, width - 2 * PAD - gaps);
  const per = free / (weights.main + weights.side + weights.note);
  const main = { x: PAD, width: per * weights.main };
  const sideCol = { x: main.x + main.width + (side ? COLUMN_GAP : 0), width: per * weights.side };
  const noteCol = { x: sideCol.x + sideCol.width + (note ? COLUMN_GAP : 0), width: per * weights.note };
  return { main, side: sideCol, note: note ? noteCol : null };
}

/** Positions every layer inside a `width` × `height` box. */
export function layout(layers: readonly LayerRow[], size: { width: number; height: number }, options: LayoutOptions = {}): DiagramLayout {
  const fontPx = options.fontPx ?? 18;
  const main = mainLayers(layers);
  const helpers = layers.filter((l) => !main.includes(l));
  const cols = columns(size.width, helpers.length > 0, options.note ?? false);
  const { slots: placed, total } = slots(main);
  const unit = Math.max(0, Math.min(fontPx * BOX_PER_FONT * 1.4, (size.height - 2 * PAD) / Math.max(total, 1)));
  const nodes: NodeBox[] = placed.map(({ layer, top }) => ({
    ...pick(layer), column: 'main', gate: isGate(layer),
    x: cols.main.x + BAND_INSET, width: Math.max(0, cols.main.width - 2 * BAND_INSET),
    y: PAD + top * unit, height: (isGate(layer) ? GATE : 1) * unit,
  }));
  const bands = bandsOf(placed, nodes, unit, cols.main);
  const side = placeHelpers(layers, nodes, { ...cols.side, top: PAD, bottom: size.height - PAD, unit, gap: GAP * unit });
  const all = layers.map((l) => nodes.find((n) => n.id === l.id) ?? side.find((n) => n.id === l.id)).filter((n): n is NodeBox => n !== undefined);
  return { width: size.width, height: size.height, unit, fontPx, nodes: all, bands, note: cols.note };
}

const pick = (l: LayerRow) => ({ id: l.id, label: l.label, kind: l.kind, hostKernel: l.hostKernel });

function bandsOf(placed: Slot[], nodes: NodeBox[], unit: number, col: { x: number; width: number }): Band[] {
  const bands: Band[] = [];
  let start = 0;
  placed.forEach((s, i) => {
    const node = nodes[i];
    if (!node) return;
    if (s.bandStart) start = node.y - HEADER * unit;
    if (s.bandEnd) bands.push({ x: col.x, y: start, width: col.width, height: node.y + node.height + (GAP * unit) / 2 - start, header: HEADER * unit });
  });
  return bands;
}

/**
 * A label on two lines, broken at the space or hyphen nearest its middle
 * (`containerd-shim-` / `kata-v2`), or null when it has no place to break.
 */
export function splitLabel(label: string): [string, string] | null {
  let best = -1;
  for (let i = 1; i < label.length - 1; i++) {
    const ch = label[i];
    if ((ch === ' ' || ch === '-') && (best < 0 || Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2))) best = i;
  }
  if (best < 0) return null;
  const cut = label[best] === '-' ? best + 1 : best;
  return [label.slice(0, cut).trimEnd(), label.slice(cut).trimStart()];
}

export const nodeOf = (l: DiagramLayout, id: string): NodeBox | undefined => l.nodes.find((n) => n.id === id);

export interface TokenPoint { x: number; y: number; layerId: string }

/** Where the token sits on a node: at its right edge, clear of the left-aligned label. */
export function tokenRadius(l: Pick<DiagramLayout, 'unit'>): number {
  return Math.max(5, Math.min(14, l.unit * 0.24));
}

export function tokenAt(l: DiagramLayout, node: NodeBox): TokenPoint {
  const r = tokenRadius(l);
  return { x: node.x + node.width - r - 6, y: node.y + node.height / 2, layerId: node.id };
}

/**
 * The points the token visits, one per hop. A hop whose layer is not on the
 * diagram (a model naming a layer it does not list) keeps the token where it
 * was rather than losing it.
 */
export function tokenPath(hops: readonly Pick<HopRow, 'layerId'>[], l: DiagramLayout): TokenPoint[] {
  const first = l.nodes[0];
  let at: TokenPoint = first ? tokenAt(l, first) : { x: 0, y: 0, layerId: '' };
  return hops.map((h) => {
    const node = nodeOf(l, h.layerId);
    if (node) at = tokenAt(l, node);
    return at;
  });
}
