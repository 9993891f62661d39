/**
 * `npm run bench:gnn [-- --json] [--backends js,webgpu,wasm,cpu] [--sizes 150,10000,100000] [--budget-ms N]`
 *
 * Serves the GNN benchmark page with Vite and opens it in headless Chromium once per backend. For
 * each catalog size it times a recommendation refresh of the incremental session (a new event,
 * then the new top 10 read back): the typed-array session (`js`) and the tfjs session on each
 * backend with each sparse implementation the backend runs; and, per backend, one full sparse ×
 * dense product over a synthetic product graph with our CSR kernel against tfjs gather +
 * unsortedSegmentSum. Catalogs are synthetic (seeded; dim 64, 2 layers, long-tail degrees).
 * Progress goes to stderr; with --json, stdout is one JSON object.
 */
import { cpus } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { build, preview } from 'vite';
import type { BenchTarget, GnnBenchRequest, GnnBenchResult } from '../bench/gnn-bench';
import { launchChromium, webgpuAdapterDescription } from './lib/chromium';
import { percentile } from './lib/percentile';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    backends: { type: 'string', default: 'js,webgpu,wasm,cpu' },
    sizes: { type: 'string', default: '150,10000,100000' },
    'budget-ms': { type: 'string', default: '3000' },
  },
});
const progress = (line: string) => console.error(line);

const DIM = 64;
const LAYERS = 2;
const NEIGHBOURS = 10;
const SEED = 42;
/**
 * A software adapter (SwiftShader) is about 100× slower than a GPU: fewer runs, and above this size
 * no gather + unsortedSegmentSum product (at 100,000 rows one took 81 s on the 2-core machine).
 */
const SOFTWARE_WEBGPU_SEGMENT_SUM_MAX_ROWS = 10_000;
const budgetMs = Number(values['budget-ms']);

interface RefreshRow {
  backend: string;
  impl: string;
  products: number;
  refresh_ms_p50: number | null;
  refresh_ms_p95: number | null;
}

interface KernelRow {
  backend: string;
  rows: number;
  nnz: number;
  width: number;
  csr_kernel_ms_p50: number | null;
  gather_segsum_ms_p50: number | null;
  csr_kernel_runs: number;
  gather_segsum_runs: number;
  note: string;
}

const CSR_KERNEL_NOTES: Readonly<Record<string, string>> = {
  js: 'csr-kernel: the typed-array spmm of src/engine/gnn/spmm-cpu.ts (no tfjs), for scale',
  webgpu: 'csr-kernel: the registered CsrSpmm WebGPU compute kernel (one workgroup per row)',
  wasm: 'csr-kernel: sparseDenseMatMul falls back to stock gather + sparseSegmentSum on wasm',
  cpu: 'csr-kernel: sparseDenseMatMul falls back to stock gather + sparseSegmentSum on cpu',
};

// A production build of the bench page, as the app ships (the dev server would also reload the
// page when it discovers dependencies mid-run). Its own folder: bench:encoder empties .cache/bench-dist.
const outDir = join(repoRoot, '.cache', 'bench-gnn-dist');
progress('bench:gnn: building the benchmark page…');
await build({
  root: repoRoot,
  logLevel: 'error',
  publicDir: false,
  build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(repoRoot, 'bench/gnn.html') } },
});
const server = await preview({ root: repoRoot, logLevel: 'error', build: { outDir }, preview: { host: 'localhost', port: 0, strictPort: false } });
const address = server.httpServer.address();
const port = typeof address === 'object' && address ? address.port : 0;
const pageUrl = `http://localhost:${port}/bench/gnn.html`;

const results: RefreshRow[] = [];
const refreshRuns: { backend: string; impl: string; products: number; runs: number }[] = [];
const kernelComparison: KernelRow[] = [];
const skipped: { backend: string; products: number; reason: string }[] = [];
const errors: string[] = [];
const environment: Record<string, string | number> = {
  cpu_cores: cpus().length,
  dim: DIM,
  layers: LAYERS,
  kernel_graph: `random product–product graph, ${NEIGHBOURS} neighbours per product, width ${DIM}`,
  refresh: 'addEvent (a new random event) then topK(10) without purchased items, read back; one untimed warm-up, 20 events of history before timing',
  timer: 'performance.now() in a page without cross-origin isolation: 0.1 ms resolution, so sub-0.1 ms refreshes read as 0 or 0.1',
};

