import { select, type Selection } from 'd3';
import type { DiagramLayout, NodeBox } from './layout.ts';
import { splitLabel, tokenAt, tokenRadius } from './layout.ts';
import type { Progress } from './progress.ts';

/**
 * The d3 drawing of one layout: bands, boxes, gates and their labels, and
 * the classes that light them as a call goes through. Colours come from CSS
 * (diagram.css) by class, so both themes work; nothing here names a colour.
 */

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type G = Selection<SVGGElement, unknown, null, undefined>;

/** Label size of a box or a gate: the page's size, unless the slot is too small for it. */
export function labelPx(l: DiagramLayout, n: NodeBox): number {
  return n.gate ? Math.min(l.fontPx * 0.85, n.height * 0.6) : Math.min(l.fontPx, n.height * 0.45);
}

/** Width left for a label: the box minus its padding and the token's place (a ✕ may cover a long label's end). */
const labelRoom = (l: DiagramLayout, n: NodeBox) => Math.max(0, n.width - 10 - 2 * tokenRadius(l) - 14);

/** `label`: the band's name in the page's language (the lab's word, not a layer's). */
export function drawBands(root: G, l: DiagramLayout, label = 'host kernel'): void {
  const bands = root.selectAll<SVGGElement, DiagramLayout['bands'][number]>('g.band').data(l.bands).join((e) => {
    const g = e.append('g').attr('class', 'band');
    g.append('rect').attr('class', 'band-box').attr('rx', 8);
    g.append('text').attr('class', 'band-label');
    return g;
  });
  bands.select('rect').attr('x', (b) => b.x).attr('y', (b) => b.y).attr('width', (b) => b.width).attr('height', (b) => b.height);
  bands.select('text').text(label).attr('x', (b) => b.x + b.width - 10).attr('y', (b) => b.y + b.header * 0.7)
    .attr('text-anchor', 'end').style('font-size', (b) => `${Math.min(l.fontPx * 0.8, b.header * 0.75)}px`);
}

export function drawNodes(root: G, l: DiagramLayout): void {
  const nodes = root.selectAll<SVGGElement, NodeBox>('g.node').data(l.nodes, (n) => n.id).join((e) => {
    const g = e.append('g');
    g.append('rect').attr('class', 'shape');
    g.append('text').attr('class', 'label');
    return g;
  });
  nodes.attr('class', (n) => `node kind-${n.kind}${n.gate ? ' gate' : ' box'}${n.hostKernel ? ' host' : ''}`).attr('data-layer', (n) => n.id);
  // A gate's bar is most of its slot: thin next to a box, yet tall enough for its label on a projector.
  const bar = (n: NodeBox) => (n.gate ? n.height * 0.8 : n.height);
  nodes.select('rect.shape').attr('x', (n) => n.x).attr('width', (n) => n.width)
    .attr('y', (n) => n.y + (n.height - bar(n)) / 2).attr('height', bar).attr('rx', (n) => (n.gate ? bar(n) / 2 : 6));
  nodes.select<SVGTextElement>('text.label').attr('x', (n) => n.x + 10).attr('y', (n) => n.y + n.height / 2)
    .attr('dominant-baseline', 'central').style('font-size', (n) => `${labelPx(l, n)}px`)
    .each(function (n) {
      fitLabel(this, n, labelRoom(l, n), labelPx(l, n));
    });
}

/**
 * Sets a label, on two lines when one does not fit a box (`containerd-shim-kata-v2`
 * in a narrow side column), and shrinks it only if it still does not fit.
 */
function fitLabel(text: SVGTextElement, n: NodeBox, room: number, px: number): void {
  const label = select(text);
  label.selectAll('tspan').remove();
  label.text(n.label);
  if (typeof text.getComputedTextLength !== 'function') return;
  let length = text.getComputedTextLength();
  const lines = !n.gate && length > room ? splitLabel(n.label) : null;
  if (lines && n.height >= px * 2.3) {
    label.text(null);
    lines.forEach((line, i) => label.append('tspan').attr('x', n.x + 10).attr('dy', i === 0 ? `${-0.6}em` : '1.2em').text(line));
    length = Math.max(...label.selectAll<SVGTSpanElement, unknown>('tspan').nodes().map((t) => t.getComputedTextLength()));
  }
  if (length > room && length > 0) text.style.fontSize = `${Math.max(10, (px * room) / length)}px`;
}
/** Lights what the call has reached: each visited layer by its verdict, the current one, the host-kernel layers touched. */
export function paintProgress(root: G, bandRoot: G, l: DiagramLayout, p: Progress | null): void {
  const visited = p?.visited ?? new Map();
  const current = p?.current?.layerId ?? null;
  root.selectAll<SVGGElement, NodeBox>('g.node')
    .classed('visited', (n) => visited.has(n.id))
    .classed('current', (n) => n.id === current)
    .classed('touched', (n) => n.hostKernel && visited.has(n.id))
    .attr('data-verdict', (n) => visited.get(n.id) ?? null);
  const touchedBand = (b: DiagramLayout['bands'][number]) =>
    l.nodes.some((n) => n.column === 'main' && n.hostKernel && visited.has(n.id) && n.y >= b.y && n.y < b.y + b.height);
  bandRoot.selectAll<SVGGElement, DiagramLayout['bands'][number]>('g.band').classed('touched', touchedBand);
  drawStopMark(root, l, p);
}

/** A clear ✕ where the call was denied: a red badge beside the token, on the layer that said no. */
function drawStopMark(root: G, l: DiagramLayout, p: Progress | null): void {
  const node = p?.stoppedAt ? l.nodes.find((n) => n.id === p.stoppedAt) : undefined;
  const r = tokenRadius(l) * 1.35;
  const marks = root.selectAll<SVGGElement, NodeBox>('g.stop-mark').data(node ? [node] : []).join((e) => {
    const g = e.append('g').attr('class', 'stop-mark').attr('aria-hidden', 'true');
    g.append('circle');
    g.append('text').text('✕').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
    return g;
  });
  marks.attr('transform', (n) => `translate(${tokenAt(l, n).x - 2.4 * r}, ${n.y + n.height / 2})`);
  marks.select('circle').attr('r', r);
  marks.select('text').style('font-size', `${r * 1.3}px`);
}
