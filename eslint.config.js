// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The one direction of imports (DESIGN.md): ui → store → machines → sim.
// A folder may import only from the folders to its right.
const ui = ['react', 'react-dom', 'react-dom/*', 'd3', 'd3-*', '@xterm/*', 'zustand', 'zustand/*'];
/** @param {string[]} names */
const up = (names) => names.map((n) => ({ group: [`**/${n}/**`, `**/${n}`], message: `imports go one way: ui → store → machines → sim` }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...ui, 'xstate'].map((name) => ({ name, message: 'src/sim is plain TypeScript: no UI, store or machine libraries' })),
        patterns: [...up(['machines', 'store', 'ui', 'cli']), { group: ['node:*', 'fs', 'path'], message: 'src/sim runs in the browser too: no Node APIs' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'src/sim is deterministic: pass a seed in' },
        { object: 'Date', property: 'now', message: 'src/sim is deterministic: pass the time in' }],
    },
  },
  {
    files: ['src/machines/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ui.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'src/machines may import xstate and src/sim only' })),
        patterns: [...up(['store', 'ui', 'cli']), { group: ['d3-*', '@xterm/*', 'react-dom/*'], message: 'src/machines may import xstate and src/sim only' }],
      }],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/store/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['react-dom', 'd3'].map((name) => ({ name, message: 'the store holds no view code' })),
        patterns: [...up(['ui', 'cli']), { group: ['@xterm/*', 'd3-*'], message: 'the store holds no view code' }],
      }],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['xstate'].map((name) => ({ name, message: 'the UI talks to the store, never to actors' })),
        patterns: [
          { group: ['**/machines/**', '**/machines', '**/cli/**'], message: 'the UI talks to the store only' },
          { group: ['**/sim/**', '**/sim'], allowTypeImports: true, message: 'the UI may import only types from src/sim' },
        ],
      }],
    },
  },
);
