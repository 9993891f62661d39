/**
 * The GNN the app ships (public/models/gnn/, made by `npm run models` = `npm run train -- --dataset
 * demo --seed 1`): verified loading, its size, its catalog, and sensible behaviour for a new person.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEncoder, type Encoder } from '../src/engine/encoder';
import { EngineError } from '../src/engine/errors';
import { catalogRows, loadGnnModel, type LoadedGnn } from '../src/engine/gnn/load';
import { scoreUserHistory } from '../src/engine/gnn/model';
import type { UserProfile } from '../src/engine/rank/recommender';
import { loadCatalogFile } from '../tools/simulator';
import { fileAssetSource } from '../tools/lib/file-assets';
import { topK } from '../tools/eval/ranking';
import { ensureModels, repoRoot } from './helpers/models';

const MAX_BYTES = 2_000_000;
let modelsDir: string;
let loaded: LoadedGnn;
let encoder: Encoder;

beforeAll(async () => {
  modelsDir = await ensureModels();
  try {
    loaded = await loadGnnModel(fileAssetSource(modelsDir));
  } catch (error) {
    throw new Error(`public/models/gnn/ is missing or broken: run "npm run models" first (${String(error)})`);
  }
  encoder = await createEncoder({ backend: 'wasm', assets: fileAssetSource(modelsDir) });
}, 120_000);

afterAll(() => encoder.dispose());

async function profileOf(goals: string, riskTolerance: number, age: number, horizonYears: number): Promise<UserProfile> {
  const [goalsEmbedding] = await encoder.embed([goals]);
  return { riskTolerance, age, horizonYears, goalsEmbedding: goalsEmbedding! };
}

describe('the shipped GNN', () => {
  it('is at most 2 MB, verified against its manifest, and covers exactly the catalog', async () => {
    const manifest = JSON.parse(await readFile(join(modelsDir, 'gnn', 'manifest.json'), 'utf8')) as { files: { bytes: number }[] };
    const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    const catalog = await loadCatalogFile(join(repoRoot, 'data', 'catalog', 'products.json'));
    const rows = catalogRows(loaded.info, catalog.products.map((product) => product.id));
    expect(rows.size).toBe(catalog.products.length);
    expect(loaded.info.dataset).toBe('demo');
    expect(loaded.model.profileDim).toBeGreaterThan(encoder.dim);
    expect(() => catalogRows(loaded.info, ['sav-001'])).toThrow(/another catalog/);
  });

  it('refuses a tampered weights file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gnn-copy-'));
    try {
      await cp(join(modelsDir, 'gnn'), join(dir, 'gnn'), { recursive: true });
      const weights = await readFile(join(dir, 'gnn', 'weights.bin'));
      weights[100] = (weights[100]! + 1) % 256;
      await writeFile(join(dir, 'gnn', 'weights.bin'), weights);
      await expect(loadGnnModel(fileAssetSource(dir))).rejects.toSatisfy((error) => error instanceof EngineError && error.code === 'INTEGRITY_FAILED');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('recommends a cautious new person lower-risk products than an adventurous one, from the profile alone', async () => {
    const catalog = await loadCatalogFile(join(repoRoot, 'data', 'catalog', 'products.json'));
    const risk = new Map(catalog.products.map((product) => [product.id, product.risk_level]));
    const meanRiskOfTop10 = (profile: UserProfile): number => {
      const scores = scoreUserHistory(loaded.model, { positives: [], profile });
      const top = topK(scores, new Uint8Array(scores.length), 10);
      return Array.from(top).reduce((sum, row) => sum + risk.get(loaded.info.itemIds[row]!)!, 0) / top.length;
    };
    const cautious = await profileOf('I want to keep my savings safe and have an emergency fund I can reach any day.', 1, 72, 2);
    const adventurous = await profileOf('I want my money to grow over the long term and I accept large ups and downs.', 5, 27, 35);
    expect(meanRiskOfTop10(cautious)).toBeLessThan(meanRiskOfTop10(adventurous));
  });
});
