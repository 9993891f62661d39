/**
 * Honest hyperparameter tuning shared by the learned baselines: every decision (configuration and
 * epoch count) is made on a validation split carved from the training positives, so the harness's
 * test positives never influence a model.
 */
import type { Recommender, TrainingData } from '../../../src/engine/rank/recommender';

/** What a trained model must offer for validation: a score per item for a user. */
export interface UserScorer {
  scoreUser(user: number): Float32Array;
}

/**
 * Trains a fresh model on `data` with `config` for at most `maxEpochs` epochs. After each epoch it
 * calls `afterEpoch(epoch, model)` (epochs count from 1; `model` scores with the current
 * parameters) and stops early when that returns false.
 */
export type TrainFunction<Config> = (
  data: TrainingData,
  config: Config,
  maxEpochs: number,
  afterEpoch?: (epoch: number, model: UserScorer) => boolean,
) => UserScorer;

export interface TuningSchedule {
  /** Most epochs any candidate trains for. */
  readonly maxEpochs: number;
  /** Validation NDCG is measured every this many epochs. */
  readonly evalEvery: number;
  /** Stop a candidate after this many evaluations in a row without a new best. */
  readonly patience: number;
}

export interface ValidationSplitOptions {
  /** Share of a user's training positives (the latest ones) held out for validation. */
  readonly fraction: number;
  /** Users with fewer training positives than this keep all of them in training. */
  readonly minPositives: number;
}

export const DEFAULT_VALIDATION_SPLIT: ValidationSplitOptions = { fraction: 0.2, minPositives: 5 };

/** Cut-off of the validation metric, the same as the harness's headline NDCG@20. */
export const VALIDATION_K = 20;

export interface ValidationSplit {
  /** The training data with each user's validation positives removed. */
  readonly train: TrainingData;
  /** Per user, the held-out (latest) training positives; empty for users that keep all. */
  readonly validation: readonly (readonly number[])[];
}

/**
 * Splits each user's training positives into reduced-training and validation parts: the last
 * `fraction` (rounded up, at least one) in `data.positives` order, which the harness sorts by time,
 * so validation mimics the temporal test split. Side events are kept: they are training-period data.
 */
export function carveValidationSplit(data: TrainingData, options: ValidationSplitOptions = DEFAULT_VALIDATION_SPLIT): ValidationSplit {
  const trainPositives: number[][] = [];
  const trainTimes: number[][] = [];
  const validation: number[][] = [];
  data.positives.forEach((items, user) => {
    const times = data.positiveTimes?.[user] ?? [];
    const kept = items.length < options.minPositives ? items.length : items.length - Math.max(1, Math.ceil(items.length * options.fraction));
    trainPositives.push(items.slice(0, kept));
    trainTimes.push(times.slice(0, kept));
    validation.push(items.slice(kept));
  });
  return { train: { ...data, positives: trainPositives, ...(data.positiveTimes ? { positiveTimes: trainTimes } : {}) }, validation };
}

/**
 * The `k` best items for `scores`, best first, skipping `excluded` items; ties go to the lower item
 * id, as in the harness.
 */
