import { describe, expect, it } from 'vitest';
import type { Recommender, TrainingData } from '../src/engine/rank/recommender';
import type { Dataset } from '../tools/eval/dataset';
import { evaluateModel, prepareEvaluation, randomExpectation } from '../tools/eval/evaluate';
import {
  accuracyAtK,
  intraListDiversity,
  meanSelfInformation,
  randomAccuracyAtK,
  summariseAtK,
  violationShare,
  type MetricContext,
} from '../tools/eval/metrics';
import { topK } from '../tools/eval/ranking';

const log2 = Math.log2;

describe('accuracyAtK (hand-computed)', () => {
  // Hits at ranks 2 (item 1) and 4 (item 2); item 7 is never recommended.
  const recommended = [3, 1, 4, 2, 0];
  const relevant = new Set([1, 2, 7]);

  it('at K = 5', () => {
    const idealDcg = 1 + 1 / log2(3) + 1 / log2(4);
    const m = accuracyAtK(recommended, relevant, 5)!;
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.ndcg).toBeCloseTo((1 / log2(3) + 1 / log2(5)) / idealDcg, 12);
    expect(m.ndcg).toBeCloseTo(0.498189, 6);
    expect(m.map).toBeCloseTo((1 / 2 + 2 / 4) / 3, 12);
    expect(m.hit).toBe(1);
  });

  it('at K = 2: the ideal DCG and the MAP denominator use min(K, |test|)', () => {
    const m = accuracyAtK(recommended, relevant, 2)!;
    expect(m.recall).toBeCloseTo(1 / 3, 12);
    expect(m.ndcg).toBeCloseTo(1 / log2(3) / (1 + 1 / log2(3)), 12);
    expect(m.map).toBeCloseTo(1 / 2 / 2, 12);
    expect(m.hit).toBe(1);
  });

  it('at K = 1: no hit', () => {
    expect(accuracyAtK(recommended, relevant, 1)).toEqual({ recall: 0, ndcg: 0, map: 0, hit: 0 });
  });

  it('a perfect ranking scores 1', () => {
    expect(accuracyAtK([2, 1, 9], new Set([1, 2]), 3)).toEqual({ recall: 1, ndcg: 1, map: 1, hit: 1 });
  });

  it('is undefined for a user with no test items', () => {
    expect(accuracyAtK([1, 2, 3], new Set(), 3)).toBeUndefined();
  });
});

