/**
 * Training of the inductive GNN (`gnn`; the model is described in docs/gnn.md), INMO /
 * inductive-LightGCN style, with no per-user parameters. Trained parameters θ = [E ; Q ; W ; P], all
 * per item or shared: an item embedding table E (`itemCount × dim`); optionally (`separate`) a
 * second item table Q, what an item says about the taste of a user who chose it (FISM / INMO
 * "template" style); optionally (`text`) a projection W of the items' content features T (text
 * embedding ⊕ structured attributes); optionally (`profile`) a projection P of the users' profile
 * features F.
 *
 *   I0 = E + T·W                       item layer 0
 *   S  = Q + T·W  (separate)  or  I0 (tied)       what users aggregate
 *   U0 = M·S + F·P                     user layer 0: M[u][i] = event weight / (row sum + prior)
 *   X0 = [U0 ; I0],  F' = (1/(K+1)) Σ_k A^k X0    propagation, A symmetric normalised (adjacency.ts)
 *   L  = mean BPR(F') + (λ/2)·Σ_batch ‖X0 row‖²/B
 *
 * Backward: ∂L/∂X0 = (1/(K+1)) Σ_k A^k ∂L/∂F' (A = Aᵀ) plus the L2 term; because users are derived
 * from their items, the gradient reaches the item tables through both sides:
 *   ∂L/∂S = Mᵀ·∂L/∂X0[users];  separate: ∂L/∂E = ∂L/∂X0[items], ∂L/∂Q = ∂L/∂S;
 *   tied: ∂L/∂E = ∂L/∂X0[items] + ∂L/∂S;  ∂L/∂W = Tᵀ·(∂L/∂X0[items] + ∂L/∂S);  ∂L/∂P = Fᵀ·∂L/∂X0[users].
 * (tests/gnn.test.ts checks this against finite differences.) During training each aggregation
 * entry of M may be dropped (rate `dropout`, re-normalised).
 *
 * Event weights of M (fixed a priori, not tuned: the validation split is not clean for side
 * events, since the side events of the training period include views and clicks of the held-out
 * items before they were bought): favourite/purchase 1, click 0.5, view 0.2, prior 1; a dismissed
 * item (not a positive) is left out of M and ranked last at scoring time.
 *
 * After training the item side is propagated once more (with `spmm`) and handed to
 * `src/engine/gnn/model.ts`, which scores any user, seen or not, from their events and profile.
 */
import { buildCsr } from '../../src/engine/graph/csr-builder';
import { aggregationWeights, scoreUserHistory, type EventWeights, type GnnItemSide, type UserHistory } from '../../src/engine/gnn/model';
import { biasOnlyFeatures, FIXED_FEATURES, profileFeatureDim, profileFeatures } from '../../src/engine/gnn/profile';
import { spmm } from '../../src/engine/gnn/spmm-cpu';
import type { NewUser, TrainingData } from '../../src/engine/rank/recommender';
import { decodeGnnModel, encodeGnnModel } from '../../src/engine/gnn/artefact';
import { propagateMean } from '../eval/baselines/lightgcn';
import { buildGnnAdjacency, productEdges, type GnnAdjacency } from './adjacency';
import { expandProjection, GOALS_RANK, principalBasis, reduceFeatures, type ProfileBasis } from './profile-basis';
import {
  accumulateBprGradient,
  accumulateL2Gradient,
  Adam,
  BprSampler,
  type BprScheduleOptions,
  type BprTrainingSettings,
  type BprTriples,
  type FloatArray,
} from '../eval/baselines/mf-bpr';
import { createTunedRecommender, gridOf, type TrainFunction, type TunedRecommender, type UserScorer } from '../eval/baselines/tuning';
import { createRng, type Rng } from '../lib/random';

