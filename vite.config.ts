import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
// With the .ts extension: Vite's native config loader (its planned default) resolves imports as Node
// does, and Vite warns on every command about a relative import without one.
import { buildFileList } from './tools/lib/build-files-plugin.ts';
import { CSP_HEADER_VALUE } from './tools/lib/content-security-policy.ts';
import { contentSecurityPolicyMeta } from './tools/lib/csp-vite-plugin.ts';

const ONNXRUNTIME_STUB_ID = '\0onnxruntime-web-stub';

/**
 * transformers.js imports onnxruntime-web at module load and, when it finds it, points ONNX Runtime
 * at WASM files on cdn.jsdelivr.net. We use transformers.js for its tokenizer only, never for ONNX
 * inference, so onnxruntime-web is replaced by an empty module: transformers.js then skips its ONNX
 * setup, no ONNX WASM is bundled, and nothing can fetch from the CDN. Running ONNX models in the
 * browser would need this removed and the ONNX WASM served from our origin instead.
 */
function stubOnnxRuntimeWeb(): Plugin {
  return {
    name: 'stub-onnxruntime-web',
    enforce: 'pre',
    resolveId(source) {
      return source === 'onnxruntime-web' || source.startsWith('onnxruntime-web/') ? ONNXRUNTIME_STUB_ID : null;
    },
    load(id) {
      return id === ONNXRUNTIME_STUB_ID ? 'export {};' : null;
    },
  };
}

/** Larger than any file of the build (the encoder's weights are 7.1 MB), so every one is precached. */
const PRECACHE_FILE_LIMIT = 16_000_000;

/**
 * The installable app and its service worker (Workbox, generated at build time): every file of the
 * build, models and WASM included, is precached on the first visit, so the whole app works offline
 * after it. A new build (app or model) installs in the background and waits: the page offers it and
 * applies it only when the person agrees (src/offline/service-worker.ts).
 */
function installableApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    // Registered by our own code, which also offers updates; no inline registration script (CSP).
    injectRegister: false,
    manifest: {
      name: 'Private finance recommender',
      short_name: 'Finance advice',
      description: 'Financial product suggestions computed entirely on your device.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f4f6f8',
      theme_color: '#0b5cad',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    // The icons are build files already (public/icons): listed once, by the glob below.
    includeManifestIcons: false,
    workbox: {
      // Every file of the build, whatever its type, so that no model file can be left out unnoticed.
      globPatterns: ['**/*'],
      maximumFileSizeToCacheInBytes: PRECACHE_FILE_LIMIT,
      // The page's own `?backend=` still finds the precached index.html.
      ignoreURLParametersMatching: [/^backend$/],
      // The first visit is controlled as soon as everything is cached, without a reload. (Its model
      // files are downloaded twice on that visit: once by the engine, once by the precache.)
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // No sourcemaps or runtime caching: everything the app needs is precached.
      sourcemap: false,
    },
  });
}

// Local development and preview listen on localhost only: WebGPU needs a secure context, and
// localhost is one without certificates.
const LOCAL_SERVER = { host: 'localhost', strictPort: true } as const;

export default defineConfig({
  // One page and no client-side routes: a missing file should be a 404, not index.html, so that
  // a missing model reads as "not found" instead of as broken JSON. (Once the service worker is in
  // control it answers navigations with the cached index.html; file requests still get a 404.)
  appType: 'mpa',
  // The Content Security Policy goes into the built HTML (meta) here and into preview's headers below;
  // build-files.json lists the build's files for the network ledger.
  plugins: [react(), stubOnnxRuntimeWeb(), contentSecurityPolicyMeta(), installableApp(), buildFileList()],
  worker: {
    // A module worker, so the engine can use ES imports (and `import.meta.url` for asset URLs).
    format: 'es',
    plugins: () => [stubOnnxRuntimeWeb()],
  },
  build: {
    target: 'es2022',
    // tfjs and the encoder make the worker chunk large by nature; it loads once, off the main thread.
    chunkSizeWarningLimit: 4096,
  },
  optimizeDeps: {
    // Crawl the worker too, so tfjs is pre-bundled at start-up instead of on first use (which
    // would make the dev server reload the page mid-load).
    entries: ['index.html', 'src/worker/engine.worker.ts'],
    // Served as-is in dev so that the stub plugin above sees its onnxruntime-web import.
    exclude: ['@huggingface/transformers'],
  },
  // No policy for `vite dev`: its HMR client and React Refresh preamble are inline scripts.
  server: { ...LOCAL_SERVER, port: 5173 },
  // The built app (what Playwright tests) with its policy as a header on every file, so the engine
  // worker gets it too: a worker's policy comes from its own response, not from the page.
  preview: { ...LOCAL_SERVER, port: 4173, headers: { 'Content-Security-Policy': CSP_HEADER_VALUE } },
});
