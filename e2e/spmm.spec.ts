import { expect, test, type Page } from '@playwright/test';
import type { BackendName } from '../src/engine/backend';
import type { CsrMatrix } from '../src/engine/graph/csr';
import { spmm } from '../src/engine/gnn/spmm-cpu';
import { createRng } from '../tools/lib/random';
import { demoTrainingGraph } from '../tests/helpers/demo-graph';
import { maxScaledDifference, standardSpmmCases } from '../tests/helpers/random-csr';
import { serveCheckPage, type ServedCheckPage } from './helpers/check-page';
import type { SpmmRequest, SpmmResult } from './pages/spmm-check';

/**
 * `sparseDenseMatMul` in Chromium against the float32 reference in Node: the webgpu project runs the
 * custom WebGPU kernel (on SwiftShader), the no-webgpu project the stock-ops path on WASM. The check
 * page is built and served here, apart from the app.
 */

const TOLERANCE = 1e-4;
const BACKEND_OF_PROJECT: Readonly<Record<string, BackendName>> = { webgpu: 'webgpu', 'no-webgpu': 'wasm' };

const cases = standardSpmmCases();
let served: ServedCheckPage | undefined;

test.beforeAll(async () => {
  served = await serveCheckPage('spmm');
});

test.afterAll(async () => {
  await served?.close();
});

/** Runs A · x on the project's backend in the check page. */
async function runInPage(page: Page, projectName: string, a: CsrMatrix, width: number, x: Float32Array): Promise<SpmmResult> {
  const backend = BACKEND_OF_PROJECT[projectName];
  if (!backend || !served) throw new Error(`no backend chosen for Playwright project ${projectName}, or no page served`);
  await page.goto(served.url);
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
  expect(result.backend).toBe(backend);
  expect(result.shape).toEqual([a.rows, width]);
  return result;
}

for (const { name, a, width, x } of cases) {
  test(`sparseDenseMatMul matches the Node float32 reference: ${name}`, async ({ page }, testInfo) => {
    const result = await runInPage(page, testInfo.project.name, a, width, x);
    testInfo.annotations.push({ type: 'timing', description: `${result.backend}: ${result.ms.toFixed(0)} ms` });
    expect(maxScaledDifference(result.output, spmm(a, x, width))).toBeLessThanOrEqual(TOLERANCE);
  });
}

test('sparseDenseMatMul matches the Node float32 reference on the demo training graph', async ({ page }, testInfo) => {
  // The normalised user–item adjacency of the demo data's training split (2,163 nodes) times
  // seeded random 64-wide features: the product one LightGCN/GNN propagation step makes.
  const a = await demoTrainingGraph();
  const width = 64;
  const rng = createRng(2163);
  const x = Float32Array.from({ length: a.cols * width }, () => rng.normal());
  const result = await runInPage(page, testInfo.project.name, a, width, x);
  testInfo.annotations.push({ type: 'timing', description: `${result.backend}, ${a.rows} nodes, nnz ${a.colIdx.length}: ${result.ms.toFixed(0)} ms` });
  expect(maxScaledDifference(result.output, spmm(a, x, width))).toBeLessThanOrEqual(TOLERANCE);
});