export interface GnnConfig {
  readonly dim: number;
  readonly layers: number;
  readonly l2: number;
  /** Share of a user's aggregation entries dropped in each training step (0 = none). */
  readonly dropout: number;
  /** 1: item layer 0 adds a learned projection W of the content features (text embedding ⊕ structured attributes); 0: item table only. */
  readonly text: number;
  /** 1: users aggregate a separate item table Q (FISM / INMO style); 0: the items' own layer 0. */
  readonly separate: number;
  /** 1: a user's layer 0 adds a learned projection P of their profile features (where the data has profiles). */
  readonly profile: number;
  /** β, the weight of product–product edges (text kNN and co-interaction) against user–product edges; 0 = none. */
  readonly productEdges: number;
  /** Recency half-life of the event weights in days (`EventWeights.halfLifeDays`); 0 or absent = off. */
  readonly halfLifeDays?: number;
}

export interface GnnOptions extends BprScheduleOptions {
  readonly dims: readonly number[];
  readonly layerCounts: readonly number[];
  readonly l2s: readonly number[];
  readonly dropouts: readonly number[];
  readonly texts: readonly number[];
  readonly separates: readonly number[];
  readonly profiles: readonly number[];
  readonly productEdgeWeights: readonly number[];
  readonly halfLivesDays: readonly number[];
  readonly eventWeights: EventWeights;
  /** See `GnnItemSide.demoteDismissed`. */
  readonly demoteDismissed: boolean;
}

/**
 * Defaults chosen on validation NDCG only (ML-100K and demo validation splits): a separate
 * user-side table beat the tied one on ML-100K validation once trained long enough (0.1771 vs
 * 0.1734); two layers beat three (0.1769 vs 0.1751); l2 = 1e-2, item dropout and the text
 * projection never won; learning rate 0.1 reaches the 0.05 plateau in half the epochs, which keeps
 * tuning within the time budget. A recency half-life of 30 days beat none and 90 days on both
 * validation splits (demo 0.5283 vs 0.5216 and 0.5226; ML-100K 0.1816 vs 0.1810 and 0.1801), so it
 * is fixed rather than tuned, which would double the training time.
 */
export const DEFAULT_GNN_OPTIONS: GnnOptions = {
  dims: [64],
  layerCounts: [2, 3],
  l2s: [1e-3],
  dropouts: [0],
  texts: [0],
  separates: [1],
  profiles: [1],
  productEdgeWeights: [0, 1],
  halfLivesDays: [30],
  eventWeights: { positive: 1, click: 0.5, view: 0.2, prior: 1 },
  demoteDismissed: true,
  learningRate: 0.1,
  batchSize: Number.POSITIVE_INFINITY,
  initStd: 0.1,
  maxEpochs: 400,
  evalEvery: 20,
  patience: 3,
};

/** The users' layer-0 aggregation matrix M in CSR form (user rows, item columns). */
export interface Aggregation {
  readonly rowStart: Int32Array;
  readonly items: Int32Array;
  /** Full weights (each row sums to at most 1: the event-weight prior takes the rest; or is empty). */
  readonly weights: Float32Array;
}

export function buildAggregation(data: TrainingData, eventWeights: EventWeights): Aggregation {
  const rows = data.positives.map((_, user) => aggregationWeights(historyOf(data, user), eventWeights));
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((row, user) => (rowStart[user + 1] = rowStart[user]! + row.items.length));
  const items = new Int32Array(rowStart[rows.length]!);
  const weights = new Float32Array(items.length);
  rows.forEach((row, user) => {
    items.set(row.items, rowStart[user]);
    weights.set(row.weights, rowStart[user]);
  });
  return { rowStart, items, weights };
}

