import { describe, expect, it } from 'vitest';
import { scoreUserHistory, type EventWeights } from '../src/engine/gnn/model';
import type { SideEvent, TrainingData } from '../src/engine/rank/recommender';
import type { BprTriples } from '../tools/eval/baselines/mf-bpr';
import { createRng } from '../tools/lib/random';
import { buildGnnGraph, createGnn, createGnnWorkspace, gnnLossAndGradient, hideHeldOutSideEvents, parameterCount, trainGnn } from '../tools/train/gnn';
import { inGroupPairAccuracy, plantedCommunities, trainingData, USERS_PER_GROUP } from './helpers/planted-communities';

const TINY_GNN = {
  dims: [8],
  layerCounts: [2],
  l2s: [1e-3],
  dropouts: [0],
  texts: [0],
  separates: [1],
  learningRate: 0.05,
  batchSize: 64,
  maxEpochs: 60,
  evalEvery: 10,
  patience: 2,
};

const SETTINGS = { learningRate: 0.05, batchSize: 64, initStd: 0.1, eventWeights: { positive: 1, click: 0, view: 0 }, demoteDismissed: true };

describe('gnn', () => {
  it('ranks held-out in-group items above out-group items on planted communities', async () => {
    const { data, heldOut } = plantedCommunities(7);
    const model = createGnn(TINY_GNN);
    await model.fit(data);
    expect(model.name).toBe('gnn');
    expect(model.scoreUser(0)).toHaveLength(data.itemCount);
    expect(inGroupPairAccuracy(model, heldOut)).toBeGreaterThan(0.9);
    expect(model.describe()).toMatch(/^dim=8 layers=2 l2=0\.001 dropout=0 text=0 separate=1 epochs=\d+ \(validation NDCG@20 0\.\d{4}\)$/);
  });

  it('gives identical scores for the same seed and different ones for another seed', async () => {
    const scoresFor = async (seed: number): Promise<number[][]> => {
      const model = createGnn(TINY_GNN);
      await model.fit({ ...plantedCommunities(7).data, seed });
      return Array.from({ length: 2 * USERS_PER_GROUP }, (_, user) => Array.from(model.scoreUser(user)));
    };
    const first = await scoresFor(1);
    expect(await scoresFor(1)).toEqual(first);
    expect(await scoresFor(2)).not.toEqual(first);
  });

  it('scores a user unseen in training from their events alone, as it scores an identical training user', () => {
    const { data } = plantedCommunities(3);
    const config = { dim: 8, layers: 2, l2: 1e-3, dropout: 0.2, text: 0, separate: 1 };
    const model = trainGnn(data, config, SETTINGS, 40);
    const trained = model.scoreUser(5);
    // A person not in TrainingData with the same items gets exactly the same scores.
    expect(scoreUserHistory(model.itemSide, { positives: [...data.positives[5]!].reverse() })).toEqual(trained);
    // A new user with three items of the second community ranks its other items above the first's.
    const scores = scoreUserHistory(model.itemSide, { positives: [10, 11, 12] });
    const rest = [13, 14, 15, 16, 17, 18, 19];
    for (const item of rest) for (let other = 0; other < 10; other++) expect(scores[item]).toBeGreaterThan(scores[other]!);
    // Views and clicks alone are enough when they are weighted in; a dismissal is not interest.
    const viewer = { ...model.itemSide, eventWeights: { positive: 1, click: 0.5, view: 0.2 } };
    const events: SideEvent[] = [
      { item: 2, event: 'view', timestamp: 1 },
      { item: 3, event: 'click', timestamp: 2 },
      { item: 14, event: 'dismiss', timestamp: 3 },
    ];
    const viewScores = scoreUserHistory(viewer, { positives: [], sideEvents: events });
    for (let item = 4; item < 10; item++) for (let other = 10; other < 20; other++) expect(viewScores[item]).toBeGreaterThan(viewScores[other]!);
    // A dismissed item ranks below every other item.
    const dismissed = scoreUserHistory(model.itemSide, { positives: [10, 11, 12], sideEvents: [{ item: 13, event: 'dismiss', timestamp: 1 }] });
    for (let other = 0; other < data.itemCount; other++) if (other !== 13) expect(dismissed[13]).toBeLessThan(dismissed[other]!);
    expect(Array.from(scoreUserHistory(model.itemSide, { positives: [] }))).toEqual(new Array<number>(data.itemCount).fill(0));
  });

  it.each([
    ['a separate user-side item table', 1],
    ['the tied item table', 0],
  ])('back-propagates the exact gradient through %s and the text projection (finite differences)', (_, separate) => {
    // Item 4 has no positives: it reaches users only through side events.
    const positives = [[0, 1], [1, 2, 3], [3, 0]];
    const sideEvents: SideEvent[][] = [
      [
        { item: 2, event: 'click', timestamp: 1 },
        { item: 4, event: 'view', timestamp: 2 },
      ],
      [
        { item: 4, event: 'dismiss', timestamp: 1 },
        { item: 0, event: 'view', timestamp: 2 },
      ],
      [{ item: 0, event: 'dismiss', timestamp: 1 }],
    ];
    const weights: EventWeights = { positive: 1, click: 0.5, view: 0.25 };
    const textDim = 4;
    const rng = createRng(5);
    const data: TrainingData = {
      ...trainingData(3, 5, positives, 1),
      sideEvents,
      itemEmbeddings: Float32Array.from({ length: 5 * textDim }, () => rng.normal() * 0.5),
      embeddingDim: textDim,
    };
    const dim = 3;
    const config = { layers: 2, l2: 0.1 };
    const graph = buildGnnGraph(data, { text: 1, separate }, weights);
    const tables = separate ? 2 : 1;
    const parameters = Float64Array.from({ length: parameterCount(graph, dim) }, () => rng.normal() * 0.5);
    expect(parameters.length).toBe((tables * 5 + textDim) * dim);
    const triples: BprTriples = {
      users: Int32Array.from([0, 1, 2, 1]),
      positives: Int32Array.from([1, 3, 0, 2]),
      negatives: Int32Array.from([2, 4, 1, 0]),
    };
    // The aggregation written out by hand from the event rules (dismissed item 4 leaves user 1; user
    // 2's dismissed item 0 stays, being a positive), rounded to float32 as training stores it.
    const aggregation = [
      [[0, 1], [1, 1], [2, 0.5], [4, 0.25]],
      [[0, 0.25], [1, 1], [2, 1], [3, 1]],
      [[0, 1], [3, 1]],
    ].map((row) => {
      const total = row.reduce((sum, [, w]) => sum + w!, 0);
      return row.map(([item, w]) => [item!, Math.fround(w! / total)] as const);
    });

    /**
     * The objective, densely and independently: I0 = E + T·W, S = Q + T·W (separate) or I0 (tied),
     * U0 = M·S, LightGCN mean, BPR + L2 on X0.
     */
    const referenceLoss = (theta: Float64Array): number => {
      const nodes = 8;
      const x0 = new Float64Array(nodes * dim);
      const s = new Float64Array(5 * dim);
      for (let item = 0; item < 5; item++) {
        for (let c = 0; c < dim; c++) {
          let projected = 0;
          for (let t = 0; t < textDim; t++) projected += data.itemEmbeddings[item * textDim + t]! * theta[(tables * 5 + t) * dim + c]!;
          x0[(3 + item) * dim + c] = theta[item * dim + c]! + projected;
          s[item * dim + c] = separate ? theta[(5 + item) * dim + c]! + projected : x0[(3 + item) * dim + c]!;
        }
      }
      aggregation.forEach((row, user) => {
        for (const [item, w] of row) for (let c = 0; c < dim; c++) x0[user * dim + c]! += w * s[item * dim + c]!;
      });
      const itemDegree = [0, 0, 0, 0, 0];
      for (const items of positives) for (const item of items) itemDegree[item]!++;
      const adjacency = Array.from({ length: nodes }, () => new Array<number>(nodes).fill(0));
      positives.forEach((items, user) => {
        for (const item of items) {
          const weight = 1 / Math.sqrt(items.length * itemDegree[item]!);
          adjacency[user]![3 + item] = weight;
          adjacency[3 + item]![user] = weight;
        }
      });
      const final = Float64Array.from(x0);
      let layer = Float64Array.from(x0);
      for (let k = 1; k <= config.layers; k++) {
        const next = new Float64Array(layer.length);
        for (let row = 0; row < nodes; row++) {
          for (let col = 0; col < nodes; col++) for (let c = 0; c < dim; c++) next[row * dim + c]! += adjacency[row]![col]! * layer[col * dim + c]!;
        }
        for (let index = 0; index < final.length; index++) final[index]! += next[index]!;
        layer = next;
      }
      for (let index = 0; index < final.length; index++) final[index]! /= config.layers + 1;
      let loss = 0;
      for (let t = 0; t < triples.users.length; t++) {
        const rows = [triples.users[t]!, 3 + triples.positives[t]!, 3 + triples.negatives[t]!];
        let margin = 0;
        let squaredNorms = 0;
        for (let c = 0; c < dim; c++) {
          margin += final[rows[0]! * dim + c]! * (final[rows[1]! * dim + c]! - final[rows[2]! * dim + c]!);
          for (const row of rows) squaredNorms += x0[row * dim + c]! ** 2;
        }
        loss += Math.log1p(Math.exp(-margin)) + (config.l2 / 2) * squaredNorms;
      }
      return loss / triples.users.length;
    };

    const workspace = createGnnWorkspace(graph, dim, 'float64');
    const loss = gnnLossAndGradient(graph, parameters, dim, config, graph.aggregation.weights, triples, 0, 4, workspace);
    expect(loss).toBeCloseTo(referenceLoss(parameters), 8);

    const step = 1e-6;
    const largest = [0, 0, 0];
    for (let index = 0; index < parameters.length; index++) {
      const plus = Float64Array.from(parameters);
      const minus = Float64Array.from(parameters);
      plus[index]! += step;
      minus[index]! -= step;
      const numeric = (referenceLoss(plus) - referenceLoss(minus)) / (2 * step);
      expect(workspace.gradient[index]).toBeCloseTo(numeric, 7);
      const block = index < 5 * dim ? 0 : index < tables * 5 * dim ? 1 : 2;
      largest[block] = Math.max(largest[block]!, Math.abs(numeric));
    }
    // Guards against a vacuous check where a block of the gradient (E, Q, W) is zero.
    expect(largest[0]).toBeGreaterThan(0.02);
    if (separate) expect(largest[1]).toBeGreaterThan(0.01);
    expect(largest[2]).toBeGreaterThan(0.01);
  });

  it('hides side events on validation items from the tuning data only', () => {
    const full: TrainingData = {
      ...trainingData(2, 4, [[0, 1, 2], [3]], 1),
      sideEvents: [
        [
          { item: 2, event: 'click', timestamp: 1 },
          { item: 3, event: 'view', timestamp: 2 },
        ],
        [{ item: 3, event: 'view', timestamp: 1 }],
      ],
    };
    expect(hideHeldOutSideEvents(full, full)).toBe(full);
    const tuning = { ...full, positives: [[0, 1], [3]] };
    expect(hideHeldOutSideEvents(tuning, full).sideEvents).toEqual([[{ item: 3, event: 'view', timestamp: 2 }], [{ item: 3, event: 'view', timestamp: 1 }]]);
  });
});
