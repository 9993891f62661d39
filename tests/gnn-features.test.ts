import { describe, expect, it } from 'vitest';
import { PRODUCT_FEATURE_DIM, productFeatures, type ProductColumns } from '../src/engine/gnn/product-features';
import { ageBand, profileFeatureDim, profileFeatures } from '../src/engine/gnn/profile';
import { contentFeatures } from '../tools/train/gnn';
import { trainingData } from './helpers/planted-communities';

describe('profile features', () => {
  it('lays out bias, risk one-hot, horizon, age band and the goals embedding', () => {
    const goals = Float32Array.from([0.6, 0.8]);
    const features = profileFeatures({ riskTolerance: 3, horizonYears: 40, age: 52, goalsEmbedding: goals });
    expect(features).toHaveLength(profileFeatureDim(2));
    expect(Array.from(features)).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, Math.fround(0.6), Math.fround(0.8)]);
    expect([29, 30, 44, 45, 59, 60, 90].map(ageBand)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    // Out-of-range answers are clamped, not extrapolated.
    const extreme = profileFeatures({ riskTolerance: 9, horizonYears: -3, age: 20, goalsEmbedding: goals });
    expect(extreme[5]).toBe(1);
    expect(extreme[6]).toBe(0);
  });
});

describe('product features', () => {
  const fund: ProductColumns = {
    category: 'funds_etfs',
    risk_level: '4',
    rate_type: 'expected_return',
    return_min: '2',
    return_max: '8',
    term_months: '',
    lockup_months: '0',
    min_amount: '100',
    fee_pct: '1',
    upfront_fee_pct: '0',
    annual_fee: '0',
    liquidity: 'medium',
    goals: 'growth;retirement',
  };

  it('lays out category, risk, rate type, return, term, lock-up, minimum, fees, liquidity and goal tags', () => {
    const features = productFeatures(fund);
    expect(features).toHaveLength(PRODUCT_FEATURE_DIM);
    expect(Array.from(features.subarray(0, 8))).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    expect(features[8]).toBeCloseTo(0.8, 6);
    expect(Array.from(features.subarray(9, 12))).toEqual([1, 0, 0]);
    expect(features[12]).toBeCloseTo(Math.log1p(5) / Math.log1p(30), 6);
    // No term: open-ended flag set; lock-up 0, not until retirement.
    expect(Array.from(features.subarray(13, 17))).toEqual([0, 1, 0, 0]);
    expect(features[17]).toBeCloseTo(Math.log1p(100) / Math.log1p(1_000_000), 6);
    expect(features[18]).toBeCloseTo(0.2, 6);
    expect(features[21]).toBeCloseTo(0.5, 6);
    // Goal tags in GOAL_TAGS order: retirement first, growth fifth.
    expect(Array.from(features.subarray(22)).flatMap((value, index) => (value === 1 ? [index] : []))).toEqual([0, 4]);
    // Every feature stays within [-1, 1], whatever the unit.
    const extreme = productFeatures({ ...fund, min_amount: '1e12', fee_pct: '40', return_min: '-90', return_max: '-70', lockup_months: 'until_retirement' });
    for (const value of extreme) expect(Math.abs(value)).toBeLessThanOrEqual(1);
    expect(extreme[15]).toBe(1);
  });

  it('joins each item text embedding with its attributes as the content features of training', () => {
    const data = {
      ...trainingData(1, 2, [[0]], 1),
      itemEmbeddings: Float32Array.from([1, 0, 0, 1]),
      embeddingDim: 2,
      itemFeatures: Float32Array.from([0.5, 0.25, 0.75, 1]),
      itemFeatureDim: 2,
    };
    const content = contentFeatures(data);
    expect(content.dim).toBe(4);
    expect(Array.from(content.rows)).toEqual([1, 0, 0.5, 0.25, 0, 1, 0.75, 1]);
  });
});