/** Weights of M for one step: entries dropped with probability `dropout`, rows re-normalised as the device would normalise the kept events. */
export function dropAggregation(aggregation: Aggregation, dropout: number, rng: Rng, out: Float32Array): void {
  if (dropout <= 0) {
    out.set(aggregation.weights);
    return;
  }
  const { rowStart, weights } = aggregation;
  for (let user = 0; user + 1 < rowStart.length; user++) {
    let total = 0;
    let kept = 0;
    for (let entry = rowStart[user]!; entry < rowStart[user + 1]!; entry++) {
      const weight = rng.next() >= dropout ? weights[entry]! : 0;
      out[entry] = weight;
      total += weights[entry]!;
      kept += weight;
    }
    // Stored weights are r_i/(R + prior); the kept ones become r_i/(R_kept + prior), keeping the prior's share 1 − total.
    const normaliser = kept + (1 - total);
    for (let entry = rowStart[user]!; entry < rowStart[user + 1]!; entry++) out[entry] = normaliser > 0 ? out[entry]! / normaliser : 0;
  }
}

/** Everything fixed during training: graph, aggregation pattern, text embeddings. */
export interface GnnGraph {
  readonly userCount: number;
  readonly itemCount: number;
  readonly adjacency: GnnAdjacency;
  readonly aggregation: Aggregation;
  /** `itemCount × textDim`, or empty when text is off. */
  readonly text: Float32Array;
  readonly textDim: number;
  /** Users aggregate a separate item table Q (item-as-evidence) rather than the items' own layer 0. */
  readonly separateUserTable: boolean;
  /**
   * `userCount × profileDim` profile features (`profile.ts`, the goals embedding reduced by
   * `profileBasis` when there is one; the bias alone for a user without a profile), or empty when the model takes no profile.
   */
  readonly profiles: Float32Array;
  readonly profileDim: number;
  readonly profileBasis?: ProfileBasis;
}

/**
 * The profile feature matrix of `data` for training (`userCount × profileDim`), with the goals
 * embedding reduced to its principal directions when it is wider than `GOALS_RANK`. A user without
 * a profile has the bias alone; with no profiles in the data at all, the bias is the only feature.
 */
export function profileMatrix(data: TrainingData): Pick<GnnGraph, 'profiles' | 'profileDim' | 'profileBasis'> {
  const first = data.userProfiles?.find((profile) => profile !== undefined);
  // No profiles in the data: every user takes the bias alone, a learned "average person".
  if (!data.userProfiles || !first) return { profiles: new Float32Array(data.userCount).fill(1), profileDim: 1 };
  const embeddingDim = first.goalsEmbedding.length;
  const fullDim = profileFeatureDim(embeddingDim);
  const full = new Float32Array(data.userCount * fullDim);
  const goals = new Float32Array(data.userCount * embeddingDim);
  for (let user = 0; user < data.userCount; user++) {
    const profile = data.userProfiles[user];
    const row = full.subarray(user * fullDim, (user + 1) * fullDim);
    if (!profile) {
      row.set(biasOnlyFeatures(fullDim));
      continue;
    }
    profileFeatures(profile, row);
    goals.set(profile.goalsEmbedding, user * embeddingDim);
  }
  if (embeddingDim <= GOALS_RANK) return { profiles: full, profileDim: fullDim };
  const profileBasis = principalBasis(goals, data.userCount, embeddingDim, GOALS_RANK, data.seed);
  return { profiles: reduceFeatures(full, data.userCount, profileBasis), profileDim: FIXED_FEATURES + GOALS_RANK, profileBasis };
}

/** The product node's input features: its text embedding joined with its structured attributes, where the data has them. */
export function contentFeatures(data: TrainingData): { readonly rows: Float32Array; readonly dim: number } {
  const attributeDim = data.itemFeatures ? (data.itemFeatureDim ?? 0) : 0;
  const dim = data.embeddingDim + attributeDim;
  if (attributeDim === 0 || !data.itemFeatures) return { rows: data.itemEmbeddings, dim: data.embeddingDim };
  const rows = new Float32Array(data.itemCount * dim);
  for (let item = 0; item < data.itemCount; item++) {
    rows.set(data.itemEmbeddings.subarray(item * data.embeddingDim, (item + 1) * data.embeddingDim), item * dim);
    rows.set(data.itemFeatures.subarray(item * attributeDim, (item + 1) * attributeDim), item * dim + data.embeddingDim);
  }
  return { rows, dim };
}

