import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The lab is served as static files; it makes no network request of its own.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
  },
});
