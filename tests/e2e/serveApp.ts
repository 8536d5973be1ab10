import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/**
 * Builds the app with the repo's own vite.config.ts into a temp dir and serves
 * it with `vite preview` on a free localhost port. vitest sets NODE_ENV=test,
 * which would bundle React's development build; the build gets production.
 */
export async function buildAndServe(): Promise<Served> {
  const outDir = mkdtempSync(join(tmpdir(), 'isolab-e2e-'));
  const config: InlineConfig = { root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } };
  return buildAndPreview(config, () => rmSync(outDir, { recursive: true, force: true }));
}

/** Builds a Vite config in production mode and serves its output on a free localhost port; `cleanup` runs on close. */
export async function buildAndPreview(config: InlineConfig, cleanup: () => void): Promise<Served> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...config, mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview started without a local URL');
  return {
    url,
    close: async () => {
      await server.close();
      cleanup();
    },
  };
}