export function buildGnnGraph(
  data: TrainingData,
  config: Pick<GnnConfig, 'text' | 'separate' | 'profile' | 'productEdges'>,
  eventWeights: EventWeights,
): GnnGraph {
  const content = config.text > 0 ? contentFeatures(data) : { rows: new Float32Array(0), dim: 0 };
  const noProfiles = { profiles: new Float32Array(0), profileDim: 0 };
  return {
    ...(config.profile > 0 ? profileMatrix(data) : noProfiles),
    userCount: data.userCount,
    itemCount: data.itemCount,
    adjacency: buildGnnAdjacency(data, config.productEdges > 0 ? productEdges(data) : undefined, config.productEdges),
    aggregation: buildAggregation(data, eventWeights),
    text: content.rows,
    textDim: content.dim,
    separateUserTable: config.separate > 0,
  };
}

export interface GnnWorkspace {
  readonly layer0: FloatArray;
  readonly final: FloatArray;
  readonly finalGradient: FloatArray;
  readonly layer0Gradient: FloatArray;
  readonly scratch: readonly [FloatArray, FloatArray];
  /** Gradient of θ = [E ; Q ; W ; P]. */
  readonly gradient: FloatArray;
  /** The aggregation source S and its gradient, `itemCount × dim`. */
  readonly source: FloatArray;
  readonly sourceGradient: FloatArray;
}

export function createGnnWorkspace(graph: GnnGraph, dim: number, precision: 'float32' | 'float64' = 'float32'): GnnWorkspace {
  const nodes = (graph.userCount + graph.itemCount) * dim;
  const allocate = (size: number): FloatArray => (precision === 'float32' ? new Float32Array(size) : new Float64Array(size));
  return {
    layer0: allocate(nodes),
    final: allocate(nodes),
    finalGradient: allocate(nodes),
    layer0Gradient: allocate(nodes),
    scratch: [allocate(nodes), allocate(nodes)],
    gradient: allocate(parameterCount(graph, dim)),
    source: allocate(graph.itemCount * dim),
    sourceGradient: allocate(graph.itemCount * dim),
  };
}

/** θ = [E ; Q (separate) ; W (text) ; P (profile)], each `rows × dim`. */
export function parameterCount(graph: GnnGraph, dim: number): number {
  return ((graph.separateUserTable ? 2 : 1) * graph.itemCount + graph.textDim + graph.profileDim) * dim;
}

/** Offset of the profile projection P in θ. */
function profileOffset(graph: GnnGraph, dim: number): number {
  return ((graph.separateUserTable ? 2 : 1) * graph.itemCount + graph.textDim) * dim;
}

/**
 * X0 = [M·S ; I0] with I0 = E + T·W and the aggregation source S = Q + T·W (separate user-side
 * table) or S = I0 (tied), written into `layer0` (`(userCount + itemCount) × dim`) and `source`.
 */
