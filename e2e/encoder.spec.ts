import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { activateBackend } from '../src/engine/backend';
import type { BackendPreference, EngineInitResult } from '../src/protocol/engine-api';
import { cosine } from '../tools/lib/cosine';
import { loadReferenceEncoder } from '../tools/lib/reference-encoder';

/**
 * Fidelity of the shipped encoder in Chromium, through the shipped worker and its message protocol,
 * against the original float32 GraphModel run by tfjs in Node. The webgpu project proves the encoder
 * runs on WebGPU when asked for it; the no-webgpu project proves `auto` falls back to WASM.
 */

const MEAN_COSINE_MIN = 0.995;
const EACH_COSINE_MIN = 0.98;

/** What each Playwright project must end up on, and what it asks for. */
const CASES: Readonly<Record<string, { ask: BackendPreference; expect: string }>> = {
  webgpu: { ask: 'webgpu', expect: 'webgpu' },
  'no-webgpu': { ask: 'auto', expect: 'wasm' },
};

let sentences: string[] = [];
let referenceRows: Float32Array[] = [];

test.beforeAll(async () => {
  sentences = JSON.parse(await readFile('tests/fixtures/financial-sentences.json', 'utf8')) as string[];
  await activateBackend('wasm');
  const reference = await loadReferenceEncoder();
  referenceRows = await reference.embed(sentences);
  reference.dispose();
});

/** The URL of the engine worker the app ships, read off the app's own page load. */
async function engineWorkerUrl(page: Page): Promise<string> {
  const appWorker = page.waitForEvent('worker');
  await page.goto('/');
  return (await appWorker).url();
}

interface WorkerRun {
  init: EngineInitResult;
  rows: number[][];
  progressEvents: number;
}

/**
 * Starts a fresh copy of the shipped worker on a page of our origin that runs nothing else, and
 * talks to it with the same messages the app's proxy sends.
 */
async function embedInShippedWorker(page: Page, workerUrl: string, backend: BackendPreference, texts: string[]): Promise<WorkerRun> {
  await page.goto('/models/encoder/manifest.json');
  return page.evaluate(
    async ({ workerUrl, backend, texts }) => {
      const worker = new Worker(workerUrl, { type: 'module' });
      let progressEvents = 0;
      const call = (id: number, message: object) =>
        new Promise<unknown>((resolve, reject) => {
          worker.addEventListener('message', (event: MessageEvent<{ id: number; kind: string; result?: unknown; error?: { code: string; message: string } }>) => {
            const data = event.data;
            if (data.id !== id) return;
            if (data.kind === 'progress') progressEvents++;
            else if (data.kind === 'result') resolve(data.result);
            else reject(new Error(`${data.error?.code ?? '?'}: ${data.error?.message ?? ''}`));
          });
          worker.postMessage({ id, ...message });
        });
      const init = (await call(1, { method: 'init', options: { backend } })) as EngineInitResult;
      const rows = (await call(2, { method: 'embed', texts })) as Float32Array[];
      worker.terminate();
      return { init, rows: rows.map((row) => Array.from(row)), progressEvents };
    },
    { workerUrl, backend, texts },
  );
}

test('the shipped encoder runs on the expected backend and matches the float32 reference', async ({ page }, testInfo) => {
  const spec = CASES[testInfo.project.name];
  if (!spec) throw new Error(`No encoder expectation for Playwright project "${testInfo.project.name}".`);
  // The worker's init encodes the catalog (about three minutes on SwiftShader) before the fidelity run.
  if (spec.expect === 'webgpu') test.setTimeout(12 * 60_000);
  const workerUrl = await engineWorkerUrl(page);
  const run = await embedInShippedWorker(page, workerUrl, spec.ask, sentences);

  expect(run.init.backend).toBe(spec.expect);
  if (spec.ask === 'auto' && spec.expect !== 'webgpu') expect(run.init.fallbackReason).toMatch(/WebGPU/);
  expect(run.progressEvents).toBeGreaterThan(0);
  expect(run.rows).toHaveLength(sentences.length);

  const cosines = run.rows.map((row, i) => cosine(row, referenceRows[i]!));
  const mean = cosines.reduce((s, c) => s + c, 0) / cosines.length;
  const min = Math.min(...cosines);
  console.log(`fidelity ${run.init.backend} in Chromium: n=${cosines.length} mean=${mean.toFixed(6)} min=${min.toFixed(6)}`);
  expect(mean).toBeGreaterThanOrEqual(MEAN_COSINE_MIN);
  expect(min).toBeGreaterThanOrEqual(EACH_COSINE_MIN);
});
