/**
 * The device-side forward pass of the inductive GNN (trained by `tools/train/gnn.ts`; see
 * docs/gnn.md).
 *
 * The graph has product nodes and one user node. Nothing is trained per user: the user's layer 0
 * is Σ_i m_i·S_i + f·P, the event-weighted aggregation of a learned per-item table S (weights divided
 * by their sum plus a prior) plus the projection of their profile features f (the bias alone without
 * a profile); each further layer follows h_u^(l) = Σ_{i∈Ω_u} θ_ui h_i^(l−1) with
 * θ_ui = 1/√(|Ω_u|·d_i) over the user's positives (favourite/purchase), d_i the item's weighted degree
 * in the training graph (user–product and product–product edges; at least 1).
 * The item-side layers h_i^(l) are fixed after training (they were propagated over the training
 * graph), so a person never seen in training is scored from their own events and profile, exactly
 * as a training user with the same events and profile is. Final = mean of layers 0..K; score = dot
 * product with each item's final representation.
 *
 * Plain typed arrays and `spmm`: no tfjs, no Node APIs.
 */
import { EngineError } from '../errors';
import { buildCsr } from '../graph/csr-builder';
import type { NewUser, SideEvent, UserProfile } from '../rank/recommender';
import { biasOnlyFeatures, profileFeatures } from './profile';
import { spmm } from './spmm-cpu';

/**
 * How strongly each event puts an item into the user's layer-0 aggregation. Positives
 * (favourite, purchase) weigh `positive`; a click `click`, a view `view`; an item carries the
 * largest weight of its events. `dismiss` removes an item that is not a positive (a negative
 * signal is never averaged in as interest). A weight of 0 leaves that event out.
 */
export interface EventWeights {
  readonly positive: number;
  readonly click: number;
  readonly view: number;
  /**
   * Pseudo-weight of the profile: the weights are divided by (their sum + prior), so a person's
   * first weak events refine what their profile says rather than replace it; with many events the
   * prior fades. 0 (or absent): plain normalisation to sum 1.
   */
  readonly prior?: number;
  /**
   * Recency: an event's weight halves every this many days before the person's latest event
   * (`now` = their latest timestamp), so what they looked at last counts most. 0 (or absent): off.
   */
  readonly halfLifeDays?: number;
}

const SECONDS_PER_DAY = 86_400;

/** The factor an event of time `timestamp` keeps at time `now` (1 when recency is off). */
export function recencyFactor(weights: EventWeights, timestamp: number, now: number): number {
  const halfLife = weights.halfLifeDays ?? 0;
  return halfLife > 0 ? 2 ** ((timestamp - now) / (halfLife * SECONDS_PER_DAY)) : 1;
}

export const POSITIVES_ONLY: EventWeights = { positive: 1, click: 0, view: 0 };

/** What the device holds after training: item-side parameters only. */
export interface GnnItemSide {
  readonly itemCount: number;
  readonly dim: number;
  /** Propagation layers K. */
  readonly layers: number;
  /**
   * What a user's layer 0 averages, one row per item (`itemCount × dim`): the item's layer 0, or a
   * separate learned item-as-evidence table.
   */
  readonly aggregationSource: Float32Array;
  /** Item layers 0..K−1 (each `itemCount × dim`), the inputs of the user's layers 1..K. */
  readonly itemLayers: readonly Float32Array[];
  /** Mean of the item's layers 0..K, `itemCount × dim`. */
  readonly itemFinal: Float32Array;
  /**
   * Each item's weighted degree in the training graph (its users, plus β·weight of its product
   * edges): the d_i of θ_ui = 1/√(|Ω_u|·d_i).
   */
  readonly itemDegree: Float32Array;
  /** Length of a profile feature vector (`profile.ts`); 0 when the model takes no profile. */
  readonly profileDim: number;
  /** `profileDim × dim`: what a profile adds to the user's layer 0 (empty when `profileDim` is 0). */
  readonly profileProjection: Float32Array;
  readonly eventWeights: EventWeights;
  /**
   * Rank items the user dismissed (and has no positive for) below every other item. A dismissal is
   * an explicit "not for me", and the app does not show a dismissed product again.
   */
  readonly demoteDismissed: boolean;
}

/**
 * A user's own events and profile, as `NewUser` but with side events optional. For recency a
 * positive is timed by its latest positive event; a positive without a time counts as recent.
 */
export type UserHistory = Omit<NewUser, 'sideEvents'> & { readonly sideEvents?: readonly SideEvent[] };

/** A sparse row: items ascending with their weights. */
export interface SparseRow {
  readonly items: number[];
  readonly weights: number[];
}

/** The user's layer-0 aggregation weights (see `EventWeights`), normalised by their sum plus the prior. */
export function aggregationWeights(history: UserHistory, weights: EventWeights): SparseRow {
  const strength = new Map<number, number>();
  const raise = (item: number, weight: number): void => {
    if (weight > 0) strength.set(item, Math.max(strength.get(item) ?? 0, weight));
  };
  const sideEvents = history.sideEvents ?? [];
  let now = -Infinity;
  for (const event of sideEvents) now = Math.max(now, event.timestamp);
  for (const time of history.positiveTimes ?? []) now = Math.max(now, time);
  const decay = (timestamp: number | undefined): number => (timestamp === undefined || now === -Infinity ? 1 : recencyFactor(weights, timestamp, now));
  const positives = new Set(history.positives);
  history.positives.forEach((item, index) => {
    raise(item, weights.positive * decay(history.positiveTimes?.[index]));
  });
  const dismissed = new Set<number>();
  for (const event of sideEvents) {
    const factor = decay(event.timestamp);
    if (event.event === 'click') raise(event.item, weights.click * factor);
    else if (event.event === 'view') raise(event.item, weights.view * factor);
    else if (event.event === 'dismiss') dismissed.add(event.item);
    else raise(event.item, weights.positive * factor);
  }
  for (const item of dismissed) if (!positives.has(item)) strength.delete(item);
  const items = [...strength.keys()].sort((a, b) => a - b);
  let total = weights.prior ?? 0;
  for (const item of items) total += strength.get(item) ?? 0;
  return { items, weights: items.map((item) => (strength.get(item) ?? 0) / total) };
}

