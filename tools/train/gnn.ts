/**
 * Training of the inductive GNN (`gnn`), INMO / inductive-LightGCN style, with no per-user
 * parameters. Trained parameters θ = [E ; Q ; W], all per item or shared: an item embedding table E
 * (`itemCount × dim`); optionally (`separate`) a second item table Q, what an item says about the
 * taste of a user who chose it (FISM / INMO "template" style); and optionally (`text`) a projection W
 * (`embeddingDim × dim`) of the item text embeddings T.
 *
 *   I0 = E + T·W                       item layer 0
 *   S  = Q + T·W  (separate)  or  I0 (tied)       what users aggregate
 *   U0 = M·S                           user layer 0: M[u][i] = event weight, row-normalised
 *   X0 = [U0 ; I0],  F = (1/(K+1)) Σ_k A^k X0     LightGCN propagation, A symmetric normalised
 *   L  = mean BPR(F) + (λ/2)·Σ_batch ‖X0 row‖²/B
 *
 * Backward: ∂L/∂X0 = (1/(K+1)) Σ_k A^k ∂L/∂F (A = Aᵀ) plus the L2 term; because users are derived
 * from their items, the gradient reaches the item tables through both sides:
 *   ∂L/∂S = Mᵀ·∂L/∂X0[users];  separate: ∂L/∂E = ∂L/∂X0[items], ∂L/∂Q = ∂L/∂S;
 *   tied: ∂L/∂E = ∂L/∂X0[items] + ∂L/∂S;  ∂L/∂W = Tᵀ·(∂L/∂X0[items] + ∂L/∂S).
 * (tests/gnn.test.ts checks this against finite differences.) During training each aggregation
 * entry of M may be dropped (rate `dropout`, re-normalised).
 *
 * Event weights of M (fixed a priori, not tuned: the validation split is not clean for side
 * events, since the side events of the training period include views and clicks of the held-out
 * items before they were bought): favourite/purchase 1, click 0.5, view 0.2; a dismissed item
 * (not a positive) is left out of M and ranked last at scoring time.
 *
 * After training the item side is propagated once more (with `spmm`) and handed to
 * `src/engine/gnn/model.ts`, which scores any user, seen or not, from their events alone.
 */
import { buildCsr } from '../../src/engine/graph/csr-builder';
import { aggregationWeights, scoreUserHistory, type EventWeights, type GnnItemSide } from '../../src/engine/gnn/model';
import { spmm } from '../../src/engine/gnn/spmm-cpu';
import type { TrainingData } from '../../src/engine/rank/recommender';
import { buildNormalisedAdjacency, propagateMean, type NormalisedAdjacency } from '../eval/baselines/lightgcn';
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
  /** 1: item layer 0 adds a learned projection of the text embedding; 0: item table only. */
  readonly text: number;
  /** 1: users aggregate a separate item table Q (FISM / INMO style); 0: the items' own layer 0. */
  readonly separate: number;
}

export interface GnnOptions extends BprScheduleOptions {
  readonly dims: readonly number[];
  readonly layerCounts: readonly number[];
  readonly l2s: readonly number[];
  readonly dropouts: readonly number[];
  readonly texts: readonly number[];
  readonly separates: readonly number[];
  readonly eventWeights: EventWeights;
  /** See `GnnItemSide.demoteDismissed`. */
  readonly demoteDismissed: boolean;
}

/**
 * Defaults chosen on validation NDCG only (ML-100K and demo validation splits): a separate
 * user-side table beat the tied one on ML-100K validation once trained long enough (0.1771 vs
 * 0.1734); two layers beat three (0.1769 vs 0.1751); l2 = 1e-2, item dropout and the text
 * projection never won; learning rate 0.1 reaches the 0.05 plateau in half the epochs, which keeps
 * tuning within the time budget.
 */
export const DEFAULT_GNN_OPTIONS: GnnOptions = {
  dims: [64],
  layerCounts: [2, 3],
  l2s: [1e-3],
  dropouts: [0],
  texts: [0],
  separates: [1],
  eventWeights: { positive: 1, click: 0.5, view: 0.2 },
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
  /** Full weights (each row sums to 1, or is empty). */
  readonly weights: Float32Array;
}