export function computeLayer0(
  graph: GnnGraph,
  parameters: FloatArray,
  dim: number,
  mWeights: ArrayLike<number>,
  layer0: FloatArray,
  source: FloatArray,
): void {
  const { userCount, itemCount, text, textDim, aggregation, separateUserTable } = graph;
  const itemBase = userCount * dim;
  const size = itemCount * dim;
  source.fill(0);
  // T·W, the text's share of every item's layer 0.
  if (textDim > 0) addFeaturesTimesMatrix(text, itemCount, textDim, parameters, (separateUserTable ? 2 : 1) * size, source, dim);
  for (let index = 0; index < size; index++) layer0[itemBase + index] = parameters[index]! + source[index]!;
  if (separateUserTable) for (let index = 0; index < size; index++) source[index]! += parameters[size + index]!;
  else for (let index = 0; index < size; index++) source[index] = layer0[itemBase + index]!;
  for (let user = 0; user < userCount; user++) {
    const out = user * dim;
    for (let c = 0; c < dim; c++) layer0[out + c] = 0;
    for (let entry = aggregation.rowStart[user]!; entry < aggregation.rowStart[user + 1]!; entry++) {
      const weight = mWeights[entry]!;
      if (weight === 0) continue;
      const from = aggregation.items[entry]! * dim;
      for (let c = 0; c < dim; c++) layer0[out + c]! += weight * source[from + c]!;
    }
  }
  // U0 += F·P: the profile's share of a user's layer 0.
  if (graph.profileDim > 0) addFeaturesTimesMatrix(graph.profiles, userCount, graph.profileDim, parameters, profileOffset(graph, dim), layer0, dim);
}

/** out[r] += Σ_f features[r][f] · θ[offset + f·dim …] for the `rows × featureDim` features (rows of `out` from 0). */
function addFeaturesTimesMatrix(features: ArrayLike<number>, rows: number, featureDim: number, parameters: FloatArray, offset: number, out: FloatArray, dim: number): void {
  for (let row = 0; row < rows; row++) {
    const to = row * dim;
    for (let f = 0; f < featureDim; f++) {
      const value = features[row * featureDim + f]!;
      if (value === 0) continue;
      const from = offset + f * dim;
      for (let c = 0; c < dim; c++) out[to + c]! += value * parameters[from + c]!;
    }
  }
}

/** ∂θ[offset + f·dim …] = Σ_r features[r][f] · upstream[r] (the transpose of `addFeaturesTimesMatrix`), overwriting that block. */
function featuresTransposeTimes(features: ArrayLike<number>, rows: number, featureDim: number, upstream: ArrayLike<number>, gradient: FloatArray, offset: number, dim: number): void {
  gradient.fill(0, offset, offset + featureDim * dim);
  for (let row = 0; row < rows; row++) {
    const from = row * dim;
    for (let f = 0; f < featureDim; f++) {
      const value = features[row * featureDim + f]!;
      if (value === 0) continue;
      const to = offset + f * dim;
      for (let c = 0; c < dim; c++) gradient[to + c]! += value * upstream[from + c]!;
    }
  }
}

/**
 * Loss of triples `start..end` and its gradient with respect to θ = [E ; Q ; W ; P], left in
 * `workspace.gradient` (see the file comment for the derivation).
 */
