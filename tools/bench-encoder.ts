/**
 * `npm run bench:encoder [-- --json] [--backends webgpu,wasm,cpu] [--budget-ms N]`
 *
 * Serves the benchmark page with Vite, opens it in headless Chromium once per backend and times
 * our int8 encoder against the official `@tensorflow-models/universal-sentence-encoder` on the
 * same original weights (served from our own origin), at batch sizes 1 and 64.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview, type Plugin } from 'vite';
import type { BackendName } from '../src/engine/backend';
import type { BenchRequest, BenchResult } from '../bench/encoder-bench';
import { buildEncoderModel } from './lib/build-encoder';
import { launchChromium, webgpuAdapterDescription } from './lib/chromium';
import { sourceModelDir } from './lib/source-model';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    backends: { type: 'string', default: 'webgpu,wasm,cpu' },
    'budget-ms': { type: 'string', default: '4000' },
  },
});
const log = (line: string) => {
  if (!values.json) console.log(line);
  else console.error(line);
};

/** Serves the original model files at /bench-assets/reference/ for the reference wrapper. */
function referenceAssets(): Plugin {
  const dir = sourceModelDir();
  return {
    name: 'bench-reference-assets',
    configurePreviewServer(server) {
      server.middlewares.use('/bench-assets/reference/', (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!/^[\w.-]+$/.test(name)) {
          next();
          return;
        }
        readFile(join(dir, name)).then(
          (bytes) => {
            res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
            res.end(bytes);
          },
          () => {
            next();
          },
        );
      });
    },
  };
}

await buildEncoderModel(join(repoRoot, 'public', 'models'));
const sentences = JSON.parse(await readFile(join(repoRoot, 'tests/fixtures/financial-sentences.json'), 'utf8')) as string[];
// A production build of the bench page, as the app ships (the dev server would also reload the
// page when it discovers dependencies mid-run).
const outDir = join(repoRoot, '.cache', 'bench-dist');
await build({ root: repoRoot, logLevel: 'error', build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(repoRoot, 'bench/encoder.html') } } });
const server = await preview({
  root: repoRoot,
  logLevel: 'error',
  build: { outDir },
  preview: { host: 'localhost', port: 0, strictPort: false },
  plugins: [referenceAssets()],
});
const address = server.httpServer.address();
const port = typeof address === 'object' && address ? address.port : 0;
const pageUrl = `http://localhost:${port}/bench/encoder.html`;

const results: BenchResult[] = [];
const environment: Record<string, string> = {};
try {
  for (const backend of values.backends.split(',') as BackendName[]) {
    const browser = await launchChromium(backend);
    environment.browser = `Chromium ${browser.version()}`;
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(0);
      await page.goto(pageUrl);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, { timeout: 300_000 });
      if (backend === 'webgpu') {
        environment.webgpuAdapter = await webgpuAdapterDescription(page);
      }
      log(`bench: ${backend}…`);
      const request: BenchRequest = { backend, sentences, batches: [1, 64], budgetMs: Number(values['budget-ms']) };
      const rows = await page.evaluate((req) => window.runBench(req), request);
      for (const row of rows) log(`  ${row.impl.padEnd(9)} batch ${String(row.batch).padStart(2)}: ${row.sentences_per_s === null ? `failed (${row.error})` : `${row.sentences_per_s.toFixed(1)} sentences/s (${row.runs} runs)`}`);
      results.push(...rows);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

const ratios = results
  .filter((r) => r.impl === 'ours')
  .map((ours) => {
    const ref = results.find((r) => r.impl === 'reference' && r.backend === ours.backend && r.batch === ours.batch);
    return {
      backend: ours.backend,
      batch: ours.batch,
      ours_over_reference: ours.sentences_per_s !== null && ref?.sentences_per_s ? ours.sentences_per_s / ref.sentences_per_s : null,
    };
  });
const report = { environment, results, ratios };
if (values.json) console.log(JSON.stringify(report));
else console.table(ratios);
