// `interrupt` is imported by name, not only used as a method: that keeps d3-transition in the bundle,
// and with it the `selection.transition()`/`.interrupt()` methods it adds (d3 declares no side effects).
import { easeCubicInOut, interrupt, select, type Selection } from 'd3';
import { HOP_MS } from '../../store/labStore.ts';
import type { HopRow, LayerRow } from '../../store/labStore.ts';
import { drawBands, drawNodes, paintProgress, type Svg } from './draw.ts';
import { layout, naturalHeight, nodeOf, tokenAt, tokenRadius, type DiagramLayout, type TokenPoint } from './layout.ts';
import { progress, type Progress } from './progress.ts';

/**
 * The diagram as a create/update/destroy object around d3, for React effects
 * (src/ui/CONTEXT.md): React says what to show, this draws it. The token
 * moves to the current hop's layer with a transition of one hop's playback
 * time, or at once when the person asked for reduced motion.
 */

export interface DiagramFrame {
  /** The runtime's layers, top to bottom. */
  layers: readonly LayerRow[];
  /** The current call's hops, or null when no call is being shown (idle). */
  hops: readonly HopRow[] | null;
  hop: number;
  /** Playback speed (1 = one hop per 700 ms). */
  speed: number;
  /** Width to draw at, in CSS pixels. */
  width: number;
  /** The page's label size in CSS pixels. */
  fontPx: number;
  /** Draw the hop's sentence beside the token (off in compact diagrams, which show it below). */
  note: boolean;
  /** The host-kernel band's name in the page's language; `host kernel` when absent. */
  bandLabel?: string;
}

export interface DiagramView {
  update(frame: DiagramFrame): void;
  destroy(): void;
}

/** The person asked for less motion, or the lab is in still mode (presenter): the token jumps hop to hop. */
const reducedMotion = () =>
  (typeof document !== 'undefined' && document.documentElement.dataset.still === 'true') ||
  (typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches);

export { HOP_MS };

/** How long the token takes to move one hop: the playback's hop time, or none. */
export const moveMs = (speed: number, reduced: boolean) => (reduced ? 0 : HOP_MS / (Number.isFinite(speed) && speed > 0 ? speed : 1));

const layoutKey = (f: DiagramFrame) => `${Math.round(f.width)}|${f.fontPx}|${f.note}|${f.bandLabel ?? ''}|${f.layers.map((l) => `${l.id}:${l.kind}:${l.hostKernel}:${l.label}`).join(',')}`;

/** The drawing's groups, in paint order: bands under boxes, the sentence over them, the token on top. */
function scaffold(element: SVGSVGElement) {
  const svg: Svg = select(element).classed('diagram', true);
  const bands = svg.append('g').attr('class', 'bands');
  const nodes = svg.append('g').attr('class', 'nodes');
  const callout = svg.append('g').attr('class', 'callout');
  const leader = callout.append<SVGLineElement>('line').attr('class', 'leader');
  const noteBox = callout.append<SVGForeignObjectElement>('foreignObject').attr('class', 'note-box');
  const note = noteBox.append<HTMLDivElement>('xhtml:div').attr('class', 'diagram-note');
  const token = svg.append<SVGCircleElement>('circle').attr('class', 'token').attr('aria-hidden', 'true').style('opacity', 0);
  return { svg, bands, nodes, parts: { leader, noteBox, note }, token };
}

export function createDiagramView(element: SVGSVGElement): DiagramView {
  const { svg, bands, nodes, parts, token } = scaffold(element);
  let key = '';
  let current: DiagramLayout | null = null;

  const relayout = (f: DiagramFrame): DiagramLayout => {
    const l = layout(f.layers, { width: f.width, height: naturalHeight(f.layers, f.fontPx) }, { fontPx: f.fontPx, note: f.note });
    svg.attr('viewBox', `0 0 ${l.width} ${l.height}`).attr('width', l.width).attr('height', l.height);
    drawBands(bands, l, f.bandLabel);
    drawNodes(nodes, l);
    return l;
  };

  return {
    update(f) {
      const fresh = layoutKey(f) !== key || current === null;
      if (fresh) key = layoutKey(f);
      const l = fresh || !current ? (current = relayout(f)) : current;
      const p = f.hops ? progress(f.hops, f.hop) : null;
      paintProgress(nodes, bands, l, p);
      const node = p?.current ? nodeOf(l, p.current.layerId) : undefined;
      const at = node ? tokenAt(l, node) : null;
      // A new layout (another runtime, a resize) places the token at once: there is no path from the old picture.
      const ms = fresh ? 0 : moveMs(f.speed, reducedMotion());
      moveToken(token, l, at, ms);
      showNote(parts, l, at, f.note ? p : null, ms);
    },
    destroy() {
      for (const part of [token, parts.noteBox, parts.leader]) part.interrupt();
      svg.selectAll('*').remove();
    },
  };
}

type Part<E extends Element> = Selection<E, unknown, null, undefined>;

function moveToken(token: Part<SVGCircleElement>, l: DiagramLayout, at: TokenPoint | null, ms: number): void {
  const el = token.node();
  if (el) interrupt(el);
  if (!at) {
    token.style('opacity', 0);
    return;
  }
  const wasHidden = token.style('opacity') === '0';
  token.attr('r', tokenRadius(l)).style('opacity', 1);
  if (ms === 0 || wasHidden) {
    token.attr('cx', at.x).attr('cy', at.y);
    return;
  }
  token.transition().duration(ms).ease(easeCubicInOut).attr('cx', at.x).attr('cy', at.y);
}

interface NoteParts {
  leader: Part<SVGLineElement>;
  noteBox: Part<SVGForeignObjectElement>;
  note: Part<HTMLDivElement>;
}

/** The hop's sentence in the note column, level with the token and clamped inside the drawing. */
function showNote(parts: NoteParts, l: DiagramLayout, at: TokenPoint | null, p: Progress | null, ms: number): void {
  const hop = p?.current;
  if (!l.note || !at || !hop) {
    parts.noteBox.style('display', 'none');
    parts.leader.style('display', 'none');
    return;
  }
  const wasHidden = parts.noteBox.style('display') === 'none';
  // Measured at full height first: the sentence wraps to the column's width and takes what it needs.
  parts.noteBox.interrupt().style('display', null).attr('x', l.note.x).attr('width', l.note.width).attr('height', l.height);
  parts.note.attr('data-verdict', hop.verdict).text(hop.note);
  const h = Math.min((parts.note.node()?.offsetHeight ?? 0) + 4, l.height);
  const top = Math.min(Math.max(0, at.y - h / 2), l.height - h);
  parts.noteBox.attr('height', h);
  if (ms === 0 || wasHidden) parts.noteBox.attr('y', top);
  else parts.noteBox.transition().duration(ms).ease(easeCubicInOut).attr('y', top);
  const y = Math.min(Math.max(at.y, top + 12), top + Math.max(12, h - 12));
  parts.leader.interrupt().style('display', null).attr('x1', at.x + tokenRadius(l)).attr('x2', l.note.x);
  if (ms === 0 || wasHidden) parts.leader.attr('y1', at.y).attr('y2', y);
  else parts.leader.transition().duration(ms).ease(easeCubicInOut).attr('y1', at.y).attr('y2', y);
}