export function gnnLossAndGradient(
  graph: GnnGraph,
  parameters: FloatArray,
  dim: number,
  config: Pick<GnnConfig, 'layers' | 'l2'>,
  mWeights: ArrayLike<number>,
  triples: BprTriples,
  start: number,
  end: number,
  workspace: GnnWorkspace,
): number {
  const { userCount, itemCount, textDim, text, aggregation, separateUserTable } = graph;
  computeLayer0(graph, parameters, dim, mWeights, workspace.layer0, workspace.source);
  propagateMean(graph.adjacency, workspace.layer0, workspace.final, dim, config.layers, workspace.scratch);
  workspace.finalGradient.fill(0);
  let loss = accumulateBprGradient(workspace.final, workspace.finalGradient, dim, userCount, triples, start, end);
  propagateMean(graph.adjacency, workspace.finalGradient, workspace.layer0Gradient, dim, config.layers, workspace.scratch);
  loss += accumulateL2Gradient(workspace.layer0, workspace.layer0Gradient, dim, userCount, config.l2, triples, start, end);
  const gradient = workspace.gradient;
  const g0 = workspace.layer0Gradient;
  const size = itemCount * dim;
  // ∂L/∂S = Mᵀ·∂L/∂X0[users]: users are derived from their items.
  const gs = workspace.sourceGradient;
  gs.fill(0);
  for (let user = 0; user < userCount; user++) {
    const from = user * dim;
    for (let entry = aggregation.rowStart[user]!; entry < aggregation.rowStart[user + 1]!; entry++) {
      const weight = mWeights[entry]!;
      if (weight === 0) continue;
      const out = aggregation.items[entry]! * dim;
      for (let c = 0; c < dim; c++) gs[out + c]! += weight * g0[from + c]!;
    }
  }
  // ∂L/∂E = ∂L/∂X0[items] (+ ∂L/∂S when tied); ∂L/∂Q = ∂L/∂S when separate.
  const itemBase = userCount * dim;
  for (let index = 0; index < size; index++) gradient[index] = g0[itemBase + index]! + (separateUserTable ? 0 : gs[index]!);
  if (separateUserTable) for (let index = 0; index < size; index++) gradient[size + index] = gs[index]!;
  if (textDim > 0) {
    // ∂L/∂W = Tᵀ·(∂L/∂I0 + ∂L/∂S) when separate, Tᵀ·∂L/∂E when tied (there ∂L/∂E already holds both).
    const upstream = gradient.slice(0, size);
    if (separateUserTable) for (let index = 0; index < size; index++) upstream[index]! += gradient[size + index]!;
    featuresTransposeTimes(text, itemCount, textDim, upstream, gradient, (separateUserTable ? 2 : 1) * size, dim);
  }
  // ∂L/∂P = Fᵀ·∂L/∂X0[users].
  if (graph.profileDim > 0) featuresTransposeTimes(graph.profiles, userCount, graph.profileDim, g0, gradient, profileOffset(graph, dim), dim);
  return loss;
}

/** Propagates the trained item side over the training graph with `spmm` and packs it for the device. */
export function exportItemSide(
  graph: GnnGraph,
  parameters: Float32Array,
  config: GnnConfig,
  settings: Pick<GnnOptions, 'eventWeights' | 'demoteDismissed'>,
): GnnItemSide {
  const { userCount, itemCount } = graph;
  const { dim, layers } = config;
  const nodes = userCount + itemCount;
  const { rowStart, columns, weights } = graph.adjacency;
  const target = new Int32Array(columns.length);
  for (let row = 0; row < nodes; row++) target.fill(row, rowStart[row], rowStart[row + 1]);
  const matrix = buildCsr(nodes, nodes, { target, source: columns, weight: weights });
  const layer0 = new Float32Array(nodes * dim);
  const source = new Float32Array(itemCount * dim);
  computeLayer0(graph, parameters, dim, graph.aggregation.weights, layer0, source);
  const itemRows = (x: Float32Array): Float32Array => x.slice(userCount * dim);
  const itemLayers: Float32Array[] = [];
  const itemFinal = itemRows(layer0);
  let current: Float32Array = layer0;
  for (let layer = 1; layer <= layers; layer++) {
    itemLayers.push(itemRows(current));
    current = spmm(matrix, current, dim);
    const items = itemRows(current);
    for (let index = 0; index < itemFinal.length; index++) itemFinal[index] = itemFinal[index]! + items[index]!;
  }
  if (layers === 0) itemLayers.push(itemRows(layer0));
  for (let index = 0; index < itemFinal.length; index++) itemFinal[index] = itemFinal[index]! / (layers + 1);
  const pBase = profileOffset(graph, dim);
  const projection = parameters.subarray(pBase, pBase + graph.profileDim * dim);
  const profileProjection = graph.profileBasis ? expandProjection(projection, graph.profileBasis, dim) : projection.slice();
  return {
    itemCount,
    dim,
    layers,
    profileDim: profileProjection.length / dim,
    profileProjection,
    aggregationSource: source,
    itemLayers,
    itemFinal,
    itemDegree: graph.adjacency.itemDegree,
    eventWeights: settings.eventWeights,
    demoteDismissed: settings.demoteDismissed,
  };
}

