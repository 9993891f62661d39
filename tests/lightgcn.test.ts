import { describe, expect, it } from 'vitest';
import type { TrainingData } from '../src/engine/rank/recommender';
import {
  buildNormalisedAdjacency,
  createLightGcn,
  createLightGcnWorkspace,
  lightGcnLossAndGradient,
  propagateMean,
  trainLightGcn,
} from '../tools/eval/baselines/lightgcn';
import type { BprTriples } from '../tools/eval/baselines/mf-bpr';
import { createRng } from '../tools/lib/random';
import { inGroupPairAccuracy, plantedCommunities, trainingData, USERS_PER_GROUP } from './helpers/planted-communities';


/**
 * The published rule written out densely and independently of the CSR code:
 * F = (1/(K+1)) Σ_k A^k E0 with A[u][i] = A[i][u] = 1/√(|N_u||N_i|).
 */
function denseFinalEmbeddings(data: TrainingData, layer0: Float64Array, dim: number, layers: number): Float64Array {
  const nodes = data.userCount + data.itemCount;
  const itemDegree = new Array<number>(data.itemCount).fill(0);
  for (const items of data.positives) for (const item of items) itemDegree[item]!++;
  const adjacency = Array.from({ length: nodes }, () => new Array<number>(nodes).fill(0));
  data.positives.forEach((items, user) => {
    for (const item of items) {
      const weight = 1 / Math.sqrt(items.length * itemDegree[item]!);
      adjacency[user]![data.userCount + item] = weight;
      adjacency[data.userCount + item]![user] = weight;
    }
  });
  const final = Float64Array.from(layer0);
  let layer = Float64Array.from(layer0);
  for (let k = 1; k <= layers; k++) {
    const next = new Float64Array(layer.length);
    for (let row = 0; row < nodes; row++) {
      for (let col = 0; col < nodes; col++) {
        const weight = adjacency[row]![col]!;
        for (let c = 0; c < dim; c++) next[row * dim + c]! += weight * layer[col * dim + c]!;
      }
    }
    for (let index = 0; index < final.length; index++) final[index]! += next[index]!;
    layer = next;
  }
  return final.map((value) => value / (layers + 1));
}

const TINY_LIGHTGCN = {
  dims: [8],
  layerCounts: [2],
  l2s: [1e-3],
  learningRate: 0.05,
  batchSize: 64,
  maxEpochs: 60,
  evalEvery: 10,
  patience: 2,
};