export function buildAggregation(data: TrainingData, eventWeights: EventWeights): Aggregation {
  const rows = data.positives.map((positives, user) => aggregationWeights({ positives, sideEvents: data.sideEvents[user] ?? [] }, eventWeights));
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

/** Weights of M for one step: entries dropped with probability `dropout`, rows re-normalised. */
export function dropAggregation(aggregation: Aggregation, dropout: number, rng: Rng, out: Float32Array): void {
  if (dropout <= 0) {
    out.set(aggregation.weights);
    return;
  }
  const { rowStart, weights } = aggregation;
  for (let user = 0; user + 1 < rowStart.length; user++) {
    let total = 0;
    for (let entry = rowStart[user]!; entry < rowStart[user + 1]!; entry++) {
      const kept = rng.next() >= dropout ? weights[entry]! : 0;
      out[entry] = kept;
      total += kept;
    }
    for (let entry = rowStart[user]!; entry < rowStart[user + 1]!; entry++) out[entry] = total > 0 ? out[entry]! / total : 0;
  }
}

/** Everything fixed during training: graph, aggregation pattern, text embeddings. */
export interface GnnGraph {
  readonly userCount: number;
  readonly itemCount: number;
  readonly adjacency: NormalisedAdjacency;
  readonly aggregation: Aggregation;
  /** `itemCount × textDim`, or empty when text is off. */
  readonly text: Float32Array;
  readonly textDim: number;
  /** Users aggregate a separate item table Q (item-as-evidence) rather than the items' own layer 0. */
  readonly separateUserTable: boolean;
}

export function buildGnnGraph(data: TrainingData, config: Pick<GnnConfig, 'text' | 'separate'>, eventWeights: EventWeights): GnnGraph {
  const useText = config.text > 0 && data.embeddingDim > 0;
  return {
    userCount: data.userCount,
    itemCount: data.itemCount,
    adjacency: buildNormalisedAdjacency(data),
    aggregation: buildAggregation(data, eventWeights),
    text: useText ? data.itemEmbeddings : new Float32Array(0),
    textDim: useText ? data.embeddingDim : 0,
    separateUserTable: config.separate > 0,
  };
}

export interface GnnWorkspace {
  readonly layer0: FloatArray;
  readonly final: FloatArray;
  readonly finalGradient: FloatArray;
  readonly layer0Gradient: FloatArray;
  readonly scratch: readonly [FloatArray, FloatArray];
  /** Gradient of θ = [E ; W]. */
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

export function parameterCount(graph: GnnGraph, dim: number): number {
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
  if (textDim > 0) {
    const wBase = (separateUserTable ? 2 : 1) * size;
    for (let item = 0; item < itemCount; item++) {
      const out = item * dim;
      for (let t = 0; t < textDim; t++) {
        const value = text[item * textDim + t]!;
        if (value === 0) continue;
        const wRow = wBase + t * dim;
        for (let c = 0; c < dim; c++) source[out + c]! += value * parameters[wRow + c]!;
      }
    }
  }
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
}

/**
 * Loss of triples `start..end` and its gradient with respect to θ = [E ; Q ; W], left in
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
    const wBase = (separateUserTable ? 2 : 1) * size;
    gradient.fill(0, wBase);
    for (let item = 0; item < itemCount; item++) {
      const from = item * dim;
      for (let t = 0; t < textDim; t++) {
        const value = text[item * textDim + t]!;
        if (value === 0) continue;
        const out = wBase + t * dim;
        for (let c = 0; c < dim; c++) {
          const g = gradient[from + c]! + (separateUserTable ? gradient[size + from + c]! : 0);
          gradient[out + c]! += value * g;
        }
      }
    }
  }
  return loss;
}

/** Propagates the trained item side over the training graph with `spmm` and packs it for the device. */
export function exportItemSide(
  data: TrainingData,
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
  const itemDegree = new Int32Array(itemCount);
  for (const items of data.positives) for (const item of new Set(items)) itemDegree[item]!++;
  return {
    itemCount,
    dim,
    layers,
    aggregationSource: source,
    itemLayers,
    itemFinal,
    itemDegree,
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
  const graph = buildGnnGraph(data, config, settings.eventWeights);
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
    if (afterEpoch && !afterEpoch(epoch, deviceModel(data, graph, parameters, config, settings))) break;
  }
  return deviceModel(data, graph, parameters, config, settings);
}

/** Scores every user through the device path (`model.ts`) with a snapshot of the item side. */
function deviceModel(
  data: TrainingData,
  graph: GnnGraph,
  parameters: Float32Array,
  config: GnnConfig,
  settings: Pick<GnnOptions, 'eventWeights' | 'demoteDismissed'>,
): GnnModel {
  const itemSide = exportItemSide(data, graph, parameters, config, settings);
  return {
    parameters: parameters.slice(),
    itemSide,
    scoreUser: (user) => scoreUserHistory(itemSide, { positives: data.positives[user] ?? [], sideEvents: data.sideEvents[user] ?? [] }),
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

/** The `gnn` recommender: tuned on a validation split of the training positives, then refitted. */
export function createGnn(options: Partial<GnnOptions> = {}): TunedRecommender<GnnConfig> {
  const settings = { ...DEFAULT_GNN_OPTIONS, ...options };
  let full: TrainingData | undefined;
  const train: TrainFunction<GnnConfig> = (data, config, maxEpochs, afterEpoch) =>
    trainGnn(full ? hideHeldOutSideEvents(data, full) : data, config, settings, maxEpochs, afterEpoch);
  const tuned = createTunedRecommender(
    'gnn',
    gridOf<{ dim: number; layers: number; l2: number; dropout: number; text: number; separate: number }>({
      dim: settings.dims,
      layers: settings.layerCounts,
      l2: settings.l2s,
      dropout: settings.dropouts,
      text: settings.texts,
      separate: settings.separates,
    }),
    train,
    settings,
    (config) => `dim=${config.dim} layers=${config.layers} l2=${config.l2} dropout=${config.dropout} text=${config.text} separate=${config.separate}`,
  );
  const fitTuned = tuned.fit.bind(tuned);
  tuned.fit = async (data) => {
    full = data;
    try {
      await fitTuned(data);
    } finally {
      full = undefined;
    }
  };
  return tuned;
}