/** A trained GNN: its parameters, the device-side item model, and scoring through that model. */
export interface GnnModel extends UserScorer {
  readonly parameters: Float32Array;
  readonly itemSide: GnnItemSide;
}

/**
 * Trains the GNN with one configuration, seeded by `data.seed`; full-graph steps with Adam on θ.
 * Both the model passed to `afterEpoch` (validation) and the returned one score through
 * `src/engine/gnn/model.ts`, so tuning measures exactly what the device will run.
 */
export function trainGnn(
  data: TrainingData,
  config: GnnConfig,
  settings: BprTrainingSettings & Pick<GnnOptions, 'eventWeights' | 'demoteDismissed'>,
  epochs: number,
  afterEpoch?: (epoch: number, model: UserScorer) => boolean,
): GnnModel {
  const rng = createRng(data.seed);
  // The configuration's half-life joins the fixed event weights: the device reads it from there.
  const withRecency = { ...settings, eventWeights: { ...settings.eventWeights, halfLifeDays: config.halfLifeDays ?? 0 } };
  const graph = buildGnnGraph(data, config, withRecency.eventWeights);
  const parameters = new Float32Array(parameterCount(graph, config.dim));
  for (let index = 0; index < parameters.length; index++) parameters[index] = rng.normal() * settings.initStd;
  const sampler = new BprSampler(data, rng);
  const workspace = createGnnWorkspace(graph, config.dim);
  const optimiser = new Adam(parameters.length, settings.learningRate);
  const mWeights = new Float32Array(graph.aggregation.weights.length);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    sampler.nextEpoch();
    for (let start = 0; start < sampler.size; start += settings.batchSize) {
      const end = Math.min(sampler.size, start + settings.batchSize);
      dropAggregation(graph.aggregation, config.dropout, rng, mWeights);
      gnnLossAndGradient(graph, parameters, config.dim, config, mWeights, sampler, start, end, workspace);
      optimiser.update(parameters, workspace.gradient);
    }
    if (afterEpoch && !afterEpoch(epoch, deviceModel(data, graph, parameters, config, withRecency))) break;
  }
  return deviceModel(data, graph, parameters, config, withRecency);
}

/** A training user's events and profile, as the device would hold them. */
export function historyOf(data: TrainingData, user: number): UserHistory {
  const profile = data.userProfiles?.[user];
  const times = data.positiveTimes?.[user];
  const events = { positives: data.positives[user] ?? [], sideEvents: data.sideEvents[user] ?? [], ...(times ? { positiveTimes: times } : {}) };
  return profile ? { ...events, profile } : events;
}

/** Scores every user through the device path (`model.ts`) with a snapshot of the item side. */
function deviceModel(
  data: TrainingData,
  graph: GnnGraph,
  parameters: Float32Array,
  config: GnnConfig,
  settings: Pick<GnnOptions, 'eventWeights' | 'demoteDismissed'>,
): GnnModel {
  const itemSide = exportItemSide(graph, parameters, config, settings);
  return {
    parameters: parameters.slice(),
    itemSide,
    scoreUser: (user) => scoreUserHistory(itemSide, historyOf(data, user)),
  };
}

/**
 * The tuning data with side events on each user's held-out (validation) items removed. The side
 * events of the training period include views and clicks of the held-out items before they were
 * bought, which at test time lie mostly after the cut-off; left in, they let validation reward a
 * model for finding items the user already looked at, and tuning chose badly (demo: validation
 * NDCG@20 0.58, test NDCG@10 0.42).
 */
export function hideHeldOutSideEvents(tuningData: TrainingData, full: TrainingData): TrainingData {
  if (tuningData === full) return full;
  const sideEvents = tuningData.sideEvents.map((events, user) => {
    const kept = new Set(tuningData.positives[user] ?? []);
    const heldOut = new Set((full.positives[user] ?? []).filter((item) => !kept.has(item)));
    return heldOut.size === 0 ? events : events.filter((event) => !heldOut.has(event.item));
  });
  return { ...tuningData, sideEvents };
}