describe('topK (the ranking rule)', () => {
  it('breaks ties in score by item id ascending and skips excluded items', () => {
    const scores = Float32Array.from([0.5, 0.9, 0.5, 0.9, 0.1, 0.5]);
    const excluded = Uint8Array.from([0, 1, 0, 0, 0, 0]);
    expect([...topK(scores, excluded, 4)]).toEqual([3, 0, 2, 5]);
    expect([...topK(scores, new Uint8Array(6), 2)]).toEqual([1, 3]);
  });

  it('ranks all-equal scores in id order, whatever K', () => {
    const scores = new Float32Array(50);
    expect([...topK(scores, new Uint8Array(50), 5)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('returns every candidate, best first, when K exceeds the candidates', () => {
    const scores = Float32Array.from([0.1, 0.2, 0.3, 0.4]);
    const ranked = topK(scores, Uint8Array.from([0, 0, 0, 1]), 10);
    expect([...ranked]).toEqual([2, 1, 0]);
    // One test item at rank 3 of 3 candidates, K = 10: ideal DCG and MAP over min(10, 1) = 1.
    expect(accuracyAtK(ranked, new Set([0]), 10)).toEqual({ recall: 1, ndcg: 1 / log2(4), map: 1 / 3, hit: 1 });
  });

  it('agrees with a full sort on random scores with many ties', () => {
    const scores = Float32Array.from({ length: 300 }, (_, i) => ((i * 7919) % 13) / 13);
    const excluded = Uint8Array.from({ length: 300 }, (_, i) => (i % 11 === 0 ? 1 : 0));
    const sorted = [...scores.keys()].filter((i) => !excluded[i]).sort((a, b) => scores[b]! - scores[a]! || a - b);
    expect([...topK(scores, excluded, 37)]).toEqual(sorted.slice(0, 37));
  });
});

describe('beyond-accuracy metrics (hand-computed)', () => {
  // Unit vectors: e0 = (1, 0), e1 = (0, 1), e2 = (0.6, 0.8).
  const embeddings = Float32Array.from([1, 0, 0, 1, 0.6, 0.8]);

  it('intra-list diversity is 1 − the mean pairwise cosine', () => {
    expect(intraListDiversity([0, 1, 2], embeddings, 2)).toBeCloseTo(1 - (0 + 0.6 + 0.8) / 3, 6);
    expect(intraListDiversity([0, 1], embeddings, 2)).toBeCloseTo(1, 6);
    expect(intraListDiversity([2], embeddings, 2)).toBeUndefined();
  });

  it('novelty is the mean of −log2((popularity + 1) / (training users + 1))', () => {
    // 3 training users; popularity 3, 1, 0 → p = 4/4, 2/4, 1/4 → 0, 1, 2 bits.
    expect(meanSelfInformation([0, 1, 2], [3, 1, 0], 3)).toBeCloseTo(1, 12);
    expect(meanSelfInformation([], [3, 1, 0], 3)).toBeUndefined();
  });

  it('the suitability violation share counts items whose risk exceeds the tolerance', () => {
    const risk = Float64Array.from([1, 4, 2]);
    expect(violationShare([0, 1, 2], risk, 2)).toBeCloseTo(1 / 3, 12);
    expect(violationShare([0, 1, 2], risk, 4)).toBe(0);
    expect(violationShare([0, 1, 2], risk, Number.NaN)).toBeUndefined();
  });
});

describe('summariseAtK', () => {
  const context: MetricContext = {
    itemCount: 4,
    popularity: [3, 1, 0, 0],
    trainingUsers: 3,
    embeddings: Float32Array.from([1, 0, 0, 1, 0.6, 0.8, 1, 0]),
    dim: 2,
    suitability: { itemRisk: Float64Array.from([1, 4, 2, 5]), userTolerance: Float64Array.from([2, 5, 3]) },
  };

  it('averages over users with at least one test item; the others affect nothing, coverage included', () => {
    const summary = summariseAtK([
      { user: 0, recommended: Int32Array.from([0, 1]), relevant: new Set([1]) },
      { user: 1, recommended: Int32Array.from([2, 3]), relevant: new Set() },
      { user: 2, recommended: Int32Array.from([2, 0]), relevant: new Set([3]) },
    ], 2, context);
    // User 0: hit at rank 2 (recall 1, NDCG 1/log2 3, AP 1/2); user 2: no hit.
    expect(summary.recall).toBeCloseTo(0.5, 12);
    expect(summary.ndcg).toBeCloseTo(1 / log2(3) / 2, 12);
    expect(summary.map).toBeCloseTo(0.25, 12);
    expect(summary.hit).toBeCloseTo(0.5, 12);
    // Items 0, 1 and 2 of 4 (item 3 only reached user 1, who has no test items).
    expect(summary.coverage).toBeCloseTo(3 / 4, 12);
    // ILD: pairs (e0, e1) → 1 − 0; (e2, e0) → 1 − 0.6.
    expect(summary.ild).toBeCloseTo((1 + 0.4) / 2, 6);
    // Novelty: user 0 (0 + 1) / 2 bits; user 2 (2 + 0) / 2 bits.
    expect(summary.novelty).toBeCloseTo((0.5 + 1) / 2, 12);
    // Violations: user 0 (tolerance 2) gets risk 1, 4 → 1/2; user 2 (tolerance 3) gets 2, 1 → 0.
    expect(summary.suitability_violations).toBeCloseTo(0.25, 12);
  });

  it('gives nulls when no user has a test item, and no suitability key without risk data', () => {
    const { suitability: _, ...withoutRisk } = context;
    const summary = summariseAtK([{ user: 0, recommended: Int32Array.from([0]), relevant: new Set() }], 1, withoutRisk);
    expect(summary).toEqual({ recall: null, ndcg: null, map: null, hit: null, coverage: null, ild: null, novelty: null });
  });
});

/** Every ordering of `items`. */
function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}

describe('randomAccuracyAtK (the analytic expectation for the random baseline)', () => {
  it('matches a hand computation: 4 candidates, 1 test item, K = 2', () => {
    const m = randomAccuracyAtK(4, 1, 2);
    expect(m.recall).toBeCloseTo(0.5, 12);
    expect(m.hit).toBeCloseTo(1 - 3 / 6, 12);
    expect(m.ndcg).toBeCloseTo((1 + 1 / log2(3)) / 4, 12);
    expect(m.map).toBeCloseTo((1 + 1 / 2) / 4, 12);
  });

  it.each([[5, 2, 3], [6, 3, 2], [4, 4, 2], [3, 1, 10]])('equals the mean over every ranking of %i candidates with %i test items at K = %i', (candidates, relevantCount, k) => {
    const relevant = new Set(Array.from({ length: relevantCount }, (_, i) => i));
    const all = permutations(Array.from({ length: candidates }, (_, i) => i)).map((ranking) => accuracyAtK(ranking, relevant, k)!);
    const expected = randomAccuracyAtK(candidates, relevantCount, k);
    for (const key of ['recall', 'ndcg', 'map', 'hit'] as const) {
      expect(expected[key]).toBeCloseTo(all.reduce((sum, m) => sum + m[key], 0) / all.length, 12);
    }
  });
});

describe('evaluateModel', () => {
  // Two users, five items. User 0 has positives 0..4 (test: item 4); user 1 has two (train only).
  const dataset: Dataset = {
    name: 'hand',
    userIds: ['a', 'b'],
    itemIds: ['0', '1', '2', '3', '4', '5', '6'],
    itemTexts: ['0', '1', '2', '3', '4', '5', '6'],
    interactions: [
      ...[0, 1, 2, 3, 4].map((item) => ({ user: 0, item, timestamp: item, event: 'favourite' as const })),
      { user: 1, item: 5, timestamp: 1, event: 'purchase' },
      { user: 1, item: 0, timestamp: 2, event: 'purchase' },
    ],
    positiveRule: 'favourite and purchase',
    sideEventsAllowed: true,
  };
  const embeddings = { rows: new Float32Array(7 * 2).fill(Math.SQRT1_2), dim: 2, fromCache: false, encoderDigest: 'test' };

  /** Scores every item 0, so the harness's tie rule alone orders the candidates. */
  const constant: Recommender = {
    name: 'constant',
    fit: (_data: TrainingData) => Promise.resolve(),
    scoreUser: () => new Float32Array(7),
  };

  it('ranks candidates (all items but training positives) by id on equal scores and scores only users with test items', async () => {
    const evaluation = prepareEvaluation(dataset, embeddings, 1);
    const result = await evaluateModel(constant, evaluation, [1, 2]);
    // User 0's candidates are 4, 5, 6 in id order: the test item 4 is first.
    expect(result.metrics['recall@1']).toBe(1);
    expect(result.metrics['ndcg@2']).toBe(1);
    expect(result.metrics['coverage@2']).toBeCloseTo(2 / 7, 12);
    expect(result.metrics['ild@2']).toBeCloseTo(0, 6);
    // Popularity: item 4 has 0 training positives, item 5 has 1, with 2 training users.
    expect(result.metrics['novelty@2']).toBeCloseTo((-log2(1 / 3) - log2(2 / 3)) / 2, 12);
    expect(result.metrics).not.toHaveProperty('suitability_violations@1');
    // One evaluated user: 3 candidates, 1 test item, K = 1 → every expectation is 1/3.
    const expected = randomExpectation(evaluation, [1]);
    for (const key of ['recall@1', 'ndcg@1', 'map@1', 'hit@1']) expect(expected[key]).toBeCloseTo(1 / 3, 12);
  });

  it('rejects a model that returns NaN or the wrong number of scores', async () => {
    const evaluation = prepareEvaluation(dataset, embeddings, 1);
    const nan: Recommender = { ...constant, name: 'nan', scoreUser: () => new Float32Array(7).fill(Number.NaN) };
    await expect(evaluateModel(nan, evaluation, [1])).rejects.toThrow(/Model "nan" returned NaN for item 0/);
    const short: Recommender = { ...constant, name: 'short', scoreUser: () => new Float32Array(3) };
    await expect(evaluateModel(short, evaluation, [1])).rejects.toThrow(/Model "short" returned 3 scores for 7 items/);
  });
});