describe('lightgcn', () => {
  it('ranks held-out in-group items above out-group items on planted communities', async () => {
    const { data, heldOut } = plantedCommunities(7);
    const model = createLightGcn(TINY_LIGHTGCN);
    await model.fit(data);
    expect(model.name).toBe('lightgcn');
    expect(model.scoreUser(0)).toHaveLength(data.itemCount);
    // Chance is 0.5; a model that learnt the communities orders nearly every pair correctly.
    expect(inGroupPairAccuracy(model, heldOut)).toBeGreaterThan(0.9);
    expect(model.describe()).toMatch(/^dim=8 layers=2 l2=0\.001 epochs=\d+ \(validation NDCG@20 0\.\d{4}\)$/);
  });

  it('gives identical scores for the same seed and different ones for another seed', async () => {
    const scoresFor = async (seed: number): Promise<number[][]> => {
      const model = createLightGcn(TINY_LIGHTGCN);
      await model.fit({ ...plantedCommunities(7).data, seed });
      return Array.from({ length: 2 * USERS_PER_GROUP }, (_, user) => Array.from(model.scoreUser(user)));
    };
    const first = await scoresFor(1);
    expect(await scoresFor(1)).toEqual(first);
    expect(await scoresFor(2)).not.toEqual(first);
  });

  it('with 0 layers scores by the dot product of the layer-0 embeddings, like MF', () => {
    const { data } = plantedCommunities(4);
    const dim = 4;
    const model = trainLightGcn(data, { dim, layers: 0, l2: 1e-3 }, { learningRate: 0.05, batchSize: 64, initStd: 0.1 }, 5);
    expect(model.final).toEqual(model.layer0);
    for (const user of [0, 33]) {
      const scores = model.scoreUser(user);
      for (let item = 0; item < data.itemCount; item++) {
        let dot = 0;
        for (let c = 0; c < dim; c++) dot += model.layer0[user * dim + c]! * model.layer0[(data.userCount + item) * dim + c]!;
        expect(scores[item]).toBeCloseTo(dot, 5);
      }
    }
  });

  it('propagates by the published rule (checked against a dense reference)', () => {
    const data = trainingData(3, 4, [[0, 1], [1, 2, 3], [3]], 1);
    const dim = 3;
    const rng = createRng(11);
    const layer0 = Float64Array.from({ length: 7 * dim }, () => rng.normal());
    for (const layers of [0, 1, 2, 3]) {
      const final = new Float64Array(layer0.length);
      propagateMean(buildNormalisedAdjacency(data), layer0, final, dim, layers, [new Float64Array(layer0.length), new Float64Array(layer0.length)]);
      const expected = denseFinalEmbeddings(data, layer0, dim, layers);
      for (let index = 0; index < final.length; index++) expect(final[index]).toBeCloseTo(expected[index]!, 6);
    }
  });

  it('back-propagates the exact gradient through K=2 layers (finite differences)', () => {
    // A tiny graph with an item nobody trains on (item 4), so isolated nodes are covered too.
    const data = trainingData(3, 5, [[0, 1], [1, 2, 3], [3, 0]], 1);
    const dim = 3;
    const config = { layers: 2, l2: 0.1 };
    const rng = createRng(5);
    const layer0 = Float64Array.from({ length: 8 * dim }, () => rng.normal() * 0.5);
    const triples: BprTriples = {
      users: Int32Array.from([0, 1, 2, 1]),
      positives: Int32Array.from([1, 3, 0, 2]),
      negatives: Int32Array.from([2, 4, 1, 0]),
    };

    /** The objective written out independently: mean −log σ(s_ui − s_uj) plus (λ/2)·Σ‖e⁰‖²/B. */
    const referenceLoss = (embeddings: Float64Array): number => {
      const final = denseFinalEmbeddings(data, embeddings, dim, config.layers);
      const row = (node: number, c: number, source: Float64Array): number => source[node * dim + c]!;
      let loss = 0;
      for (let t = 0; t < triples.users.length; t++) {
        const user = triples.users[t]!;
        const positive = data.userCount + triples.positives[t]!;
        const negative = data.userCount + triples.negatives[t]!;
        let margin = 0;
        let squaredNorms = 0;
        for (let c = 0; c < dim; c++) {
          margin += row(user, c, final) * (row(positive, c, final) - row(negative, c, final));
          squaredNorms += row(user, c, embeddings) ** 2 + row(positive, c, embeddings) ** 2 + row(negative, c, embeddings) ** 2;
        }
        loss += Math.log1p(Math.exp(-margin)) + (config.l2 / 2) * squaredNorms;
      }
      return loss / triples.users.length;
    };

    const workspace = createLightGcnWorkspace(layer0.length, 'float64');
    const loss = lightGcnLossAndGradient(buildNormalisedAdjacency(data), layer0, dim, config, data.userCount, triples, 0, 4, workspace);
    expect(loss).toBeCloseTo(referenceLoss(layer0), 9);

    const step = 1e-6;
    let largestGradient = 0;
    for (let index = 0; index < layer0.length; index++) {
      const plus = Float64Array.from(layer0);
      const minus = Float64Array.from(layer0);
      plus[index]! += step;
      minus[index]! -= step;
      const numeric = (referenceLoss(plus) - referenceLoss(minus)) / (2 * step);
      expect(workspace.layer0Gradient[index]).toBeCloseTo(numeric, 7);
      largestGradient = Math.max(largestGradient, Math.abs(numeric));
    }
    // Guards against a vacuous check where every gradient is zero.
    expect(largestGradient).toBeGreaterThan(0.05);
  });
});
