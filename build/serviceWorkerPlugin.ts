import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './serviceWorkerSource.ts';

/** The service worker's file name, at the root of the build (its scope is the whole app). */
export const SW_FILE = 'sw.js';

/** Source maps are for debugging, not for running offline; the worker is not its own precache entry. */
const skipped = (file: string): boolean => file.endsWith('.map') || file === SW_FILE;

/** Every file of the build output, as URL paths relative to its root (`assets/index-Bx3.js`), sorted. */
export function listBuild(outDir: string, dir = outDir): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listBuild(outDir, path));
    else files.push(relative(outDir, path).split(sep).join('/'));
  }
  return files.filter((f) => !skipped(f)).sort();
}

/**
 * The cache's version: a hash of every precached file's name and bytes. Hashed
 * assets change name when they change; index.html and public/ files keep
 * theirs, so their bytes count too. A new build gets a new cache.
 */
export function buildVersion(outDir: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(outDir, f))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The precache list: the page itself (its scope URL, `./`) and every other file; index.html is served as `./`. */
export function precacheUrls(files: readonly string[]): string[] {
  return ['./', ...files.filter((f) => f !== 'index.html')];
}

/**
 * Writes sw.js into the build output after Vite has written everything else
 * (public/ files included), so the lab loads and runs offline after one visit
 * (issue 6, point 7). Registered by src/ui/serviceWorker.ts.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'isolation-lab:service-worker',
    apply: 'build',
    writeBundle(options) {
      const outDir = options.dir;
      if (!outDir) return;
      const files = listBuild(outDir);
      writeFileSync(join(outDir, SW_FILE), serviceWorkerSource(buildVersion(outDir, files), precacheUrls(files)));
    },
  };
}
