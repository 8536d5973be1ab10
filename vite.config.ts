import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './build/contentSecurityPolicy.ts';
import { serviceWorker } from './build/serviceWorkerPlugin.ts';

// The lab is served as static files; it makes no network request of its own.
// The build adds a strict Content-Security-Policy to index.html and a service
// worker (sw.js) that keeps every file of the build for offline use (issue 6, point 7).
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  build: { outDir: 'dist', sourcemap: true },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
  },
});
