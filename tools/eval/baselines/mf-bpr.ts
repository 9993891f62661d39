/**
 * MF-BPR baseline (Rendle et al., UAI 2009): user and item embeddings whose dot product scores an
 * item, trained on the BPR loss with uniformly sampled negatives, L2 on the embeddings of each
 * batch and Adam. The sampler, batch gradient and optimiser are exported because LightGCN trains
 * with exactly the same objective, which keeps the two baselines comparable.
 */
import type { TrainingData } from '../../../src/engine/rank/recommender';
import { createRng, type Rng } from '../../lib/random';
import { createTunedRecommender, gridOf, type TrainFunction, type TunedRecommender, type UserScorer } from './tuning';

/** Float32 in production; the gradient check runs the same code in Float64. */
export type FloatArray = Float32Array | Float64Array;

export interface MfBprConfig {
  readonly dim: number;
  /** L2 weight on the batch's embeddings (the λ of the BPR objective). */
  readonly l2: number;
}

/** Optimiser and schedule settings shared by the BPR-trained models (MF-BPR, LightGCN). */
export interface BprScheduleOptions {
  readonly learningRate: number;
  readonly batchSize: number;
  /** Standard deviation of the normal initialisation of the (layer-0) embeddings. */
  readonly initStd: number;
  /** Epoch budget per candidate; validation picks the epoch count within it. */
  readonly maxEpochs: number;
  readonly evalEvery: number;
  readonly patience: number;
}

export interface MfBprOptions extends BprScheduleOptions {
  /** Embedding sizes to try. */
  readonly dims: readonly number[];
  /** L2 weights to try. */
  readonly l2s: readonly number[];
}

/**
 * Defaults chosen on ML-100K validation NDCG only: with the batch-mean L2 of the LightGCN paper,
 * MF peaked at λ = 1e-2 (1e-4 and 1e-3 overfit, 1e-1 underfit), and ~150–200 epochs at this
 * learning rate reach the plateau.
 */
export const DEFAULT_MF_BPR_OPTIONS: MfBprOptions = {
  dims: [32, 64],
  l2s: [1e-3, 1e-2],
  learningRate: 0.005,
  batchSize: 4096,
  initStd: 0.1,
  maxEpochs: 200,
  evalEvery: 10,
  patience: 4,
};

/** Optimiser settings of one training run. */
export interface BprTrainingSettings {
  readonly learningRate: number;
  readonly batchSize: number;
  readonly initStd: number;
}

/** Triples (user, positive item, negative item) as parallel arrays. */
export interface BprTriples {
  readonly users: Int32Array;
  readonly positives: Int32Array;
  readonly negatives: Int32Array;
}

/**
 * Draws BPR triples (user, positive, negative): each epoch visits every training positive once in
 * a shuffled order and pairs it with an item drawn uniformly from those the user has no training
 * positive for.
 */
export class BprSampler implements BprTriples {
  readonly users: Int32Array;
  readonly positives: Int32Array;
  readonly negatives: Int32Array;
  private readonly positiveSets: readonly ReadonlySet<number>[];

  constructor(
    private readonly data: TrainingData,
    private readonly rng: Rng,
  ) {
    this.positiveSets = data.positives.map((items) => new Set(items));
    // A user who is positive on every item has no negative to compare against.
    const pairs: [number, number][] = [];
    data.positives.forEach((items, user) => {
      if (items.length < data.itemCount) for (const item of items) pairs.push([user, item]);
    });
    this.users = Int32Array.from(pairs, ([user]) => user);
    this.positives = Int32Array.from(pairs, ([, item]) => item);
    this.negatives = new Int32Array(pairs.length);
  }

  get size(): number {
    return this.users.length;
  }

  /** Reshuffles the pairs and draws fresh negatives for a new epoch. */
  nextEpoch(): void {
    for (let index = this.size - 1; index > 0; index--) {
      const swapWith = this.rng.int(index + 1);
      swap(this.users, index, swapWith);
      swap(this.positives, index, swapWith);
    }
    for (let index = 0; index < this.size; index++) {
      const seen = this.positiveSets[this.users[index]!]!;
      let negative: number;
      do negative = this.rng.int(this.data.itemCount);
      while (seen.has(negative));
      this.negatives[index] = negative;
    }
  }
}

