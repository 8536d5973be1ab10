import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * `npm run size`: builds the lab and measures, gzipped, the JavaScript the
 * page loads before the terminal is usable — the entry script and every
 * module it preloads — against the 250 KB target; chunks loaded later
 * (dynamic imports) are listed apart. Reports; the README keeps the figures.
 */
const TARGET_KB = 250;
const root = resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'isolab-size-'));

try {
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const eager = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const files = new Set(eager);
  const kb = (path: string) => gzipSync(readFileSync(join(outDir, path.replace(/^\//, ''))), { level: 9 }).length / 1024;
  let total = 0;
  console.log('Loaded before the terminal is usable (gzipped):');
  for (const f of files) {
    const size = kb(f);
    total += size;
    console.log(`  ${f.padEnd(48)} ${size.toFixed(1).padStart(7)} KB`);
  }
  const later = readdirJs(outDir).filter((f) => !files.has(f));
  if (later.length) console.log('Loaded later (dynamic imports):');
  for (const f of later) console.log(`  ${f.padEnd(48)} ${kb(f).toFixed(1).padStart(7)} KB`);
  console.log(`\nTotal before the terminal: ${total.toFixed(1)} KB gzipped; target ≤ ${TARGET_KB} KB ${total <= TARGET_KB ? '✓' : '✗'}`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

/** Every JavaScript chunk of the build, as the page names it (`/assets/x.js`). */
function readdirJs(dir: string): string[] {
  return readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `/assets/${f}`);
}