/** The propagation edges of a user node: θ_ui = 1/√(|Ω_u|·d_i) over their positives. */
export function propagationWeights(positives: readonly number[], itemDegree: Float32Array): SparseRow {
  const items = [...new Set(positives)].sort((a, b) => a - b);
  return { items, weights: items.map((item) => 1 / Math.sqrt(items.length * Math.max(1, itemDegree[item] ?? 0))) };
}

function rowTimes(row: SparseRow, matrix: Float32Array, itemCount: number, dim: number): Float32Array {
  const csr = buildCsr(1, itemCount, { target: row.items.map(() => 0), source: row.items, weight: row.weights });
  return spmm(csr, matrix, dim);
}

/** The user's final representation (mean of layers 0..K) from their own events. */
export function userRepresentation(model: GnnItemSide, history: UserHistory): Float32Array {
  const { itemCount, dim, layers } = model;
  for (const item of history.positives) {
    if (!Number.isInteger(item) || item < 0 || item >= itemCount) throw new EngineError('INVALID_INPUT', `Product ${item} is not in the model's catalog.`);
  }
  const aggregation = aggregationWeights(
    { ...history, sideEvents: (history.sideEvents ?? []).filter((e) => Number.isInteger(e.item) && e.item >= 0 && e.item < itemCount) },
    model.eventWeights,
  );
  const layerInput = (layer: number): Float32Array => model.itemLayers[layer] ?? new Float32Array(itemCount * dim);
  const final = rowTimes(aggregation, model.aggregationSource, itemCount, dim);
  const features = personFeatures(model, history.profile);
  if (features) addProfileTerm(model, features, final);
  const propagation = propagationWeights(history.positives, model.itemDegree);
  for (let layer = 1; layer <= layers; layer++) {
    const next = rowTimes(propagation, layerInput(layer - 1), itemCount, dim);
    for (let c = 0; c < dim; c++) final[c] = (final[c] ?? 0) + (next[c] ?? 0);
  }
  for (let c = 0; c < dim; c++) final[c] = (final[c] ?? 0) / (layers + 1);
  return final;
}

/**
 * The profile features the model takes for a person: their profile's, or the bias alone when they
 * have none or the model was trained without profiles (`profileDim` 1); undefined when the model
 * takes no profile features at all.
 */
export function personFeatures(model: Pick<GnnItemSide, 'profileDim'>, profile: UserProfile | undefined): Float32Array | undefined {
  if (model.profileDim === 0) return undefined;
  return profile && model.profileDim > 1 ? profileFeatures(profile) : biasOnlyFeatures(model.profileDim);
}

/** Adds features·P (the profile's share of the user's layer 0) to `out`. */
export function addProfileTerm(model: Pick<GnnItemSide, 'dim' | 'profileDim' | 'profileProjection'>, features: Float32Array, out: Float32Array): void {
  const { dim, profileDim, profileProjection } = model;
  if (features.length !== profileDim) {
    throw new EngineError('INVALID_INPUT', `The profile gives ${features.length} features but the model takes ${profileDim}: its goals were embedded by another encoder.`);
  }
  for (let f = 0; f < profileDim; f++) {
    const value = features[f] ?? 0;
    if (value === 0) continue;
    const row = f * dim;
    for (let c = 0; c < dim; c++) out[c] = (out[c] ?? 0) + value * (profileProjection[row + c] ?? 0);
  }
}

/** Dot product of the user's representation with every item's final representation. */
export function scoreItems(model: GnnItemSide, user: Float32Array): Float32Array {
  const { itemCount, dim } = model;
  const scores = new Float32Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    const base = item * dim;
    let sum = 0;
    for (let c = 0; c < dim; c++) sum += (user[c] ?? 0) * (model.itemFinal[base + c] ?? 0);
    scores[item] = sum;
  }
  return scores;
}

/** A score per item for a user described by their events and profile (see `userRepresentation`). */
export function scoreUserHistory(model: GnnItemSide, history: UserHistory): Float32Array {
  const scores = scoreItems(model, userRepresentation(model, history));
  if (model.demoteDismissed) demoteDismissed(scores, history);
  return scores;
}

/** Moves the user's dismissed items (not positives) below every other item, keeping their order. */
export function demoteDismissed(scores: Float32Array, history: UserHistory): void {
  const positives = new Set(history.positives);
  const dismissed = new Set<number>();
  for (const event of history.sideEvents ?? []) {
    if (event.event === 'dismiss' && !positives.has(event.item) && event.item >= 0 && event.item < scores.length) dismissed.add(event.item);
  }
  if (dismissed.size === 0) return;
  let low = Infinity;
  let high = -Infinity;
  for (const score of scores) {
    low = Math.min(low, score);
    high = Math.max(high, score);
  }
  const shift = high - low + 1;
  for (const item of dismissed) scores[item] = (scores[item] ?? 0) - shift;
}
