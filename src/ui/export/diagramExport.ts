import { svgDocument } from './svgText.ts';

/**
 * The diagram as a standalone picture (issue 6, point 5). SVG: a copy of the
 * drawing with every element's computed style written into it (svgText.ts),
 * so it renders the same anywhere (no stylesheet, no CSS variables). PNG: that SVG drawn on
 * a canvas at twice its size. Loading the SVG as an image needs a `blob:`
 * URL, which the page's Content-Security-Policy allows (`img-src 'self' blob: data:`,
 * build/contentSecurityPolicy.ts);
 * when it does not, the PNG export says so rather than failing silently.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/HTMLCanvasElement/toBlob
 */

/** The drawing as SVG text, styled inline, on the page's background colour; `plain` for a canvas (no HTML inside). */
export function diagramSvgText(svg: SVGSVGElement, plain = false): { text: string; width: number; height: number } {
  const paper = getComputedStyle(document.documentElement).getPropertyValue('--paper').trim() || '#fff';
  return svgDocument(svg, paper, plain);
}

/** The drawing as a PNG at `scale`× its size; rejects with a sentence when the browser will not draw it. */
export async function diagramPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the browser would not load the diagram as an image (the page's Content-Security-Policy needs img-src blob:)"));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser has no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      try {
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png');
      } catch (e) {
        reject(new Error(`the browser would not turn the drawing into a PNG (${e instanceof Error ? e.message : String(e)})`));
      }
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a download link (no network: a blob: URL). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
