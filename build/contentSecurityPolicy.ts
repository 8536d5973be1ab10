import type { Plugin } from 'vite';

/**
 * The lab's Content-Security-Policy, in one place: each directive with the
 * reason it is there. The built index.html carries it as a meta tag (issue 6,
 * point 7); `vite dev` does not, because its client and React's refresh
 * preamble are inline scripts that a strict policy would refuse.
 *
 * A meta policy cannot set `frame-ancestors`, `report-uri` or `sandbox`
 * (https://www.w3.org/TR/CSP3/#meta-element); the lab is meant to be
 * embedded, so nothing here would restrict framing anyway.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  // Everything the lab loads is its own: scripts, the service worker, fetches, fonts.
  // No 'unsafe-inline' and no 'unsafe-eval' for scripts: the bundle has neither
  // inline scripts nor eval/new Function (tests/e2e/offline.test.ts checks both).
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // The service worker (sw.js, written by build/serviceWorkerPlugin.ts).
  ['worker-src', "'self'"],
  // @xterm/xterm 6 writes its theme and cell sizes into <style> elements it
  // creates at run time (DomRenderer, viewport scrollbar), with text that
  // depends on the theme and font size, so neither a hash nor a nonce can name
  // them. Without 'unsafe-inline' Chromium reports 12 style-src-elem
  // violations on the first line typed and the terminal loses its font,
  // colours and cell layout. The app's own CSS is a file ('self'). React and
  // d3 set styles through the CSSOM (element.style), which CSP does not govern.
  // The same holds for style="" attributes: xterm writes `letter-spacing` onto
  // its row spans when the cell width changes (the presenter's larger text),
  // so style-src-attr cannot be 'none'. The lab's own code writes none.
  ['style-src', "'self' 'unsafe-inline'"],
  // The diagram's PNG export (src/ui/export/diagramExport.ts) loads the SVG
  // into an <img> from a blob: URL to draw it on a canvas. Nothing uses data:.
  ['img-src', "'self' blob:"],
  // Hardening: no <base> rewriting, no form posts anywhere, no plugins.
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];

export const CSP = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Adds the policy as the first tag of the built page's <head>, so it applies before any script or style. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'isolation-lab:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}