async function openPage(browser: Browser) {
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  page.on('pageerror', (error) => progress(`  page error: ${error.message}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, { timeout: 120_000 });
  return page;
}

try {
  const sizes = values.sizes.split(',').map(Number);
  for (const target of values.backends.split(',') as BenchTarget[]) {
    const browser = await launchChromium(target);
    environment.browser = `Chromium ${browser.version()}`;
    try {
      let softwareAdapter = false;
      if (target === 'webgpu') {
        const page = await openPage(browser);
        const adapter = await webgpuAdapterDescription(page);
        await page.close();
        environment.webgpu_adapter = adapter;
        softwareAdapter = /swiftshader/i.test(adapter);
        if (adapter === 'none') {
          skipped.push({ backend: 'webgpu', products: 0, reason: 'no WebGPU adapter in this browser' });
          continue;
        }
        if (softwareAdapter) {
          environment.webgpu_note =
            'SwiftShader runs WebGPU on the CPU, about 100× slower than a GPU: at most 20 refreshes and 5 kernel runs per measurement, ' +
            `no gather + unsortedSegmentSum product above ${SOFTWARE_WEBGPU_SEGMENT_SUM_MAX_ROWS} rows; these figures show that it works, not how fast a GPU is`;
        }
      }
      for (const products of sizes) {
        progress(`bench:gnn: ${target}, ${products} products…`);
        const started = performance.now();
        const request: GnnBenchRequest = {
          target,
          products,
          dim: DIM,
          layers: LAYERS,
          seed: SEED,
          historyEvents: 20,
          refreshBudgetMs: softwareAdapter ? budgetMs / 2 : budgetMs,
          maxRefreshRuns: softwareAdapter ? 20 : 200,
          kernelBudgetMs: softwareAdapter ? budgetMs / 2 : budgetMs,
          maxKernelRuns: softwareAdapter ? 5 : 20,
          minRuns: 3,
          neighbours: NEIGHBOURS,
          ...(softwareAdapter && products > SOFTWARE_WEBGPU_SEGMENT_SUM_MAX_ROWS
            ? { skipGatherSegsum: `one product takes over a minute on SwiftShader here (81 s measured at 100,000 rows); not run above ${SOFTWARE_WEBGPU_SEGMENT_SUM_MAX_ROWS} rows` }
            : {}),
        };
        const page = await openPage(browser);
        let result: GnnBenchResult;
        try {
          result = await page.evaluate((req) => window.runGnnBench(req), request);
        } catch (error) {
          const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
          errors.push(`${target}, ${products} products: ${message}`);
          progress(`  failed: ${message}`);
          continue;
        } finally {
          await page.close();
        }
        for (const { impl, ms, error } of result.refresh) {
          const row = { backend: target, impl, products, refresh_ms_p50: percentile(ms, 0.5), refresh_ms_p95: percentile(ms, 0.95) };
          results.push(row);
          refreshRuns.push({ backend: target, impl, products, runs: ms.length });
          if (error) errors.push(`${target} ${impl}, ${products} products: ${error}`);
          progress(`  ${impl.padEnd(13)} refresh p50 ${row.refresh_ms_p50 ?? '—'} ms, p95 ${row.refresh_ms_p95 ?? '—'} ms (${ms.length} runs)${error ? ` failed: ${error}` : ''}`);
        }
        const { kernel } = result;
        if (kernel) {
          const row: KernelRow = {
            backend: target,
            rows: kernel.rows,
            nnz: kernel.nnz,
            width: kernel.width,
            csr_kernel_ms_p50: percentile(kernel.csrKernelMs, 0.5),
            gather_segsum_ms_p50: kernel.gatherSegsumMs ? percentile(kernel.gatherSegsumMs, 0.5) : null,
            csr_kernel_runs: kernel.csrKernelMs.length,
            gather_segsum_runs: kernel.gatherSegsumMs?.length ?? 0,
            note: [
              CSR_KERNEL_NOTES[target] ?? '',
              kernel.gatherSegsumSkipped ? `gather-segsum not run: ${kernel.gatherSegsumSkipped}` : 'gather-segsum: tfjs gather + unsortedSegmentSum',
              ...kernel.errors,
            ].join('; '),
          };
          kernelComparison.push(row);
          progress(`  full A·X (${row.rows} rows, nnz ${row.nnz}, width ${row.width}): csr-kernel ${row.csr_kernel_ms_p50 ?? '—'} ms, gather-segsum ${row.gather_segsum_ms_p50 ?? '—'} ms`);
        }
        progress(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

const report = { environment, results, refresh_runs: refreshRuns, kernel_comparison: kernelComparison, skipped, errors };
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.table(results);
  console.table(kernelComparison.map(({ note: _note, ...row }) => row));
  for (const { backend, products, reason } of skipped) console.log(`skipped ${backend}, ${products} products: ${reason}`);
}