function swap(values: Int32Array, a: number, b: number): void {
  const kept = values[a]!;
  values[a] = values[b]!;
  values[b] = kept;
}

/** Node layout shared with LightGCN: rows 0..userCount-1 are users, the next itemCount rows items. */
export function itemRow(data: Pick<TrainingData, 'userCount'>, item: number): number {
  return data.userCount + item;
}

/**
 * Adds to `gradient` the gradient of the mean BPR loss −log σ(s_ui − s_uj) over triples
 * `start..end` of `triples`, where scores are dot products of rows of `embeddings`
 * (`(userCount + itemCount) × dim`), and returns that mean loss.
 */
export function accumulateBprGradient(
  embeddings: FloatArray,
  gradient: FloatArray,
  dim: number,
  itemOffset: number,
  triples: BprTriples,
  start: number,
  end: number,
): number {
  const { users, positives, negatives } = triples;
  const scale = 1 / (end - start);
  let loss = 0;
  for (let index = start; index < end; index++) {
    const userBase = users[index]! * dim;
    const positiveBase = (itemOffset + positives[index]!) * dim;
    const negativeBase = (itemOffset + negatives[index]!) * dim;
    let margin = 0;
    for (let c = 0; c < dim; c++) {
      margin += embeddings[userBase + c]! * (embeddings[positiveBase + c]! - embeddings[negativeBase + c]!);
    }
    // −log σ(x) = softplus(−x), written to stay finite for large |x|.
    loss += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    // d/dx softplus(−x) = −σ(−x).
    const weight = (-1 / (1 + Math.exp(margin))) * scale;
    for (let c = 0; c < dim; c++) {
      const user = embeddings[userBase + c]!;
      gradient[userBase + c]! += weight * (embeddings[positiveBase + c]! - embeddings[negativeBase + c]!);
      gradient[positiveBase + c]! += weight * user;
      gradient[negativeBase + c]! -= weight * user;
    }
  }
  return loss * scale;
}

/**
 * Adds the gradient of the batch L2 term (λ/2)·Σ(‖e_u‖² + ‖e_i‖² + ‖e_j‖²)/B over triples
 * `start..end` (as in the LightGCN paper and code) and returns that term.
 */
export function accumulateL2Gradient(
  embeddings: FloatArray,
  gradient: FloatArray,
  dim: number,
  itemOffset: number,
  l2: number,
  triples: BprTriples,
  start: number,
  end: number,
): number {
  // A row is penalised once per occurrence in the batch; counting occurrences first makes this
  // O(rows·dim) rather than O(batch·dim), which matters for the large LightGCN batches.
  const occurrences = new Float64Array(embeddings.length / dim);
  const { users, positives, negatives } = triples;
  for (let index = start; index < end; index++) {
    occurrences[users[index]!]!++;
    occurrences[itemOffset + positives[index]!]!++;
    occurrences[itemOffset + negatives[index]!]!++;
  }
  const scale = l2 / (end - start);
  let penalty = 0;
  for (let row = 0; row < occurrences.length; row++) {
    const count = occurrences[row]!;
    if (count === 0) continue;
    const base = row * dim;
    let squaredNorm = 0;
    for (let c = 0; c < dim; c++) {
      const value = embeddings[base + c]!;
      squaredNorm += value * value;
      gradient[base + c]! += scale * count * value;
    }
    penalty += count * squaredNorm;
  }
  return 0.5 * scale * penalty;
}

/** Adam (Kingma & Ba) over one flat parameter array, with bias correction. */
export class Adam {
  private readonly firstMoment: Float32Array;
  private readonly secondMoment: Float32Array;
  private step = 0;

  constructor(
    size: number,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.firstMoment = new Float32Array(size);
    this.secondMoment = new Float32Array(size);
  }

  /** Moves `parameters` one step against `gradient`. */
  update(parameters: FloatArray, gradient: FloatArray): void {
    this.step++;
    const stepSize = (this.learningRate * Math.sqrt(1 - this.beta2 ** this.step)) / (1 - this.beta1 ** this.step);
    for (let index = 0; index < parameters.length; index++) {
      const g = gradient[index]!;
      const m = (this.firstMoment[index] = this.beta1 * this.firstMoment[index]! + (1 - this.beta1) * g);
      const v = (this.secondMoment[index] = this.beta2 * this.secondMoment[index]! + (1 - this.beta2) * g * g);
      parameters[index]! -= (stepSize * m) / (Math.sqrt(v) + this.epsilon);
    }
  }
}

