import { expect, test } from '@playwright/test';
import type { BackendName } from '../src/engine/backend';
import type { GnnSparseImpl } from '../src/engine/gnn/session-tfjs';
import { serveCheckPage, type ServedCheckPage } from './helpers/check-page';
import type { SessionCheckRequest } from './pages/gnn-session-check';

/**
 * The tfjs GNN session in Chromium against the typed-array session on a small synthetic model,
 * event by event: on WebGPU (SwiftShader) with the custom CSR kernel and with gather +
 * unsortedSegmentSum, and on WASM with the CSR path (where gather-segsum must be refused: the wasm
 * backend has no UnsortedSegmentSum kernel).
 */

const TOLERANCE = 1e-4;
const BACKEND_OF_PROJECT: Readonly<Record<string, BackendName>> = { webgpu: 'webgpu', 'no-webgpu': 'wasm' };
const RUNS_ON: Readonly<Record<GnnSparseImpl, readonly BackendName[]>> = { 'csr-kernel': ['webgpu', 'wasm'], 'gather-segsum': ['webgpu'] };

let served: ServedCheckPage | undefined;

test.beforeAll(async () => {
  served = await serveCheckPage('gnn-session');
});

test.afterAll(async () => {
  await served?.close();
});

for (const impl of ['csr-kernel', 'gather-segsum'] as const) {
  test(`the tfjs session (${impl}) matches the typed-array session after every event`, async ({ page }, testInfo) => {
    const backend = BACKEND_OF_PROJECT[testInfo.project.name];
    if (!backend || !served) throw new Error(`no backend chosen for Playwright project ${testInfo.project.name}, or no page served`);
    await page.goto(served.url);
    await expect(page.locator('#status')).toHaveText('ready');
    const request: SessionCheckRequest = { backend, impl, seed: 7, items: 300, dim: 16, events: 30 };
    const result = await page.evaluate((req) => window.runGnnSessionCheck(req), request);
    expect(result.backend).toBe(backend);
    if (!RUNS_ON[impl].includes(backend)) {
      expect(result.refused).toBe('BACKEND_UNAVAILABLE');
      return;
    }
    testInfo.annotations.push({ type: 'timing', description: `${backend} ${impl}: ${result.checks} checks in ${result.ms.toFixed(0)} ms` });
    expect(result.refused).toBeUndefined();
    expect(result.checks).toBeGreaterThan(15);
    expect(result.maxScoreError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.maxRepresentationError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.maxTopKScoreGap).toBeLessThanOrEqual(2 * TOLERANCE);
    // All scores 0: the lowest ids, whatever order the backend's top-k leaves equal values in.
    expect(result.emptyTop5).toEqual([0, 1, 2, 3, 4]);
    expect(result.dismissedTop5).toEqual([0, 2, 4, 5, 6]);
  });
}
