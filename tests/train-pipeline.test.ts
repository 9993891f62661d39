/**
 * `npm run train`'s pipeline end to end on a small simulated dataset: the files it writes, their
 * manifest, the app's loader reading them back, and byte-identical output for the same seed.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGnnModel } from '../src/engine/gnn/load';
import { readDatasetDir, type Dataset } from '../tools/eval/dataset';
import { fileAssetSource } from '../tools/lib/file-assets';
import { loadCatalogFile, simulate, writeDataset } from '../tools/simulator';
import { trainShippedGnn, writeShippedGnn } from '../tools/train/pipeline';
import { ensureModels, repoRoot } from './helpers/models';

let work: string;
let dataset: Dataset;
/** A small grid and budget: the pipeline is under test here, not the tuning. */
const OPTIONS = { layerCounts: [2], productEdgeWeights: [0], maxEpochs: 40, evalEvery: 10 };

beforeAll(async () => {
  await ensureModels();
  work = await mkdtemp(join(tmpdir(), 'train-pipeline-'));
  const catalog = await loadCatalogFile(join(repoRoot, 'data', 'catalog', 'products.json'));
  await writeDataset(join(work, 'data'), simulate({ users: 120, seed: 5, catalog }));
  dataset = await readDatasetDir(join(work, 'data'), 'tiny');
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const digestOf = async (dir: string): Promise<Record<string, string>> => {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
  const digests: Record<string, string> = {};
  for (const { path } of [...manifest.files, { path: 'manifest.json' }]) digests[path] = createHash('sha256').update(await readFile(join(dir, path))).digest('hex');
  return digests;
};

describe('the training pipeline', () => {
  it('writes a verified model the app loads, the same bytes for the same seed, other bytes for another', async () => {
    const write = async (name: string, seed: number): Promise<string> => {
      const result = await trainShippedGnn(dataset, seed, () => undefined, OPTIONS);
      await writeShippedGnn(join(work, name, 'gnn'), result, `digest-${seed}`);
      return join(work, name);
    };
    const first = await write('first', 1);
    const again = await write('again', 1);
    const other = await write('other', 2);
    expect(await digestOf(join(again, 'gnn'))).toEqual(await digestOf(join(first, 'gnn')));
    expect((await digestOf(join(other, 'gnn')))['weights.bin']).not.toBe((await digestOf(join(first, 'gnn')))['weights.bin']);

    const loaded = await loadGnnModel(fileAssetSource(first));
    expect(loaded.info.itemIds).toEqual(dataset.itemIds);
    expect(loaded.model.itemCount).toBe(dataset.itemIds.length);
    expect(loaded.model.profileDim).toBeGreaterThan(0);
    const config = JSON.parse(await readFile(join(first, 'gnn', 'config.json'), 'utf8')) as { test: { ndcg10: { float32: number; int8: number }; top10Overlap: number } };
    expect(config.test.ndcg10.float32).toBeGreaterThan(0);
    expect(config.test.top10Overlap).toBeGreaterThan(0);
    expect(config.test.top10Overlap).toBeLessThanOrEqual(1);
  }, 300_000);
});
