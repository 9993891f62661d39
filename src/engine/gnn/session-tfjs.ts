/**
 * The incremental GNN session (`session.ts`) on tfjs: the item-side tables live on the backend
 * (uploaded once per model and backend, shared by every session), the user's layers are updated
 * by sparse × dense message passing, scoring is one matMul and ranking `tf.topk`, and a refresh
 * reads back only the top items, asynchronously (a blocking `dataSync` can lose the WebGPU device).
 *
 * The user's unnormalised layers are a `(K+1) × dim` tensor: row 0 Σ s_i·src_i, row l ≥ 1
 * Σ_{i∈P} item_i^(l−1)/√deg_i (see `session.ts`). The tables are stacked into one
 * `((K+1)·items) × dim` tensor (block 0 the aggregation source, block l item layer l−1), so every
 * change since the last refresh is one sparse `(K+1) × ((K+1)·items)` matrix Δ with an entry per
 * changed item and layer, and the update is `sums += Δ · stacked`: one sparse × dense product,
 * O(changes·dim), never a pass over the whole history. The bookkeeping of which item changed by
 * how much is `GnnHistory`, shared with the typed-array session.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sparseDenseMatMul } from '../backend';
import { EngineError } from '../errors';
import type { UserProfile } from '../rank/recommender';
import { personFeatures, type GnnItemSide } from './model';
import { GnnHistory, inverseSqrtDegrees, layerCoefficients, type GnnEvent } from './session';

/**
 * How Δ · stacked is computed: `csr-kernel` is `sparseDenseMatMul` (the registered `CsrSpmm`
 * WebGPU kernel on webgpu, stock gather + sparseSegmentSum elsewhere); `gather-segsum` is tfjs
 * `gather` + `unsortedSegmentSum`, which only backends with an UnsortedSegmentSum kernel run
 * (webgpu and cpu; tfjs-backend-wasm 4.22 has none).
 */
export type GnnSparseImpl = 'csr-kernel' | 'gather-segsum';

export interface GnnTfjsSessionOptions {
  /** Defaults to `csr-kernel`. */
  readonly impl?: GnnSparseImpl;
  readonly profile?: UserProfile;
}

/** The tfjs session: the API of `GnnSession`, with results as promises, and tensors to dispose. */
export interface GnnTfjsSession {
  /** Records one event; the backend work waits for the next read (several events: one update). */
  addEvent(event: GnnEvent): void;
  /** Sets or clears the person's profile; ignored when the model takes none. */
  setProfile(profile: UserProfile | undefined): void;
  /** The user's final representation (mean of layers 0..K). */
  representation(): Promise<Float32Array>;
  /** One score per item, as the typed-array session gives (within float32 rounding). */
  scores(): Promise<Float32Array>;
  /**
   * The `k` best items, best first, ties by lower item id, without `excluded`; dismissed
   * non-positive items rank last. One read of k + 1 scores and ids; a second read only when equal
   * scores straddle the k-th place (GPU top-k does not promise the lower id among equals).
   */
  topK(k: number, excluded?: ReadonlySet<number>): Promise<number[]>;
  /** Frees the session's own tensors (not the shared item tables: see `releaseGnnItemTensors`). */
  dispose(): void;
}

/** The item side on a tfjs backend. */
interface ItemTensors {
  readonly backend: string;
  /** `((K+1)·items) × dim`: the aggregation source, then item layers 0..K−1. */
  readonly stacked: tf.Tensor2D;
  /** `items × dim`, each item's final representation. */
  readonly final: tf.Tensor2D;
  /** `profileDim × dim`, absent when the model takes no profile. */
  readonly profileProjection: tf.Tensor2D | undefined;
}

const uploaded = new WeakMap<GnnItemSide, ItemTensors>();

/** Top-k reads item ids back as float32 (one read with the scores): exact up to 2^24. */
const MAX_ITEMS = 2 ** 24;

