import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import type { BackendName } from '../src/engine/backend';
import { spmm } from '../src/engine/gnn/spmm-cpu';
import { maxScaledDifference, standardSpmmCases } from '../tests/helpers/random-csr';
import type { SpmmRequest } from './pages/spmm-check';

/**
 * `sparseDenseMatMul` in Chromium against the float32 reference in Node: the webgpu project runs the
 * custom WebGPU kernel (on SwiftShader), the no-webgpu project the stock-ops path on WASM. The check
 * page is built and served here, apart from the app.
 */

const TOLERANCE = 1e-4;
const BACKEND_OF_PROJECT: Readonly<Record<string, BackendName>> = { webgpu: 'webgpu', 'no-webgpu': 'wasm' };

const repoRoot = resolve(import.meta.dirname, '..');
const cases = standardSpmmCases();
let server: PreviewServer | undefined;
let pageUrl = '';

test.beforeAll(async () => {
  const outDir = join(repoRoot, '.cache', 'e2e-pages');
  // publicDir off: the page needs none of the app's model files.
  await build({
    root: repoRoot,
    logLevel: 'error',
    publicDir: false,
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(repoRoot, 'e2e/pages/spmm.html') } },
  });
  server = await preview({ root: repoRoot, logLevel: 'error', build: { outDir }, preview: { host: 'localhost', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  pageUrl = `http://localhost:${port}/e2e/pages/spmm.html`;
});

test.afterAll(async () => {
  await server?.close();
});

for (const { name, a, width, x } of cases) {
  test(`sparseDenseMatMul matches the Node float32 reference: ${name}`, async ({ page }, testInfo) => {
    const backend = BACKEND_OF_PROJECT[testInfo.project.name];
    if (!backend) throw new Error(`no backend chosen for Playwright project ${testInfo.project.name}`);
    await page.goto(pageUrl);
    await expect(page.locator('#status')).toHaveText('ready');
    const request: SpmmRequest = {
      backend,
      rows: a.rows,
      cols: a.cols,
      width,
      rowPtr: Array.from(a.rowPtr),
      colIdx: Array.from(a.colIdx),
      values: Array.from(a.values),
      x: Array.from(x),
    };
    const result = await page.evaluate((req) => window.runSpmm(req), request);
    testInfo.annotations.push({ type: 'timing', description: `${result.backend}: ${result.ms.toFixed(0)} ms` });
    expect(result.backend).toBe(backend);
    expect(result.shape).toEqual([a.rows, width]);
    expect(maxScaledDifference(result.output, spmm(a, x, width))).toBeLessThanOrEqual(TOLERANCE);
  });
}
