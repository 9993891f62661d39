import { describe, expect, it } from 'vitest';
import type { TrainingData } from '../src/engine/rank/recommender';
import { createMfBpr } from '../tools/eval/baselines/mf-bpr';
import {
  carveValidationSplit,
  createTunedRecommender,
  ndcgAtK,
  topK,
  type TrainFunction,
} from '../tools/eval/baselines/tuning';
import { inGroupPairAccuracy, plantedCommunities, USERS_PER_GROUP } from './helpers/planted-communities';

const TINY_MF = { dims: [8], l2s: [1e-3], learningRate: 0.05, batchSize: 32, maxEpochs: 60, evalEvery: 10, patience: 2 };

describe('mf-bpr', () => {
  it('ranks held-out in-group items above out-group items on planted communities', async () => {
    const { data, heldOut } = plantedCommunities(7);
    const model = createMfBpr(TINY_MF);
    await model.fit(data);
    expect(model.name).toBe('mf-bpr');
    expect(model.scoreUser(0)).toHaveLength(data.itemCount);
    // Chance is 0.5; a model that learnt the communities orders nearly every pair correctly.
    expect(inGroupPairAccuracy(model, heldOut)).toBeGreaterThan(0.9);
  });

  it('gives identical scores for the same seed and different ones for another seed', async () => {
    const scoresFor = async (seed: number): Promise<number[][]> => {
      const model = createMfBpr(TINY_MF);
      await model.fit({ ...plantedCommunities(7).data, seed });
      return Array.from({ length: 2 * USERS_PER_GROUP }, (_, user) => Array.from(model.scoreUser(user)));
    };
    const first = await scoresFor(1);
    expect(await scoresFor(1)).toEqual(first);
    expect(await scoresFor(2)).not.toEqual(first);
  });

  it('reports the configuration it chose from the grid', async () => {
    const model = createMfBpr({ ...TINY_MF, dims: [4, 8], l2s: [1e-3, 1e-2] });
    expect(model.chosen).toBeUndefined();
    expect(() => model.scoreUser(0)).toThrow(/fit/);
    await model.fit(plantedCommunities(3).data);
    expect(model.trials).toHaveLength(4);
    expect(model.chosen).toBe(model.trials[0]);
    expect(model.describe()).toMatch(/^dim=\d+ l2=[\d.e-]+ epochs=\d+ \(validation NDCG@20 0\.\d{4}\)$/);
  });
});

describe('validation split for tuning', () => {
  it('holds out the latest 20% (rounded up) of each user with at least 5 training positives', () => {
    const data = { ...plantedCommunities(1).data, positives: [[5, 3, 9, 1, 7, 2, 8, 4, 6, 0, 11], [4, 2, 6, 1], [3, 1, 2, 0, 4]] };
    const split = carveValidationSplit(data);
    expect(split.validation).toEqual([[6, 0, 11], [], [4]]);
    expect(split.train.positives).toEqual([[5, 3, 9, 1, 7, 2, 8, 4], [4, 2, 6, 1], [3, 1, 2, 0]]);
  });

  it('is a partition of the training positives: validation never contains anything else', () => {
    const { data, heldOut } = plantedCommunities(5);
    const split = carveValidationSplit(data);
    data.positives.forEach((training, user) => {
      const reduced = split.train.positives[user]!;
      const validation = split.validation[user]!;
      for (const item of validation) {
        expect(training).toContain(item);
        expect(reduced).not.toContain(item);
        expect(heldOut[user]).not.toContain(item);
      }
      expect([...reduced, ...validation].sort((a, b) => a - b)).toEqual([...training].sort((a, b) => a - b));
    });
  });

  it('trains candidates only on reduced training positives and refits on exactly the training data', async () => {
    const { data } = plantedCommunities(9);
    const seen: TrainingData[] = [];
    const recordingTrainer: TrainFunction<{ id: number }> = (trainData, _config, maxEpochs, afterEpoch) => {
      seen.push(trainData);
      const scorer = { scoreUser: () => new Float32Array(trainData.itemCount) };
      for (let epoch = 1; epoch <= maxEpochs; epoch++) if (afterEpoch && !afterEpoch(epoch, scorer)) break;
      return scorer;
    };
    const model = createTunedRecommender('recording', [{ id: 1 }, { id: 2 }], recordingTrainer, { maxEpochs: 4, evalEvery: 2, patience: 5 }, (config) => `id=${config.id}`);
    await model.fit(data);
    expect(seen).toHaveLength(3);
    for (const tuningData of seen.slice(0, 2)) {
      tuningData.positives.forEach((items, user) => {
        for (const item of items) expect(data.positives[user]).toContain(item);
        expect(items.length).toBeLessThan(data.positives[user]!.length);
      });
    }
    expect(seen[2]!.positives).toEqual(data.positives);
  });

  it('falls back to the first candidate and the full epoch budget when no user can spare validation positives', async () => {
    const data = { ...plantedCommunities(2).data, positives: plantedCommunities(2).data.positives.map((items) => items.slice(0, 4)) };
    const model = createMfBpr({ ...TINY_MF, dims: [4, 8] });
    await model.fit(data);
    expect(model.chosen).toMatchObject({ config: { dim: 4 }, epochs: TINY_MF.maxEpochs });
    expect(model.describe()).toContain('untuned');
  });
});

describe('validation metric', () => {
  it('breaks score ties by item id and skips excluded items', () => {
    const scores = new Float32Array([0.5, 0.9, 0.5, 0.9, 0.1]);
    expect(topK(scores, new Set([1]), 3)).toEqual([3, 0, 2]);
  });

  it('normalises DCG by the ideal ranking over min(k, relevant) hits', () => {
    expect(ndcgAtK([4, 2, 7], new Set([4, 2]), 3)).toBeCloseTo(1);
    const expected = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
    expect(ndcgAtK([9, 2, 7], new Set([2, 5]), 3)).toBeCloseTo(expected);
    expect(ndcgAtK([9], new Set<number>(), 1)).toBe(0);
  });
});