/** Whether `impl` can run on the active backend (`gather-segsum` needs UnsortedSegmentSum). */
export function sparseImplSupported(impl: GnnSparseImpl, backend = tf.getBackend()): boolean {
  if (impl === 'csr-kernel') return true;
  return tf.getKernelsForBackend(backend).some((kernel) => kernel.kernelName === 'UnsortedSegmentSum');
}

/**
 * The model's tables on the active backend, uploaded on first use and cached per model. A model
 * used on another backend than before is uploaded again and its old tensors freed, which ends the
 * sessions still on the old backend (the app switches backends only by restarting the engine).
 */
function itemTensors(model: GnnItemSide): ItemTensors {
  const backend = tf.getBackend();
  const cached = uploaded.get(model);
  if (cached?.backend === backend) return cached;
  if (cached) releaseGnnItemTensors(model);
  const { itemCount, dim, layers } = model;
  const block = itemCount * dim;
  const stacked = new Float32Array((layers + 1) * block);
  stacked.set(model.aggregationSource, 0);
  // A missing layer table multiplies as zeros, as in `userRepresentation`.
  for (let layer = 0; layer < layers; layer++) stacked.set(model.itemLayers[layer] ?? new Float32Array(0), (layer + 1) * block);
  const tensors: ItemTensors = {
    backend,
    stacked: tf.tensor2d(stacked, [(layers + 1) * itemCount, dim]),
    final: tf.tensor2d(model.itemFinal, [itemCount, dim]),
    profileProjection: model.profileDim > 0 ? tf.tensor2d(model.profileProjection, [model.profileDim, dim]) : undefined,
  };
  uploaded.set(model, tensors);
  return tensors;
}

/** Frees the model's uploaded tables. Sessions of this model must not be used afterwards. */
export function releaseGnnItemTensors(model: GnnItemSide): void {
  const cached = uploaded.get(model);
  if (!cached) return;
  tf.dispose([cached.stacked, cached.final, ...(cached.profileProjection ? [cached.profileProjection] : [])]);
  uploaded.delete(model);
}

/** Entries of Δ not yet applied: row (layer), column (block·items + item), weight. */
interface PendingRows {
  rows: number[];
  columns: number[];
  weights: number[];
}

/**
 * Starts a tfjs session on the active backend (see the file comment).
 *
 * @throws EngineError `BACKEND_UNAVAILABLE` when `impl` is `gather-segsum` and the backend has
 *   no UnsortedSegmentSum kernel (wasm); RangeError for a catalog beyond 2^24 items.
 */
