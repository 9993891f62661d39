/**
 * Runs in the benchmark page: times our int8 encoder and the official wrapper on the same
 * backend and the same sentences. Each measurement follows one untimed warm-up call.
 */
import * as tf from '@tensorflow/tfjs-core';
import { load as loadReference } from '@tensorflow-models/universal-sentence-encoder';
import { httpAssetSource } from '../src/engine/assets/http';
import { activateBackend, type BackendName } from '../src/engine/backend';
import { createEncoder } from '../src/engine/encoder';
import { wasmPaths } from '../src/worker/wasm-paths';

export interface BenchResult {
  backend: BackendName;
  impl: 'ours' | 'reference';
  batch: number;
  sentences_per_s: number | null;
  runs: number;
  error?: string;
}

export interface BenchRequest {
  backend: BackendName;
  sentences: string[];
  batches: number[];
  /** Stop repeating a measurement once this many milliseconds were spent on it. */
  budgetMs: number;
}

type Embed = (texts: string[]) => Promise<void>;

async function measure(embed: Embed, sentences: string[], batch: number, budgetMs: number): Promise<{ perSecond: number; runs: number }> {
  const pick = (run: number) => Array.from({ length: batch }, (_, i) => sentences[(run * batch + i) % sentences.length]!);
  await embed(pick(0));
  let runs = 0;
  let elapsed = 0;
  while (runs < 3 || (elapsed < budgetMs && runs < 50)) {
    const started = performance.now();
    await embed(pick(runs + 1));
    elapsed += performance.now() - started;
    runs++;
    if (elapsed > budgetMs * 3) break;
  }
  return { perSecond: (runs * batch) / (elapsed / 1000), runs };
}

async function benchImpl(impl: 'ours' | 'reference', request: BenchRequest, prepare: () => Promise<Embed>): Promise<BenchResult[]> {
  let embed: Embed;
  try {
    embed = await prepare();
  } catch (error) {
    return request.batches.map((batch) => ({ backend: request.backend, impl, batch, sentences_per_s: null, runs: 0, error: String(error) }));
  }
  const results: BenchResult[] = [];
  for (const batch of request.batches) {
    try {
      const { perSecond, runs } = await measure(embed, request.sentences, batch, request.budgetMs);
      results.push({ backend: request.backend, impl, batch, sentences_per_s: perSecond, runs });
    } catch (error) {
      results.push({ backend: request.backend, impl, batch, sentences_per_s: null, runs: 0, error: String(error) });
    }
  }
  return results;
}

async function runBench(request: BenchRequest): Promise<BenchResult[]> {
  const ours = await benchImpl('ours', request, async () => {
    const encoder = await createEncoder({ backend: request.backend, assets: httpAssetSource('/models/'), wasmPaths });
    return async (texts) => {
      await encoder.embed(texts);
    };
  });
  const reference = await benchImpl('reference', request, async () => {
    await activateBackend(request.backend, wasmPaths);
    const model = await loadReference({ modelUrl: '/bench-assets/reference/model.json', vocabUrl: '/bench-assets/reference/vocab.json' });
    return async (texts) => {
      const out = await model.embed(texts);
      await out.data();
      out.dispose();
    };
  });
  return [...ours, ...reference];
}

declare global {
  interface Window {
    runBench: typeof runBench;
    tfBackend: () => string;
  }
}

window.runBench = runBench;
window.tfBackend = () => tf.getBackend();
document.getElementById('status')!.textContent = 'ready';
