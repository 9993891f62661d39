/**
 * The protocol's metrics as pure functions (exact definitions in docs/evaluation.md). A ranking is
 * the list of recommended items, best first; `k` cuts it. Averages run over users with at least one
 * test item; users without are skipped, not counted as zero.
 */
import type { Suitability } from './dataset';

export interface AccuracyAtK {
  /** hits / |test items|. */
  readonly recall: number;
  /** DCG with binary relevance over the ideal DCG of min(k, |test items|) hits. */
  readonly ndcg: number;
  /** Sum over hits of precision at the hit's rank, over min(k, |test items|). */
  readonly map: number;
  /** 1 when any test item is in the top k. */
  readonly hit: number;
}

/** 1 / log2(rank + 1) for ranks 1.. — the gain of a hit at that rank. */
function discount(rank: number): number {
  return 1 / Math.log2(rank + 1);
}

/** Accuracy of one user's ranking; undefined for a user with no test items. */
export function accuracyAtK(recommended: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): AccuracyAtK | undefined {
  if (relevant.size === 0) return undefined;
  const depth = Math.min(k, recommended.length);
  let hits = 0;
  let dcg = 0;
  let precisionSum = 0;
  for (let rank = 1; rank <= depth; rank++) {
    if (!relevant.has(recommended[rank - 1]!)) continue;
    hits++;
    dcg += discount(rank);
    precisionSum += hits / rank;
  }
  const idealHits = Math.min(k, relevant.size);
  let idealDcg = 0;
  for (let rank = 1; rank <= idealHits; rank++) idealDcg += discount(rank);
  return { recall: hits / relevant.size, ndcg: dcg / idealDcg, map: precisionSum / idealHits, hit: hits > 0 ? 1 : 0 };
}

/**
 * Expected accuracy of a uniformly random ranking of `candidates` items of which `relevant` are test
 * items (hypergeometric draws): recall n/C with n = min(k, C); hit 1 − C(C−T, n)/C(C, n); DCG and
 * average precision from P(rank r relevant) = T/C and P(ranks r and s both relevant) = T(T−1)/(C(C−1)).
 */
export function randomAccuracyAtK(candidates: number, relevant: number, k: number): AccuracyAtK {
  const depth = Math.min(k, candidates);
  const pOne = relevant / candidates;
  const pTwo = candidates > 1 ? (relevant * (relevant - 1)) / (candidates * (candidates - 1)) : 0;
  let missAll = 1;
  let dcg = 0;
  let precisionSum = 0;
  for (let rank = 1; rank <= depth; rank++) {
    missAll *= (candidates - relevant - (rank - 1)) / (candidates - (rank - 1));
    dcg += pOne * discount(rank);
    precisionSum += (pOne + (rank - 1) * pTwo) / rank;
  }
  const idealHits = Math.min(k, relevant);
  let idealDcg = 0;
  for (let rank = 1; rank <= idealHits; rank++) idealDcg += discount(rank);
  return { recall: depth / candidates, ndcg: dcg / idealDcg, map: precisionSum / idealHits, hit: 1 - Math.max(0, missAll) };
}

/** 1 − mean cosine over pairs of the items' embeddings (unit rows, so cosine is the dot product); undefined below two items. */
export function intraListDiversity(items: ArrayLike<number>, embeddings: Float32Array, dim: number): number | undefined {
  if (items.length < 2) return undefined;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < items.length; a++) {
    const rowA = items[a]! * dim;
    for (let b = a + 1; b < items.length; b++) {
      const rowB = items[b]! * dim;
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += embeddings[rowA + d]! * embeddings[rowB + d]!;
      sum += dot;
      pairs++;
    }
  }
  return 1 - sum / pairs;
}

/**
 * Mean self-information −log2 p of the items, p = (popularity + 1) / (training users + 1): the share
 * of training users with the item as a positive, smoothed so unseen items stay finite. Undefined when empty.
 */
export function meanSelfInformation(items: ArrayLike<number>, popularity: ArrayLike<number>, trainingUsers: number): number | undefined {
  if (items.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < items.length; i++) sum -= Math.log2((popularity[items[i]!]! + 1) / (trainingUsers + 1));
  return sum / items.length;
}

/** Share of the items whose risk level is above `tolerance`; undefined when empty or the tolerance is unknown (NaN). */
export function violationShare(items: ArrayLike<number>, itemRisk: Float64Array, tolerance: number): number | undefined {
  if (items.length === 0 || Number.isNaN(tolerance)) return undefined;
  let violations = 0;
  for (let i = 0; i < items.length; i++) if (itemRisk[items[i]!]! > tolerance) violations++;
  return violations / items.length;
}

export interface UserRanking {
  readonly user: number;
  /** Recommended items, best first; may be shorter than k when there are fewer candidates. */
  readonly recommended: Int32Array;
  /** The user's test items. */
  readonly relevant: ReadonlySet<number>;
}

export interface MetricContext {
  readonly itemCount: number;
  /** Per item, its number of training positives. */
  readonly popularity: ArrayLike<number>;
  /** Users with at least one training positive. */
  readonly trainingUsers: number;
  /** Unit item embeddings, `itemCount × dim` row-major. */
  readonly embeddings: Float32Array;
  readonly dim: number;
  readonly suitability?: Suitability;
}

export const METRIC_NAMES = ['recall', 'ndcg', 'map', 'hit', 'coverage', 'ild', 'novelty', 'suitability_violations'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Every metric at `k`; null where no user qualifies; `suitability_violations` only when the context has suitability. */
export type MetricsAtK = Partial<Record<MetricName, number | null>>;

class Mean {
  private sum = 0;
  private count = 0;

  add(value: number | undefined): void {
    if (value === undefined) return;
    this.sum += value;
    this.count++;
  }

  get value(): number | null {
    return this.count > 0 ? this.sum / this.count : null;
  }
}

/** Averages every metric at `k` over the users with at least one test item. */
export function summariseAtK(rankings: readonly UserRanking[], k: number, context: MetricContext): MetricsAtK {
  const means = { recall: new Mean(), ndcg: new Mean(), map: new Mean(), hit: new Mean(), ild: new Mean(), novelty: new Mean(), violations: new Mean() };
  const recommendedOnce = new Uint8Array(context.itemCount);
  for (const { user, recommended, relevant } of rankings) {
    const accuracy = accuracyAtK(recommended, relevant, k);
    if (!accuracy) continue;
    const top = recommended.subarray(0, k);
    means.recall.add(accuracy.recall);
    means.ndcg.add(accuracy.ndcg);
    means.map.add(accuracy.map);
    means.hit.add(accuracy.hit);
    means.ild.add(intraListDiversity(top, context.embeddings, context.dim));
    means.novelty.add(meanSelfInformation(top, context.popularity, context.trainingUsers));
    if (context.suitability) means.violations.add(violationShare(top, context.suitability.itemRisk, context.suitability.userTolerance[user]!));
    for (const item of top) recommendedOnce[item] = 1;
  }
  const covered = recommendedOnce.reduce((n, flag) => n + flag, 0);
  return {
    recall: means.recall.value,
    ndcg: means.ndcg.value,
    map: means.map.value,
    hit: means.hit.value,
    coverage: means.recall.value === null ? null : covered / context.itemCount,
    ild: means.ild.value,
    novelty: means.novelty.value,
    ...(context.suitability ? { suitability_violations: means.violations.value } : {}),
  };
}
