import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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

// Local development and preview listen on localhost only: WebGPU needs a secure context, and
// localhost is one without certificates.
const LOCAL_SERVER = { host: 'localhost', strictPort: true } as const;

export default defineConfig({
  // One page and no client-side routes: a missing file should be a 404, not index.html, so that
  // a missing model reads as "not found" instead of as broken JSON.
  appType: 'mpa',
  // The Content Security Policy goes into the built HTML (meta) here and into preview's headers below;
  // build-files.json lists the build's files for the network ledger.
  plugins: [react(), stubOnnxRuntimeWeb(), contentSecurityPolicyMeta(), buildFileList()],
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
