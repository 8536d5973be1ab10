/**
 * Writes a drawing on the page as standalone SVG text: every element with its
 * computed style as a style="" attribute in the text, so it renders the same
 * with no stylesheet. Built as a string, never as DOM: writing computed
 * styles onto the page's own elements would change the page.
 * `plain` swaps the HTML note (a foreignObject) for SVG text: a canvas that
 * draws an SVG with a foreignObject is tainted and refuses to give a PNG.
 * @see https://html.spec.whatwg.org/multipage/canvas.html#security-with-canvas-elements
 */

const PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'display', 'visibility',
  'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing', 'text-transform', 'text-anchor', 'dominant-baseline',
] as const;
const BOX_PROPS = ['color', 'background-color', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-radius', 'padding', 'line-height', 'box-sizing', 'font-family', 'font-size', 'font-weight'] as const;

export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const styleOf = (el: Element, props: readonly string[]) => {
  const s = getComputedStyle(el);
  return props.map((p) => `${p}:${s.getPropertyValue(p)}`).join(';');
};

const attrsOf = (el: Element) =>
  Array.from(el.attributes)
    .filter((a) => a.name !== 'class' && a.name !== 'style' && a.name !== 'role' && !a.name.startsWith('aria-'))
    .map((a) => ` ${a.name}="${escapeXml(a.value)}"`)
    .join('');

function elementText(el: Element, plain: boolean): string {
  if (el.getAttribute('display') === 'none' || getComputedStyle(el).display === 'none') return '';
  if (el.tagName.toLowerCase() === 'foreignobject') return plain ? noteAsText(el) : foreignText(el);
  const children = Array.from(el.childNodes).map((n) => (n instanceof Element ? elementText(n, plain) : escapeXml(n.textContent ?? ''))).join('');
  return `<${el.tagName}${attrsOf(el)} style="${escapeXml(styleOf(el, PROPS))}">${children}</${el.tagName}>`;
}

/** The note as XHTML inside its foreignObject, styled inline. */
function foreignText(fo: Element): string {
  const inner = Array.from(fo.children).map((div) => `<div xmlns="http://www.w3.org/1999/xhtml" style="${escapeXml(styleOf(div, BOX_PROPS))}">${escapeXml(div.textContent ?? '')}</div>`).join('');
  return `<foreignObject${attrsOf(fo)}>${inner}</foreignObject>`;
}

/** The note as a bordered box of SVG text lines, wrapped by an average character width. */
function noteAsText(fo: Element): string {
  const div = fo.firstElementChild;
  if (!div) return '';
  const s = getComputedStyle(div);
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(fo.getAttribute(a)) || 0) as [number, number, number, number];
  const fontPx = Number.parseFloat(s.fontSize) || 14;
  const perLine = Math.max(8, Math.floor((w - 20) / (fontPx * 0.55)));
  const lines = wrap(div.textContent ?? '', perLine);
  const lineH = fontPx * 1.35;
  const tspans = lines.map((l, i) => `<tspan x="${x + 14}" y="${y + 8 + fontPx + i * lineH}">${escapeXml(l)}</tspan>`).join('');
  return `<g><rect x="${x + 1}" y="${y + 1}" width="${w - 2}" height="${Math.max(h, lines.length * lineH + 12) - 2}" rx="4" fill="${s.backgroundColor}" stroke="${s.borderLeftColor}" stroke-width="2"/>`
    + `<rect x="${x + 1}" y="${y + 1}" width="6" height="${Math.max(h, lines.length * lineH + 12) - 2}" fill="${s.borderLeftColor}"/>`
    + `<text style="font-family:${escapeXml(s.fontFamily)};font-size:${fontPx}px;fill:${s.color}">${tspans}</text></g>`;
}

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The whole drawing as an SVG document, on a background of `paper`. */
export function svgDocument(svg: SVGSVGElement, paper: string, plain: boolean): { text: string; width: number; height: number } {
  const box = svg.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : svg.clientWidth;
  const height = box && box.height > 0 ? box.height : svg.clientHeight;
  const title = escapeXml(svg.getAttribute('aria-label') ?? 'Isolation Lab diagram');
  const body = Array.from(svg.children).map((c) => elementText(c, plain)).join('');
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="${escapeXml(styleOf(svg, PROPS))}"><title>${title}</title><rect width="100%" height="100%" fill="${escapeXml(paper)}"/>${body}</svg>\n`;
  return { text, width, height };
}
