// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layering, enforced here so that it cannot drift (see README, "Architecture decisions"):
 *
 *   ui → state → protocol ← worker → engine, storage
 *
 * - engine imports only engine files and npm packages; backend/ is the only tfjs-backend importer,
 *   encoder/ the only transformers.js importer; no React, no app code.
 * - protocol is the contract between page and worker: it may import engine *types* only.
 * - the page (main.tsx, ui, state) never reaches the engine, the worker or storage, so the engine
 *   and its megabytes of tfjs stay in the worker bundle.
 * - i18n (the UI's texts, languages and formats) depends on nothing of the app; the page's layers use it.
 * - tools/, tests/ and e2e/ may import anything.
 */

const APP_OUTSIDE_ENGINE = [
  'src/protocol', 'src/i18n', 'src/worker', 'src/state', 'src/ui', 'src/storage', 'src/privacy', 'src/offline', 'src/main.tsx',
  'tools', 'tests', 'e2e',
];

/** `from` paths each folder may not import, with the reason shown in the lint message. */
const LAYER_ZONES = [
  {
    target: 'src/engine',
    from: APP_OUTSIDE_ENGINE,
    message: 'The engine is self-contained: it may import only engine files and npm packages.',
  },
  {
    target: 'src/protocol',
    from: ['src/i18n', 'src/ui', 'src/state', 'src/worker', 'src/storage', 'src/privacy', 'src/offline', 'src/main.tsx'],
    message: 'protocol is the page/worker contract: it may import only engine types.',
  },
  {
    target: 'src/worker',
    from: ['src/i18n', 'src/ui', 'src/state', 'src/privacy', 'src/offline', 'src/main.tsx'],
    message: 'The worker hosts the engine: it may import engine, storage and protocol only.',
  },
  {
    target: 'src/storage',
    from: ['src/i18n', 'src/ui', 'src/state', 'src/worker', 'src/main.tsx'],
    message: 'storage sits below the worker and must not depend on the page or the worker.',
  },
  {
    target: 'src/privacy',
    from: ['src/ui', 'src/state', 'src/worker', 'src/main.tsx'],
    message: 'privacy must not depend on the page or the worker.',
  },
  {
    target: 'src/offline',
    from: ['src/i18n', 'src/ui', 'src/state', 'src/worker', 'src/storage', 'src/privacy', 'src/main.tsx'],
    message: 'offline is the page\'s service-worker glue: it depends on nothing of the app.',
  },
  {
    target: 'src/i18n',
    from: ['src/engine', 'src/ui', 'src/state', 'src/worker', 'src/storage', 'src/privacy', 'src/offline', 'src/main.tsx'],
    message: 'i18n holds the UI\'s texts and formats: it depends on nothing of the app.',
  },
  {
    target: 'src/state',
    from: ['src/ui', 'src/engine', 'src/worker', 'src/storage', 'src/offline', 'src/main.tsx'],
    message: 'state holds UI state and talks to the engine only through protocol (EngineApi).',
  },
  {
    target: 'src/ui',
    from: ['src/engine', 'src/worker', 'src/storage', 'src/offline', 'src/main.tsx'],
    message: 'The UI never imports the engine, the worker or storage: go through state and protocol.',
  },
  {
    target: 'src/main.tsx',
    from: ['src/engine', 'src/worker', 'src/storage'],
    message: 'The page starts the worker by URL (new Worker(new URL(...))); importing it would pull the engine into the page bundle.',
  },
];

const TFJS_BACKENDS = {
  group: ['@tensorflow/tfjs-backend-*'],
  message: 'Only src/engine/backend/ imports tfjs backends.',
};
const TRANSFORMERS = {
  group: ['@huggingface/transformers', '@huggingface/transformers/*'],
  message: 'Only src/engine/encoder/ imports transformers.js.',
};
const REACT_IN_ENGINE = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
  message: 'The engine runs in a worker and in Node: no React or UI state here.',
};
const ML_ON_PAGE = {
  group: ['@tensorflow/*', '@huggingface/*', 'onnxruntime-*'],
  message: 'ML libraries run in the worker only; reach the engine through EngineApi (protocol).',
};

/** @param {Array<({ group: string[] } | { regex: string }) & { message: string; allowTypeImports?: boolean }>} patterns */
function restrictImports(patterns) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}

export default defineConfig(
  {
    ignores: ['dist/', 'public/models/', 'node_modules/', 'test-results/', 'playwright-report/', '.cache/', 'bench-results/'],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          conditionNames: ['browser', 'import', 'default'],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Numbers in messages ("answered 404", "3 of 5 MB") are the common, harmless case.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => tensor.dispose()` reads fine; braces would add noise without catching anything.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-extraneous-dependencies': [
        'error',
        {
          // Shipped code may use only `dependencies`; tooling may use devDependencies too.
          devDependencies: ['tools/**', 'tests/**', 'e2e/**', 'bench/**', '*.config.{js,ts}'],
        },
      ],
    },
  },

  // Which npm packages each layer may import (the app-internal direction is in LAYER_ZONES).
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/backend/**', 'src/engine/encoder/**'],
    rules: restrictImports([TFJS_BACKENDS, TRANSFORMERS, REACT_IN_ENGINE]),
  },
  {
    files: ['src/engine/backend/**/*.ts'],
    rules: restrictImports([TRANSFORMERS, REACT_IN_ENGINE]),
  },
  {
    files: ['src/engine/encoder/**/*.ts'],
    rules: restrictImports([TFJS_BACKENDS, REACT_IN_ENGINE]),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrictImports([
      {
        // The worker only takes the WASM binaries' URLs, so Vite serves them from our origin.
        regex: String.raw`^@tensorflow/(?!tfjs-backend-wasm/dist/[\w-]+\.wasm\?url$)`,
        message: 'The worker reaches tfjs through the engine; it may import only the tfjs WASM binaries with ?url.',
      },
      { group: ['@huggingface/*', 'onnxruntime-*'], message: TRANSFORMERS.message },
      REACT_IN_ENGINE,
    ]),
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: restrictImports([
      {
        group: ['**/engine', '**/engine/**'],
        allowTypeImports: true,
        message: 'protocol may import engine types only (`import type`), so the page bundle never contains the engine.',
      },
      ML_ON_PAGE,
      { group: ['react', 'react/*', 'react-dom', 'zustand', 'zustand/*'], message: 'protocol has no UI dependencies.' },
    ]),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/i18n/**/*.ts', 'src/storage/**/*.ts', 'src/privacy/**/*.ts', 'src/offline/**/*.ts', 'src/main.tsx'],
    rules: restrictImports([ML_ON_PAGE]),
  },

  // Runtime globals per environment.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['tools/**', 'tests/**', 'bench/**', 'e2e/**', '*.config.{js,ts}', '.ci/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },

  // In tests and tools a failed `!` is a crash with a stack trace, which is the wanted outcome.
  {
    files: ['tools/**', 'tests/**', 'bench/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },

  // React hooks rules (including the React Compiler checks) where React lives.
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },

  // Plain JS (this file) is outside tsconfig: lint it without type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
