/**
 * `npm run train -- --dataset demo|movielens-100k|<dir> [--seed S] [--out DIR] [--json]`
 *
 * Trains the GNN on the evaluation harness's training split (tuned on a validation split carved
 * from it) and writes the model files (see tools/train/pipeline.ts): for `--dataset demo --seed 1`
 * by default into public/models/gnn/, the model the app ships; otherwise into `--out`, required.
 * Prints what it wrote and the model's test quality, float32 and int8; progress goes to stderr.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatasetFormatError } from './eval/csv';
import { loadDataset } from './eval/load';
import { trainShippedGnn, writeShippedGnn } from './train/pipeline';
import { gnnSourceDigest } from './train/source-digest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

class UsageError extends Error {}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.dataset) throw new UsageError('Name a dataset: --dataset demo, --dataset movielens-100k or --dataset <directory>.');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed takes a non-negative integer, got "${values.seed}".`);
  // Only the demo model at seed 1 is the app's; anything else must say where it goes, so that it
  // never replaces the model the app serves by accident.
  const shipped = values.dataset === 'demo' && seed === 1;
  if (!values.out && !shipped) throw new UsageError(`The app ships the model of --dataset demo --seed 1; for another dataset or seed, name a folder with --out DIR.`);
  return { dataset: values.dataset, seed, out: resolve(values.out ?? join(repoRoot, 'public', 'models', 'gnn')), json: values.json };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const log = (line: string): void => console.error(line);
  const started = performance.now();
  const dataset = await loadDataset(options.dataset, log);
  const result = await trainShippedGnn(dataset, options.seed, log);
  const bytes = await writeShippedGnn(options.out, result, await gnnSourceDigest(dataset, options.seed, result.config.encoderDigest));
  const { test } = result.config;
  const summary = {
    dataset: dataset.name,
    seed: options.seed,
    out: options.out,
    bytes,
    tuned: result.config.tuned,
    training_seconds: Math.round(result.trainingSeconds * 10) / 10,
    total_seconds: Math.round((performance.now() - started) / 100) / 10,
    test_users: test.users,
    ndcg_at_10: test.ndcg10,
    recall_at_10: test.recall10,
    top10_overlap_int8: test.top10Overlap,
  };
  if (options.json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(`wrote ${options.out}: ${bytes} bytes (${result.config.tuned})`);
  console.log(`trained in ${summary.training_seconds} s (${summary.total_seconds} s in all)`);
  console.log(`test NDCG@10 float32 ${test.ndcg10.float32.toFixed(4)}, int8 ${test.ndcg10.int8.toFixed(4)}; top-10 overlap ${test.top10Overlap.toFixed(4)} (${test.users} users)`);
}

try {
  await main();
} catch (error) {
  const explained = error instanceof UsageError || error instanceof DatasetFormatError;
  console.error(explained ? `train: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