export function createGnnTfjsSession(model: GnnItemSide, options: GnnTfjsSessionOptions = {}): GnnTfjsSession {
  const impl = options.impl ?? 'csr-kernel';
  if (!sparseImplSupported(impl)) {
    throw new EngineError(
      'BACKEND_UNAVAILABLE',
      `The ${tf.getBackend()} backend has no UnsortedSegmentSum kernel, so 'gather-segsum' cannot run on it; use 'csr-kernel'.`,
    );
  }
  const { itemCount, dim, layers } = model;
  if (itemCount > MAX_ITEMS) throw new RangeError(`the tfjs session handles at most ${MAX_ITEMS} items, got ${itemCount}`);
  const tables = itemTensors(model);
  const history = new GnnHistory(itemCount, model.eventWeights);
  const invSqrtDegree = inverseSqrtDegrees(model);
  let sums: tf.Tensor2D = tf.zeros([layers + 1, dim]);
  let pending: PendingRows = { rows: [], columns: [], weights: [] };
  let zeroLayer0 = false;
  let profileShare: tf.Tensor2D | undefined;
  let demotionMask: tf.Tensor1D | undefined;
  let demotionStale = false;
  let ranked: { user: tf.Tensor2D; scores: tf.Tensor1D } | undefined;
  let disposed = false;

  const forgetRanked = (): void => {
    if (ranked) tf.dispose([ranked.user, ranked.scores]);
    ranked = undefined;
  };

  const setProfile = (profile: UserProfile | undefined): void => {
    profileShare?.dispose();
    profileShare = undefined;
    forgetRanked();
    const features = personFeatures(model, profile);
    if (!features || !tables.profileProjection) return;
    const projection = tables.profileProjection;
    if (features.length !== model.profileDim) {
      throw new EngineError('INVALID_INPUT', `The profile gives ${features.length} features but the model takes ${model.profileDim}: its goals were embedded by another encoder.`);
    }
    profileShare = tf.tidy(() => tf.matMul<tf.Tensor2D>(tf.tensor2d(features, [1, features.length]), projection));
  };

  /** Δ · stacked for the pending entries, by the chosen implementation. */
  const propagate = (entries: PendingRows): tf.Tensor2D => {
    const count = entries.rows.length;
    const columns = tf.tensor1d(entries.columns, 'int32');
    const weights = tf.tensor1d(entries.weights, 'float32');
    if (impl === 'gather-segsum') {
      const messages = tf.mul<tf.Tensor2D>(tf.gather(tables.stacked, columns), tf.expandDims(weights, 1));
      return tf.unsortedSegmentSum(messages, tf.tensor1d(entries.rows, 'int32'), layers + 1);
    }
    // CSR wants entries grouped by row: a stable counting sort by layer.
    const rowPtr = new Int32Array(layers + 2);
    for (const row of entries.rows) rowPtr[row + 1] = (rowPtr[row + 1] ?? 0) + 1;
    for (let row = 0; row <= layers; row++) rowPtr[row + 1] = (rowPtr[row + 1] ?? 0) + (rowPtr[row] ?? 0);
    const order = new Int32Array(count);
    const next = rowPtr.slice(0, layers + 1);
    entries.rows.forEach((row, entry) => {
      const slot = next[row] ?? 0;
      order[slot] = entry;
      next[row] = slot + 1;
    });
    const csr = {
      rowPtr: tf.tensor1d(rowPtr, 'int32'),
      colIdx: tf.gather(columns, tf.tensor1d(order, 'int32')),
      values: tf.gather(weights, tf.tensor1d(order, 'int32')),
      rows: layers + 1,
    };
    return sparseDenseMatMul(csr, tables.stacked);
  };

  /** Applies the pending changes to `sums` and scores every item; cached until the next change. */
  const refresh = (): { user: tf.Tensor2D; scores: tf.Tensor1D } => {
    if (disposed) throw new Error('this GNN session was disposed');
    if (ranked) return ranked;
    const entries = pending;
    const zeroRow0 = zeroLayer0;
    pending = { rows: [], columns: [], weights: [] };
    zeroLayer0 = false;
    if (entries.rows.length > 0 || zeroRow0) {
      const previous = sums;
      sums = tf.tidy(() => {
        // Zeroed, not subtracted to a float32 residue: see GnnHistory.record.
        let next = zeroRow0 ? tf.mul<tf.Tensor2D>(previous, tf.tensor2d([0, ...new Array<number>(layers).fill(1)], [layers + 1, 1])) : previous;
        if (entries.rows.length > 0) next = tf.add<tf.Tensor2D>(next, propagate(entries));
        return next;
      });
      previous.dispose();
    }
    if (demotionStale) {
      demotionMask?.dispose();
      demotionMask = undefined;
      demotionStale = false;
      if (history.demoted.size > 0) {
        const items = [...history.demoted];
        demotionMask = tf.tidy(() => tf.scatterND(tf.tensor2d(items, [items.length, 1], 'int32'), tf.ones([items.length]), [itemCount]));
      }
    }
    const coefficients = layerCoefficients(history, layers);
    const mask = model.demoteDismissed ? demotionMask : undefined;
    ranked = tf.tidy(() => {
      let user: tf.Tensor2D = tf.matMul(tf.tensor2d(coefficients, [1, layers + 1]), sums);
      if (profileShare) user = tf.add<tf.Tensor2D>(user, tf.mul(profileShare, 1 / (layers + 1)));
      let scores: tf.Tensor1D = tf.reshape(tf.matMul(user, tables.final, false, true), [itemCount]);
      if (mask) {
        // As `demoteDismissed`: shift below the lowest score by the whole spread plus 1.
        const shift = tf.add(tf.sub(tf.max(scores), tf.min(scores)), 1);
        scores = tf.sub<tf.Tensor1D>(scores, tf.mul(mask, shift));
      }
      return { user, scores };
    });
    return ranked;
  };

  setProfile(options.profile);

  return {
    addEvent({ item, event, timestamp }) {
      const change = history.record(item, event, timestamp);
      if (change.item < 0) return;
      forgetRanked();
      if (change.demotedChanged) demotionStale = true;
      if (history.aggregationSize === 0) {
        // Layer 0 emptied: whatever row-0 entries are pending no longer matter.
        zeroLayer0 = true;
        const keep = pending.rows.flatMap((row, entry) => (row === 0 ? [] : [entry]));
        pending = {
          rows: keep.map((entry) => pending.rows[entry] ?? 0),
          columns: keep.map((entry) => pending.columns[entry] ?? 0),
          weights: keep.map((entry) => pending.weights[entry] ?? 0),
        };
      } else if (change.strengthDelta !== 0) {
        pending.rows.push(0);
        pending.columns.push(item);
        pending.weights.push(change.strengthDelta);
      }
      if (change.newPositive) {
        for (let layer = 1; layer <= layers; layer++) {
          pending.rows.push(layer);
          pending.columns.push(layer * itemCount + item);
          pending.weights.push(invSqrtDegree[item] ?? 0);
        }
      }
    },
    setProfile,
    async representation() {
      return Float32Array.from(await refresh().user.data());
    },
    async scores() {
      return Float32Array.from(await refresh().scores.data());
    },
    async topK(k, excluded) {
      if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
      const { scores } = refresh();
      const left = [...(excluded ?? [])].filter((item) => Number.isInteger(item) && item >= 0 && item < itemCount);
      // Never ask for an excluded item: with k ≤ what is left, -∞ scores never reach the top.
      const wanted = Math.min(k, itemCount - left.length);
      if (wanted === 0) return [];
      const taken = Math.min(wanted + 1, itemCount);
      const candidates = tf.tidy(() =>
        left.length === 0 ? tf.clone(scores) : tf.add(scores, tf.scatterND(tf.tensor2d(left, [left.length, 1], 'int32'), tf.fill([left.length], -Infinity), [itemCount])),
      );
      try {
        const packed = tf.tidy(() => {
          const { values, indices } = tf.topk(candidates, taken);
          return tf.concat([values, tf.cast(indices, 'float32')]);
        });
        const read = await packed.data();
        packed.dispose();
        const top = Array.from({ length: taken }, (_, rank) => ({ item: read[taken + rank] ?? 0, score: read[rank] ?? 0 }));
        const byScoreThenId = (a: { item: number; score: number }, b: { item: number; score: number }) => b.score - a.score || a.item - b.item;
        const last = top[wanted - 1]?.score;
        if (taken === wanted || top[wanted]?.score !== last || last === undefined) {
          return top.slice(0, wanted).sort(byScoreThenId).map((entry) => entry.item);
        }
        // Equal scores straddle the cut: take every item with that score, ascending by id.
        const tied = tf.tidy(() => tf.equal(candidates, last));
        const tiedItems = await tf.whereAsync(tied);
        const tiedIds = Array.from(await tiedItems.data());
        tf.dispose([tied, tiedItems]);
        const better = top.filter((entry) => entry.score > last).sort(byScoreThenId).map((entry) => entry.item);
        return [...better, ...tiedIds].slice(0, wanted);
      } finally {
        candidates.dispose();
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      forgetRanked();
      tf.dispose([sums, ...(profileShare ? [profileShare] : []), ...(demotionMask ? [demotionMask] : [])]);
    },
  };
}