export function topK(scores: Float32Array, excluded: ReadonlySet<number>, k: number): number[] {
  const top: number[] = [];
  for (let item = 0; item < scores.length; item++) {
    if (excluded.has(item)) continue;
    const score = scores[item]!;
    // Items arrive in increasing id order, so an equal score never displaces an earlier item.
    if (top.length === k && score <= scores[top[k - 1]!]!) continue;
    let position = top.length === k ? k - 1 : top.length;
    while (position > 0 && scores[top[position - 1]!]! < score) position--;
    top.splice(position, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Binary-relevance NDCG@k of `ranked` against `relevant`; the ideal DCG covers min(k, |relevant|) hits. */
export function ndcgAtK(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  let dcg = 0;
  for (let rank = 0; rank < Math.min(k, ranked.length); rank++) {
    if (relevant.has(ranked[rank]!)) dcg += 1 / Math.log2(rank + 2);
  }
  let idcg = 0;
  for (let rank = 0; rank < Math.min(k, relevant.size); rank++) idcg += 1 / Math.log2(rank + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/**
 * Mean NDCG@k over users with validation positives, ranking all items except the user's (reduced)
 * training positives.
 */
export function validationNdcg(model: UserScorer, split: ValidationSplit, k: number = VALIDATION_K): number {
  let total = 0;
  let users = 0;
  split.validation.forEach((heldOut, user) => {
    if (heldOut.length === 0) return;
    const ranked = topK(model.scoreUser(user), new Set(split.train.positives[user]), k);
    total += ndcgAtK(ranked, new Set(heldOut), k);
    users++;
  });
  return users === 0 ? 0 : total / users;
}

export interface TrialResult<Config> {
  readonly config: Config;
  /** Epoch count with the best validation NDCG. */
  readonly epochs: number;
  /** NaN when no user had positives to hold out, so nothing was tuned. */
  readonly validationNdcg: number;
}

/**
 * Trains every candidate on `split.train`, measuring validation NDCG every `evalEvery` epochs with
 * early stopping, and returns all trials, best first (the earlier candidate wins a tie).
 */
export function tuneOnValidation<Config>(
  split: ValidationSplit,
  candidates: readonly Config[],
  train: TrainFunction<Config>,
  schedule: TuningSchedule,
): TrialResult<Config>[] {
  if (candidates.length === 0) throw new Error('tuning needs at least one candidate configuration');
  const trials = candidates.map((config) => {
    let best = { epochs: 0, validationNdcg: -1 };
    let evaluationsSinceBest = 0;
    train(split.train, config, schedule.maxEpochs, (epoch, model) => {
      if (epoch % schedule.evalEvery !== 0 && epoch !== schedule.maxEpochs) return true;
      const ndcg = validationNdcg(model, split);
      if (ndcg > best.validationNdcg) {
        best = { epochs: epoch, validationNdcg: ndcg };
        evaluationsSinceBest = 0;
      } else {
        evaluationsSinceBest++;
      }
      return evaluationsSinceBest < schedule.patience;
    });
    return { config, ...best };
  });
  // Array.prototype.sort is stable, so equal scores keep candidate order.
  return trials.sort((a, b) => b.validationNdcg - a.validationNdcg);
}

/** A recommender that tunes itself on a validation split inside `fit` and reports what it chose. */
export interface TunedRecommender<Config> extends Recommender {
  /** The winning trial after `fit`; undefined before. */
  readonly chosen: TrialResult<Config> | undefined;
  /** Every trial of the last `fit`, best first. */
  readonly trials: readonly TrialResult<Config>[];
  /** One line for reports, e.g. `dim=64 l2=0.0001 epochs=40 (validation NDCG@20 0.1234)`. */
  describe(): string;
}

/**
 * Wraps a trainer as a recommender whose `fit` tunes on a validation split carved from the training
 * positives, then refits the winning configuration, for the winning epoch count, on all of them.
 */
export function createTunedRecommender<Config>(
  name: string,
  candidates: readonly Config[],
  train: TrainFunction<Config>,
  schedule: TuningSchedule,
  describeConfig: (config: Config) => string,
): TunedRecommender<Config> {
  if (candidates.length === 0) throw new Error(`${name}: tuning needs at least one candidate configuration`);
  let model: UserScorer | undefined;
  let trials: TrialResult<Config>[] = [];
  return {
    name,
    get chosen() {
      return trials[0];
    },
    get trials() {
      return trials;
    },
    fit(data) {
      const split = carveValidationSplit(data);
      if (split.validation.some((items) => items.length > 0)) {
        trials = tuneOnValidation(split, candidates, train, schedule);
      } else {
        // Every user has too few positives to hold any out: nothing can be compared, so the first
        // candidate trains for the whole budget.
        trials = [{ config: candidates[0]!, epochs: schedule.maxEpochs, validationNdcg: Number.NaN }];
      }
      const winner = trials[0]!;
      model = train(data, winner.config, winner.epochs);
      return Promise.resolve();
    },
    scoreUser(user) {
      if (!model) throw new Error(`${name}: call fit before scoreUser`);
      return model.scoreUser(user);
    },
    describe() {
      const winner = trials[0];
      if (!winner) return `${name} (not fitted)`;
      const validation = Number.isNaN(winner.validationNdcg)
        ? 'untuned: no validation positives'
        : `validation NDCG@${VALIDATION_K} ${winner.validationNdcg.toFixed(4)}`;
      return `${describeConfig(winner.config)} epochs=${winner.epochs} (${validation})`;
    },
  };
}

/** Every combination of the option lists, in nested order (first list outermost). */
export function gridOf<Config extends Record<string, number>>(axes: { readonly [Key in keyof Config]: readonly number[] }): Config[] {
  let configs: Record<string, number>[] = [{}];
  for (const [key, values] of Object.entries<readonly number[]>(axes)) {
    configs = configs.flatMap((partial) => values.map((value) => ({ ...partial, [key]: value })));
  }
  return configs as Config[];
}
