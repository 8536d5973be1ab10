#!/usr/bin/env node
// The headless `isolab` command: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2), {
  stdout: (/** @type {string} */ s) => process.stdout.write(s),
  stderr: (/** @type {string} */ s) => process.stderr.write(s),
  readFile: async (/** @type {string} */ p) => (await import('node:fs/promises')).readFile(p, 'utf8'),
});