/** Normal(0, std²) embeddings for every user and item, `(userCount + itemCount) × dim`. */
export function initialEmbeddings(data: TrainingData, dim: number, std: number, rng: Rng): Float32Array {
  const embeddings = new Float32Array((data.userCount + data.itemCount) * dim);
  for (let index = 0; index < embeddings.length; index++) embeddings[index] = rng.normal() * std;
  return embeddings;
}

/** Scores every item for a user as the dot product of rows of a `(userCount + itemCount) × dim` matrix. */
export function dotProductScorer(embeddings: Float32Array, data: Pick<TrainingData, 'userCount' | 'itemCount'>, dim: number): UserScorer {
  return {
    scoreUser(user) {
      const scores = new Float32Array(data.itemCount);
      const userBase = user * dim;
      for (let item = 0; item < data.itemCount; item++) {
        const itemBase = itemRow(data, item) * dim;
        // Four partial sums: about 1.5× faster in V8, and validation scores every user often.
        let sum0 = 0;
        let sum1 = 0;
        let sum2 = 0;
        let sum3 = 0;
        let c = 0;
        for (; c + 3 < dim; c += 4) {
          sum0 += embeddings[userBase + c]! * embeddings[itemBase + c]!;
          sum1 += embeddings[userBase + c + 1]! * embeddings[itemBase + c + 1]!;
          sum2 += embeddings[userBase + c + 2]! * embeddings[itemBase + c + 2]!;
          sum3 += embeddings[userBase + c + 3]! * embeddings[itemBase + c + 3]!;
        }
        for (; c < dim; c++) sum0 += embeddings[userBase + c]! * embeddings[itemBase + c]!;
        scores[item] = sum0 + sum1 + sum2 + sum3;
      }
      return scores;
    },
  };
}

/**
 * Trains MF-BPR with one configuration, seeded by `data.seed`; `afterEpoch` can stop it early.
 * Returns the model and its embeddings (users then items).
 */
export function trainMfBpr(
  data: TrainingData,
  config: MfBprConfig,
  settings: BprTrainingSettings,
  epochs: number,
  afterEpoch?: (epoch: number, model: UserScorer) => boolean,
): UserScorer & { readonly embeddings: Float32Array } {
  const rng = createRng(data.seed);
  const embeddings = initialEmbeddings(data, config.dim, settings.initStd, rng);
  const model = { embeddings, ...dotProductScorer(embeddings, data, config.dim) };
  const sampler = new BprSampler(data, rng);
  const gradient = new Float32Array(embeddings.length);
  const optimiser = new Adam(embeddings.length, settings.learningRate);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    sampler.nextEpoch();
    for (let start = 0; start < sampler.size; start += settings.batchSize) {
      const end = Math.min(sampler.size, start + settings.batchSize);
      gradient.fill(0);
      accumulateBprGradient(embeddings, gradient, config.dim, data.userCount, sampler, start, end);
      accumulateL2Gradient(embeddings, gradient, config.dim, data.userCount, config.l2, sampler, start, end);
      optimiser.update(embeddings, gradient);
    }
    if (afterEpoch && !afterEpoch(epoch, model)) break;
  }
  return model;
}

/**
 * The `mf-bpr` baseline: tunes embedding size and L2 weight (and the epoch count, by early
 * stopping) on a validation split of the training positives, then refits on all of them.
 */
export function createMfBpr(options: Partial<MfBprOptions> = {}): TunedRecommender<MfBprConfig> {
  const settings = { ...DEFAULT_MF_BPR_OPTIONS, ...options };
  const train: TrainFunction<MfBprConfig> = (data, config, maxEpochs, afterEpoch) =>
    trainMfBpr(data, config, settings, maxEpochs, afterEpoch);
  return createTunedRecommender(
    'mf-bpr',
    gridOf<{ dim: number; l2: number }>({ dim: settings.dims, l2: settings.l2s }),
    train,
    settings,
    (config) => `dim=${config.dim} l2=${config.l2}`,
  );
}
