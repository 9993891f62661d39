/**
 * `npm run models [-- --out DIR]`: writes the model artefacts the app serves from its own origin
 * (default public/models/): the encoder, then the GNN trained on the demo dataset. Runs before dev,
 * build and test, and does nothing when up to date.
 */
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { ModelManifest } from '../src/engine/assets/manifest';
import { loadDataset } from './eval/load';
import { buildEncoderModel } from './lib/build-encoder';
import { upToDate } from './lib/model-dir';
import { trainShippedGnn, writeShippedGnn } from './train/pipeline';
import { gnnSourceDigest } from './train/source-digest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const modelsDir = resolve(values.out ?? join(repoRoot, 'public', 'models'));
/** The shipped GNN is the one `npm run train -- --dataset demo --seed 1` makes. */
const SHIPPED_DATASET = 'demo';
const SHIPPED_SEED = 1;

const megabytes = (manifest: ModelManifest): string => (manifest.files.reduce((n, f) => n + f.bytes, 0) / 1e6).toFixed(2);
const log = (line: string): void => console.log(`models: ${line}`);

let started = performance.now();
const encoder = await buildEncoderModel(modelsDir);
log(
  encoder.skipped
    ? `encoder up to date in ${encoder.dir} (${megabytes(encoder.manifest)} MB)`
    : `encoder written to ${encoder.dir}: ${megabytes(encoder.manifest)} MB in ${encoder.manifest.files.length} files (${Math.round(performance.now() - started)} ms)`,
);

started = performance.now();
const gnnDir = join(modelsDir, 'gnn');
const dataset = await loadDataset(SHIPPED_DATASET, log);
const digest = await gnnSourceDigest(dataset, SHIPPED_SEED, encoder.manifest.sourceDigest);
const current = await upToDate(gnnDir, digest);
if (current) {
  log(`gnn up to date in ${gnnDir} (${megabytes(current)} MB)`);
} else {
  log(`gnn: training on ${SHIPPED_DATASET} (seed ${SHIPPED_SEED}); this takes a few minutes on two cores`);
  const result = await trainShippedGnn(dataset, SHIPPED_SEED, log);
  const bytes = await writeShippedGnn(gnnDir, result, digest);
  log(`gnn written to ${gnnDir}: ${(bytes / 1e6).toFixed(2)} MB, test NDCG@10 ${result.config.test.ndcg10.int8.toFixed(4)} (int8) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
