/**
 * Trains the GNN on a dataset under the evaluation harness's split and writes the model the app
 * ships: `<out>/model.json` + `weights.bin` (int8, `src/engine/gnn/artefact.ts`), `config.json`
 * (what the model was trained on, which item each row is, how well it did) and `manifest.json`
 * (size and SHA-256 of every file). Used by `npm run train` and by `npm run models` for the demo.
 */
import { encodeGnnModel } from '../../src/engine/gnn/artefact';
import { scoreUserHistory, type GnnItemSide } from '../../src/engine/gnn/model';
import type { Recommender } from '../../src/engine/rank/recommender';
import type { Dataset } from '../eval/dataset';
import { embedItemTexts, embedUserProfiles } from '../eval/embeddings';
import { evaluateModel, prepareEvaluation, type Evaluation } from '../eval/evaluate';
import { topK } from '../eval/ranking';
import { stableJson, writeModelDir } from '../lib/model-dir';
import { createGnn, historyOf, int8RoundTrip, type GnnOptions } from './gnn';

/** What `config.json` records about the shipped model. */
export interface GnnTrainingConfig {
  readonly dataset: string;
  readonly seed: number;
  /** Row i of every item table is the item with this id (items.csv `item_id`). */
  readonly itemIds: readonly string[];
  /** The tuned configuration, as `npm run eval` prints it. */
  readonly tuned: string;
  /** Digest of the encoder that embedded the goals texts: the device must embed with the same one. */
  readonly encoderDigest: string;
  /** Test-split quality of this very model, float32 and after the int8 round trip. */
  readonly test: {
    readonly users: number;
    readonly ndcg10: { readonly float32: number; readonly int8: number };
    readonly recall10: { readonly float32: number; readonly int8: number };
    /** Mean over evaluated users of |top-10 float32 ∩ top-10 int8| / |top-10 float32| (10 unless fewer candidates). */
    readonly top10Overlap: number;
  };
}

export interface TrainResult {
  readonly config: GnnTrainingConfig;
  /** Wall time of tuning and training (kept out of config.json, so that the files are reproducible). */
  readonly trainingSeconds: number;
  readonly files: readonly [string, Uint8Array][];
}

/** A recommender that scores with a fixed device model, so the harness measures exactly that model. */
function fixedModel(name: string, itemSide: GnnItemSide, evaluation: Evaluation): Recommender {
  const { training } = evaluation;
  return {
    name,
    fit: () => Promise.resolve(),
    scoreUser: (user) => scoreUserHistory(itemSide, historyOf(training, user)),
  };
}

/** Mean share of the top 10 that two models have in common, over the evaluated users. */
function topTenOverlap(a: Recommender, b: Recommender, evaluation: Evaluation): number {
  const { split } = evaluation;
  const excluded = new Uint8Array(split.itemCount);
  let total = 0;
  for (const user of split.evaluatedUsers) {
    for (const item of split.train[user]!) excluded[item] = 1;
    const first = new Set(topK(a.scoreUser(user), excluded, 10));
    const second = topK(b.scoreUser(user), excluded, 10);
    total += second.filter((item) => first.has(item)).length / Math.max(1, first.size);
    for (const item of split.train[user]!) excluded[item] = 0;
  }
  return split.evaluatedUsers.length > 0 ? total / split.evaluatedUsers.length : 1;
}

/** Trains, measures and packs the GNN for `dataset` (see the file comment). */
export async function trainShippedGnn(dataset: Dataset, seed: number, log: (line: string) => void, options: Partial<GnnOptions> = {}): Promise<TrainResult> {
  const embeddings = await embedItemTexts(dataset.itemTexts, log);
  const profiles = dataset.userProfiles ? await embedUserProfiles(dataset.userProfiles, log) : undefined;
  const evaluation = prepareEvaluation(dataset, embeddings, seed, profiles);
  log(`train: ${dataset.name}, ${evaluation.training.userCount} users, ${evaluation.training.itemCount} items, seed ${seed}`);
  const started = performance.now();
  const gnn = createGnn(options);
  await gnn.fit(evaluation.training);
  const trainingSeconds = (performance.now() - started) / 1000;
  const float32 = gnn.itemSide;
  if (!float32) throw new Error('train: fitting produced no model');
  log(`train: ${gnn.describe()} in ${trainingSeconds.toFixed(1)} s`);
  const int8 = int8RoundTrip(float32);
  const floatModel = fixedModel('gnn', float32, evaluation);
  const int8Model = fixedModel('gnn-int8', int8, evaluation);
  const [floatResult, int8Result] = [await evaluateModel(floatModel, evaluation, [10]), await evaluateModel(int8Model, evaluation, [10])];
  const metric = (result: typeof floatResult, name: string): number => result.metrics[name] ?? Number.NaN;
  const { modelFile, weightsBin } = encodeGnnModel(float32);
  const config: GnnTrainingConfig = {
    dataset: dataset.name,
    seed,
    itemIds: dataset.itemIds,
    tuned: gnn.describe(),
    encoderDigest: embeddings.encoderDigest,
    test: {
      users: evaluation.split.evaluatedUsers.length,
      ndcg10: { float32: metric(floatResult, 'ndcg@10'), int8: metric(int8Result, 'ndcg@10') },
      recall10: { float32: metric(floatResult, 'recall@10'), int8: metric(int8Result, 'recall@10') },
      top10Overlap: topTenOverlap(floatModel, int8Model, evaluation),
    },
  };
  return {
    config,
    trainingSeconds,
    files: [
      ['model.json', stableJson(modelFile)],
      ['weights.bin', weightsBin],
      ['config.json', stableJson(config)],
    ],
  };
}

/** Writes the trained model's files and manifest into `dir` (replacing it whole). */
export async function writeShippedGnn(dir: string, result: TrainResult, sourceDigest: string): Promise<number> {
  const manifest = await writeModelDir(dir, `gnn trained on ${result.config.dataset} (seed ${result.config.seed})`, sourceDigest, [...result.files]);
  return manifest.files.reduce((sum, file) => sum + file.bytes, 0);
}