/** The `gnn` recommender, with access to the device model it ended up with. */
export interface GnnRecommender extends TunedRecommender<GnnConfig> {
  /** After `fit`: what the device runs (for `gnn-int8`, after the int8 round trip through the shipped format). */
  readonly itemSide: GnnItemSide | undefined;
}

export interface GnnRecommenderOptions extends Partial<GnnOptions> {
  /** Score through the int8 artefact format (`src/engine/gnn/artefact.ts`), exactly as the app loads it. */
  readonly int8?: boolean;
}

/** The device model after the int8 round trip: encoded as shipped, decoded as the app decodes it. */
export function int8RoundTrip(itemSide: GnnItemSide): GnnItemSide {
  const { modelFile, weightsBin } = encodeGnnModel(itemSide);
  return decodeGnnModel(JSON.parse(JSON.stringify(modelFile)), weightsBin);
}

/**
 * The `gnn` recommender (`gnn-int8` with `int8`): tuned on a validation split of the training
 * positives, then refitted; scores training users and new users through `src/engine/gnn/model.ts`.
 */
export function createGnn(options: GnnRecommenderOptions = {}): GnnRecommender {
  const { int8 = false, ...overrides } = options;
  const settings = { ...DEFAULT_GNN_OPTIONS, ...overrides };
  let full: TrainingData | undefined;
  let lastTrained: GnnModel | undefined;
  let itemSide: GnnItemSide | undefined;
  let data: TrainingData | undefined;
  const train: TrainFunction<GnnConfig> = (trainingData, config, maxEpochs, afterEpoch) =>
    (lastTrained = trainGnn(full ? hideHeldOutSideEvents(trainingData, full) : trainingData, config, settings, maxEpochs, afterEpoch));
  const tuned = createTunedRecommender(
    int8 ? 'gnn-int8' : 'gnn',
    gridOf<{ dim: number; layers: number; l2: number; dropout: number; text: number; separate: number; profile: number; productEdges: number; halfLifeDays: number }>({
      dim: settings.dims,
      layers: settings.layerCounts,
      l2: settings.l2s,
      dropout: settings.dropouts,
      text: settings.texts,
      separate: settings.separates,
      profile: settings.profiles,
      productEdges: settings.productEdgeWeights,
      halfLifeDays: settings.halfLivesDays,
    }),
    train,
    settings,
    (config) =>
      `dim=${config.dim} layers=${config.layers} l2=${config.l2} dropout=${config.dropout} text=${config.text} separate=${config.separate} profile=${config.profile} productEdges=${config.productEdges} halfLifeDays=${config.halfLifeDays}`,
  );
  const fitted = (): GnnItemSide => {
    if (!itemSide) throw new Error(`${tuned.name}: call fit before scoring`);
    return itemSide;
  };
  return {
    name: tuned.name,
    get chosen() {
      return tuned.chosen;
    },
    get trials() {
      return tuned.trials;
    },
    describe: () => tuned.describe(),
    get itemSide() {
      return itemSide;
    },
    async fit(trainingData: TrainingData) {
      full = trainingData;
      try {
        await tuned.fit(trainingData);
      } finally {
        full = undefined;
      }
      // The last training run is the refit of the winning configuration on all the training data.
      if (!lastTrained) throw new Error(`${tuned.name}: training produced no model`);
      itemSide = int8 ? int8RoundTrip(lastTrained.itemSide) : lastTrained.itemSide;
      data = trainingData;
    },
    scoreUser(user: number) {
      if (!data) throw new Error(`${tuned.name}: call fit before scoring`);
      return scoreUserHistory(fitted(), historyOf(data, user));
    },
    scoreNewUser(user: NewUser) {
      return scoreUserHistory(fitted(), user);
    },
  };
}
