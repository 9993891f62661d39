import { describe, expect, it } from 'vitest';
import { addProfileTerm, aggregationWeights, personFeatures, scoreUserHistory, userRepresentation, type EventWeights } from '../src/engine/gnn/model';
import { createGnnSession } from '../src/engine/gnn/session';
import { FIXED_FEATURES, profileFeatureDim, profileFeatures } from '../src/engine/gnn/profile';
import { GOALS_RANK } from '../tools/train/profile-basis';
import type { SideEvent, TrainingData } from '../src/engine/rank/recommender';
import { propagateMean } from '../tools/eval/baselines/lightgcn';
import type { BprTriples } from '../tools/eval/baselines/mf-bpr';
import { createRng } from '../tools/lib/random';
import { buildAggregation, buildGnnGraph, computeLayer0, createGnn, dropAggregation, exportItemSide, createGnnWorkspace, gnnLossAndGradient, hideHeldOutSideEvents, parameterCount, trainGnn } from '../tools/train/gnn';
import { inGroupPairAccuracy, plantedCommunities, trainingData, USERS_PER_GROUP } from './helpers/planted-communities';

const TINY_GNN = {
  dims: [8],
  layerCounts: [2],
  l2s: [1e-3],
  dropouts: [0],
  texts: [0],
  separates: [1],
  profiles: [1],
  productEdgeWeights: [0],
  halfLivesDays: [0],
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
    expect(model.describe()).toMatch(/^dim=8 layers=2 l2=0\.001 dropout=0 text=0 separate=1 profile=1 productEdges=0 halfLifeDays=0 epochs=\d+ \(validation NDCG@20 0\.\d{4}\)$/);
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
    const config = { dim: 8, layers: 2, l2: 1e-3, dropout: 0.2, text: 0, separate: 1, profile: 0, productEdges: 0 };
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
  ])('back-propagates the exact gradient through %s, the text and the profile projections (finite differences)', (_, separate) => {
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
      // User 1 has no profile: their layer 0 has the bias (the "average person") and their events.
      userProfiles: [
        { riskTolerance: 2, horizonYears: 5, age: 34, goalsEmbedding: Float32Array.from([0.5, -0.5, 0.5, 0.5]) },
        undefined,
        { riskTolerance: 5, horizonYears: 30, age: 61, goalsEmbedding: Float32Array.from([0.8, 0, -0.6, 0]) },
      ],
    };
    const profileDim = profileFeatureDim(textDim);
    // User 1 has no profile: the bias alone.
    const features = data.userProfiles!.map((profile) => (profile ? profileFeatures(profile) : Float32Array.from({ length: profileDim }, (_, f) => (f === 0 ? 1 : 0))));
    const dim = 3;
    const config = { layers: 2, l2: 0.1 };
    const graph = buildGnnGraph(data, { text: 1, separate, profile: 1, productEdges: 0 }, weights);
    const tables = separate ? 2 : 1;
    const parameters = Float64Array.from({ length: parameterCount(graph, dim) }, () => rng.normal() * 0.5);
    expect(parameters.length).toBe((tables * 5 + textDim + profileDim) * dim);
    const pBase = (tables * 5 + textDim) * dim;
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
     * U0 = M·S + F·P, LightGCN mean, BPR + L2 on X0.
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
        for (let f = 0; f < profileDim; f++) for (let c = 0; c < dim; c++) x0[user * dim + c]! += features[user]![f]! * theta[pBase + f * dim + c]!;
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
    const largest = [0, 0, 0, 0];
    for (let index = 0; index < parameters.length; index++) {
      const plus = Float64Array.from(parameters);
      const minus = Float64Array.from(parameters);
      plus[index]! += step;
      minus[index]! -= step;
      const numeric = (referenceLoss(plus) - referenceLoss(minus)) / (2 * step);
      expect(workspace.gradient[index]).toBeCloseTo(numeric, 7);
      const block = index < 5 * dim ? 0 : index < tables * 5 * dim ? 1 : index < pBase ? 2 : 3;
      largest[block] = Math.max(largest[block]!, Math.abs(numeric));
    }
    // Guards against a vacuous check where a block of the gradient (E, Q, W, P) is zero.
    expect(largest[0]).toBeGreaterThan(0.02);
    if (separate) expect(largest[1]).toBeGreaterThan(0.01);
    expect(largest[2]).toBeGreaterThan(0.01);
    expect(largest[3]).toBeGreaterThan(0.01);
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

describe('gnn profile reduction', () => {
  it('exports a full-width profile projection that reproduces the reduced one used in training', () => {
    const rng = createRng(11);
    const embeddingDim = 40;
    const unit = (): Float32Array => {
      const v = Float32Array.from({ length: embeddingDim }, () => rng.normal());
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    };
    const users = 12;
    const data: TrainingData = {
      ...trainingData(users, 4, Array.from({ length: users }, (_, user) => [user % 4]), 1),
      userProfiles: Array.from({ length: users }, (_, user) =>
        user === 3 ? undefined : { riskTolerance: 1 + (user % 5), horizonYears: user * 3, age: 20 + user * 5, goalsEmbedding: unit() },
      ),
    };
    const weights: EventWeights = { positive: 1, click: 0, view: 0 };
    const config = { dim: 6, layers: 1, l2: 0, dropout: 0, text: 0, separate: 1, profile: 1, productEdges: 0 };
    const graph = buildGnnGraph(data, config, weights);
    expect(graph.profileDim).toBe(FIXED_FEATURES + GOALS_RANK);
    const parameters = Float32Array.from({ length: parameterCount(graph, config.dim) }, () => rng.normal());
    const layer0 = new Float32Array((users + 4) * config.dim);
    // Aggregation weights all zero: each user's layer 0 is their profile term alone.
    computeLayer0(graph, parameters, config.dim, new Float32Array(graph.aggregation.weights.length), layer0, new Float32Array(4 * config.dim));
    const itemSide = exportItemSide(graph, parameters, config, { eventWeights: weights, demoteDismissed: true });
    expect(itemSide.profileDim).toBe(profileFeatureDim(embeddingDim));
    data.userProfiles!.forEach((profile, user) => {
      const device = new Float32Array(config.dim);
      addProfileTerm(itemSide, personFeatures(itemSide, profile)!, device);
      for (let c = 0; c < config.dim; c++) expect(device[c]).toBeCloseTo(layer0[user * config.dim + c]!, 4);
    });
  });
});

describe('gnn without profiles in the data', () => {
  it('learns a bias, the "average person", so that someone with no events gets a ranking, not ties', () => {
    const { data } = plantedCommunities(4);
    // Make items 0–2 far more popular: 30 more users who chose them.
    const extra = 30;
    const popular: TrainingData = {
      ...data,
      userCount: data.userCount + extra,
      positives: [...data.positives, ...Array.from({ length: extra }, () => [0, 1, 2])],
      sideEvents: [...data.sideEvents, ...Array.from({ length: extra }, () => [])],
    };
    const config = { dim: 8, layers: 2, l2: 1e-3, dropout: 0, text: 0, separate: 1, profile: 1, productEdges: 0 };
    const model = trainGnn(popular, config, SETTINGS, 60);
    expect(model.itemSide.profileDim).toBe(1);
    const scores = scoreUserHistory(model.itemSide, { positives: [] });
    expect(new Set(scores).size).toBeGreaterThan(1);
    // The bias favours what many people chose.
    const mean = (items: number[]): number => items.reduce((sum, item) => sum + scores[item]!, 0) / items.length;
    expect(mean([0, 1, 2])).toBeGreaterThan(mean([3, 4, 5, 6, 7, 8, 9]));
    expect(mean([0, 1, 2])).toBeGreaterThan(mean([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]));
  });
});

describe('gnn training and the device agree', () => {
  it.each([0, 1])('gives a training user the representation the device computes from their timed events and profile (β = %i)', (beta) => {
    const rng = createRng(3);
    const users = 30;
    const items = 12;
    const embeddingDim = 40;
    const dim = 5;
    const unit = (): Float32Array => {
      const v = Float32Array.from({ length: embeddingDim }, () => rng.normal());
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    };
    const positives = Array.from({ length: users }, (_, user) =>
      user % 7 === 0 ? [] : [...new Set(Array.from({ length: 1 + (user % 4) }, () => Math.floor(rng.next() * items)))],
    );
    // Times half a day apart, so that recency (half-life 1 day) matters.
    const sideEvents: SideEvent[][] = Array.from({ length: users }, (_, user) => [
      { item: (user * 3) % items, event: 'view', timestamp: 1 * 43_200 },
      { item: (user * 5) % items, event: 'click', timestamp: 2 * 43_200 },
      { item: (user * 7) % items, event: 'dismiss', timestamp: 3 * 43_200 },
    ]);
    const positiveTimes = positives.map((list, user) => list.map((_, index) => ((user + index) % 5) * 43_200));
    const itemEmbeddings = new Float32Array(items * embeddingDim);
    for (let item = 0; item < items; item++) itemEmbeddings.set(unit(), item * embeddingDim);
    const data: TrainingData = {
      ...trainingData(users, items, positives, 1),
      sideEvents,
      positiveTimes,
      itemEmbeddings,
      embeddingDim,
      // Every fifth user has no profile (the bias alone); the goals are wider than GOALS_RANK, so training reduces them.
      userProfiles: Array.from({ length: users }, (_, user) =>
        user % 5 === 0 ? undefined : { riskTolerance: 1 + (user % 5), horizonYears: user, age: 20 + user * 2, goalsEmbedding: unit() },
      ),
    };
    const eventWeights: EventWeights = { positive: 1, click: 0.5, view: 0.2, prior: 1, halfLifeDays: 1 };
    const config = { dim, layers: 2, l2: 0, dropout: 0, text: 1, separate: 1, profile: 1, productEdges: beta };
    const graph = buildGnnGraph(data, config, eventWeights);
    const parameters = Float32Array.from({ length: parameterCount(graph, dim) }, () => rng.normal() * 0.3);
    const layer0 = new Float32Array((users + items) * dim);
    computeLayer0(graph, parameters, dim, graph.aggregation.weights, layer0, new Float32Array(items * dim));
    const final = new Float32Array(layer0.length);
    propagateMean(graph.adjacency, layer0, final, dim, config.layers);
    const itemSide = exportItemSide(graph, parameters, config, { eventWeights, demoteDismissed: true });
    for (let user = 0; user < users; user++) {
      const profile = data.userProfiles![user];
      const device = userRepresentation(itemSide, {
        positives: positives[user]!,
        positiveTimes: positiveTimes[user]!,
        sideEvents: sideEvents[user]!,
        ...(profile ? { profile } : {}),
      });
      for (let c = 0; c < dim; c++) expect(device[c]).toBeCloseTo(final[user * dim + c]!, 5);
    }
    for (let index = 0; index < items * dim; index++) expect(itemSide.itemFinal[index]).toBeCloseTo(final[users * dim + index]!, 5);
  });

  it('keeps the event-weight prior when training drops aggregation entries', () => {
    const data = trainingData(1, 4, [[0, 1, 2, 3]], 1);
    const aggregation = buildAggregation(data, { positive: 1, click: 0, view: 0, prior: 1 });
    expect(Array.from(aggregation.weights)).toEqual(new Array<number>(4).fill(Math.fround(0.2)));
    const out = new Float32Array(4);
    // A dropout so small nothing is dropped: the row must stay as the device would compute it.
    dropAggregation(aggregation, 1e-9, createRng(1), out);
    for (const weight of out) expect(weight).toBeCloseTo(0.2, 6);
    // Everything but one entry dropped: that one item alone, 1 / (1 + prior).
    const almostAll = new Float32Array(4);
    dropAggregation(aggregation, 0.999999, createRng(2), almostAll);
    const kept = Array.from(almostAll).filter((weight) => weight > 0);
    for (const weight of kept) expect(weight).toBeCloseTo(1 / (kept.length + 1), 6);
  });
});

describe('recency', () => {
  it('halves an event weight every half-life before the latest event, positives included', () => {
    const day = 86_400;
    const weights: EventWeights = { positive: 1, click: 0.5, view: 0.2, prior: 1, halfLifeDays: 30 };
    const now = 100 * day;
    const row = aggregationWeights(
      {
        positives: [3, 4],
        // Item 4 has no time: it counts as recent.
        positiveTimes: [now - 60 * day],
        sideEvents: [
          { item: 1, event: 'view', timestamp: now },
          { item: 2, event: 'click', timestamp: now - 30 * day },
          // An older, weaker event does not lower what a later one gave.
          { item: 1, event: 'view', timestamp: now - 90 * day },
        ],
      },
      weights,
    );
    // Strengths: 1 → 0.2, 2 → 0.5·½, 3 → 1·¼, 4 → 1; plus the prior 1.
    const total = 0.2 + 0.25 + 0.25 + 1 + 1;
    expect(row.items).toEqual([1, 2, 3, 4]);
    row.weights.forEach((weight, index) => expect(weight).toBeCloseTo([0.2, 0.25, 0.25, 1][index]! / total, 12));
    // Off: the same history weighs by type alone.
    const plain = aggregationWeights({ positives: [3, 4], positiveTimes: [now - 60 * day], sideEvents: [] }, { ...weights, halfLifeDays: 0 });
    expect(plain.weights).toEqual([1 / 3, 1 / 3]);
  });

  it('needs event times in a session when the model weighs recency', () => {
    const model = { ...trainGnn(plantedCommunities(2).data, { dim: 4, layers: 1, l2: 0, dropout: 0, text: 0, separate: 1, profile: 0, productEdges: 0 }, SETTINGS, 2).itemSide };
    const session = createGnnSession({ ...model, eventWeights: { positive: 1, click: 0.5, view: 0.2, halfLifeDays: 30 } });
    expect(() => session.addEvent({ item: 1, event: 'view' })).toThrow(/timestamp/);
    expect(() => createGnnSession(model).addEvent({ item: 1, event: 'view' })).not.toThrow();
  });
});
