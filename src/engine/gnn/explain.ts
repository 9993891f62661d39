/**
 * Why the GNN scores a product as it does, from the model's own arithmetic. The person's final
 * representation is a sum of one vector per product they acted on (its layer-0 aggregation share
 * plus its propagation share in every layer) and one for their profile, and a score is a dot
 * product with it; so each source's share of a score is exact and the shares add up to the score.
 * This is what lets a recommendation say "because you saved X" truthfully.
 */
import { aggregationWeights, personFeatures, propagationWeights, type GnnItemSide, type UserHistory } from './model';

/** Where part of a score comes from: a product the person acted on, or their profile. */
export type ScoreSource = { readonly kind: 'item'; readonly item: number } | { readonly kind: 'profile' };

export interface ScoreContribution {
  readonly source: ScoreSource;
  /** This source's share of the score; the shares of all sources add up to `score`. */
  readonly share: number;
}

export interface ScoreExplanation {
  /** The model's score before dismissed products are moved last (`scoreItems`). */
  readonly score: number;
  /** Every source with a non-zero share, largest share first (ties by product id, the profile last). */
  readonly contributions: readonly ScoreContribution[];
}

function dot(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, dim: number): number {
  let sum = 0;
  for (let c = 0; c < dim; c++) sum += (a[aOffset + c] ?? 0) * (b[bOffset + c] ?? 0);
  return sum;
}

/**
 * Splits the score of `item` for the person described by `history` into the shares of the products
 * they acted on and of their profile (see the file comment).
 */
export function explainScore(model: GnnItemSide, history: UserHistory, item: number): ScoreExplanation {
  const { dim, layers, itemCount } = model;
  if (!Number.isInteger(item) || item < 0 || item >= itemCount) throw new RangeError(`item must be a product index below ${itemCount}, got ${item}`);
  const target = item * dim;
  const mean = 1 / (layers + 1);
  const shares = new Map<number, number>();
  const add = (source: number, share: number): void => {
    shares.set(source, (shares.get(source) ?? 0) + share);
  };
  const sideEvents = (history.sideEvents ?? []).filter((event) => Number.isInteger(event.item) && event.item >= 0 && event.item < itemCount);
  const aggregation = aggregationWeights({ ...history, sideEvents }, model.eventWeights);
  aggregation.items.forEach((source, index) => {
    add(source, mean * (aggregation.weights[index] ?? 0) * dot(model.aggregationSource, source * dim, model.itemFinal, target, dim));
  });
  const propagation = propagationWeights(history.positives, model.itemDegree);
  for (let layer = 1; layer <= layers; layer++) {
    const input = model.itemLayers[layer - 1];
    if (!input) continue;
    propagation.items.forEach((source, index) => {
      add(source, mean * (propagation.weights[index] ?? 0) * dot(input, source * dim, model.itemFinal, target, dim));
    });
  }
  const contributions: ScoreContribution[] = [...shares]
    .filter(([, share]) => share !== 0)
    .sort(([a, x], [b, y]) => y - x || a - b)
    .map(([source, share]) => ({ source: { kind: 'item', item: source }, share }));
  const features = personFeatures(model, history.profile);
  if (features) {
    let profileShare = 0;
    for (let f = 0; f < model.profileDim; f++) {
      const value = features[f] ?? 0;
      if (value !== 0) profileShare += value * dot(model.profileProjection, f * dim, model.itemFinal, target, dim);
    }
    profileShare *= mean;
    if (profileShare !== 0) {
      const at = contributions.findIndex((contribution) => contribution.share < profileShare);
      contributions.splice(at < 0 ? contributions.length : at, 0, { source: { kind: 'profile' }, share: profileShare });
    }
  }
  return { score: contributions.reduce((sum, contribution) => sum + contribution.share, 0), contributions };
}
