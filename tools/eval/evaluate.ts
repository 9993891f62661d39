/**
 * Runs recommenders under the protocol of docs/evaluation.md: fit on the training split, rank every
 * item except the user's training positives (ties by item id), score the top K against the test split.
 */
import type { Recommender, TrainingData, UserProfile } from '../../src/engine/rank/recommender';
import type { Dataset } from './dataset';
import type { ItemEmbeddings } from './embeddings';
import { METRIC_NAMES, randomAccuracyAtK, summariseAtK, type MetricContext, type UserRanking } from './metrics';
import { topK } from './ranking';
import { MIN_POSITIVES_TO_TEST, TEST_PERCENT, splitByUser, type Split } from './split';

/** A model broke the Recommender contract; the message names the model and the rule. */
export class ModelOutputError extends Error {
  constructor(model: string, problem: string) {
    super(`Model "${model}" ${problem}. scoreUser() and scoreNewUser() must return one finite or infinite score per item (see src/engine/rank/recommender.ts).`);
    this.name = 'ModelOutputError';
  }
}

export interface Evaluation {
  readonly dataset: Dataset;
  readonly split: Split;
  readonly training: TrainingData;
  readonly context: MetricContext;
}

/** Splits the dataset and assembles what models learn from and what the metrics need. */
export function prepareEvaluation(
  dataset: Dataset,
  embeddings: ItemEmbeddings,
  seed: number,
  userProfiles?: readonly (UserProfile | undefined)[],
): Evaluation {
  const split = splitByUser(dataset);
  const popularity = new Float64Array(split.itemCount);
  for (const items of split.train) for (const item of items) popularity[item]!++;
  const training: TrainingData = {
    userCount: split.userCount,
    itemCount: split.itemCount,
    positives: split.train,
    positiveTimes: split.trainTimes,
    sideEvents: split.sideEvents,
    itemTexts: dataset.itemTexts,
    itemEmbeddings: embeddings.rows,
    embeddingDim: embeddings.dim,
    seed,
    ...(userProfiles ? { userProfiles } : {}),
    ...(dataset.itemFeatures ? { itemFeatures: dataset.itemFeatures, itemFeatureDim: dataset.itemFeatures.length / split.itemCount } : {}),
  };
  const context: MetricContext = {
    itemCount: split.itemCount,
    popularity,
    trainingUsers: split.train.filter((items) => items.length > 0).length,
    embeddings: embeddings.rows,
    dim: embeddings.dim,
    ...(dataset.suitability ? { suitability: dataset.suitability } : {}),
  };
  return { dataset, split, training, context };
}

export type MetricRecord = Record<string, number | null>;

export interface ModelResult {
  readonly name: string;
  /** `<metric>@<k>` for every K, K by K. */
  readonly metrics: MetricRecord;
  readonly fitMs: number;
  readonly rankMs: number;
  /** The model's own account of its configuration after fitting, where it gives one. */
  readonly config?: string;
}

/** Stops the run when `scores` is not one non-NaN score per item. */
export function checkScores(model: Recommender, scores: Float32Array, itemCount: number): void {
  if (!(scores instanceof Float32Array) || scores.length !== itemCount) {
    throw new ModelOutputError(model.name, `returned ${scores instanceof Float32Array ? `${scores.length} scores` : 'something other than a Float32Array'} for ${itemCount} items`);
  }
  const bad = scores.findIndex((score) => Number.isNaN(score));
  if (bad >= 0) throw new ModelOutputError(model.name, `returned NaN for item ${bad}`);
}

/** Fits `model`, ranks for every evaluated user and averages every metric at each K. */
export async function evaluateModel(model: Recommender, evaluation: Evaluation, ks: readonly number[]): Promise<ModelResult> {
  const { split, training, context } = evaluation;
  const fitStarted = performance.now();
  await model.fit(training);
  const fitMs = performance.now() - fitStarted;

  const rankStarted = performance.now();
  const depth = Math.max(...ks);
  const excluded = new Uint8Array(split.itemCount);
  const rankings: UserRanking[] = split.evaluatedUsers.map((user) => {
    const scores = model.scoreUser(user);
    checkScores(model, scores, split.itemCount);
    const trainItems = split.train[user]!;
    for (const item of trainItems) excluded[item] = 1;
    const recommended = topK(scores, excluded, depth);
    for (const item of trainItems) excluded[item] = 0;
    return { user, recommended, relevant: new Set(split.test[user]) };
  });
  const rankMs = performance.now() - rankStarted;

  const metrics: MetricRecord = {};
  for (const k of ks) {
    const summary = summariseAtK(rankings, k, context);
    for (const name of METRIC_NAMES) {
      const value = summary[name];
      if (value !== undefined) metrics[`${name}@${k}`] = value;
    }
  }
  const config = model.describe?.();
  return config === undefined ? { name: model.name, metrics, fitMs, rankMs } : { name: model.name, metrics, fitMs, rankMs, config };
}

/** The analytic expectation of recall, NDCG, MAP and hit rate at each K for a uniformly random ranking. */
export function randomExpectation(evaluation: Evaluation, ks: readonly number[]): MetricRecord {
  const { split } = evaluation;
  const expected: MetricRecord = {};
  for (const k of ks) {
    const sums = { recall: 0, ndcg: 0, map: 0, hit: 0 };
    for (const user of split.evaluatedUsers) {
      const accuracy = randomAccuracyAtK(split.itemCount - split.train[user]!.length, split.test[user]!.length, k);
      for (const key of ['recall', 'ndcg', 'map', 'hit'] as const) sums[key] += accuracy[key];
    }
    const users = split.evaluatedUsers.length;
    for (const key of ['recall', 'ndcg', 'map', 'hit'] as const) expected[`${key}@${k}`] = users > 0 ? sums[key] / users : null;
  }
  return expected;
}

/** The protocol in words and counts, for the report, so a figure can be reproduced independently. */
export function describeProtocol(evaluation: Evaluation, ks: readonly number[], seed: number): Record<string, unknown> {
  const { dataset, split } = evaluation;
  const count = (lists: readonly (readonly unknown[])[]): number => lists.reduce((n, list) => n + list.length, 0);
  return {
    positives: dataset.positiveRule,
    split: `per user, positives ordered by timestamp then item id; the last ${TEST_PERCENT}% (rounded up, at least 1) are test, the rest train; users with fewer than ${MIN_POSITIVES_TO_TEST} positives train only`,
    side_events: dataset.sideEventsAllowed
      ? "non-positive events with timestamp <= the user's last training positive"
      : 'none (the positive rule drops all other interactions)',
    candidates: "every item except the user's training positives; equal scores ranked by item id ascending",
    averages: 'over users with at least one test item',
    novelty: 'mean over users of mean -log2((training positives of item + 1) / (users with a training positive + 1)) of the top K',
    coverage: 'distinct items in the top K of evaluated users / items',
    ild: '1 - mean pairwise cosine of item text embeddings in the top K (users with at least 2 items)',
    suitability_violations: dataset.suitability
      ? "share of the top K whose items.csv risk_level exceeds the user's users.csv risk_tolerance (users with a tolerance)"
      : 'not computed: needs users.csv risk_tolerance and items.csv risk_level',
    k: ks,
    seed,
    evaluated_users: split.evaluatedUsers.length,
    train_positives: count(split.train),
    test_positives: count(split.test),
    side_events_count: count(split.sideEvents),
  };
}
