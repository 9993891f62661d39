/**
 * The "For you" list from GNN scores: a suitability guard (nothing above the person's risk level,
 * ever), a diversity re-ranking (maximal marginal relevance over the products' GNN
 * representations) and, for every pick, the product the person acted on that raised its score most
 * (`explainScore`). Pure: no tfjs, no DOM, so the worker and Node tests run the same code.
 */
import { explainScore } from '../gnn/explain';
import type { GnnItemSide, UserHistory } from '../gnn/model';

export interface ForYouOptions {
  /** How many products to return (fewer when fewer are suitable). */
  readonly limit: number;
  /** The person's risk level, 1–5: a product with a higher risk level is never returned. */
  readonly maxRisk: number;
  /**
   * 0: pure relevance; towards 1, each pick is pushed away from products like those already picked
   * (MMR with λ = 1 − diversity).
   */
  readonly diversity: number;
  /** Model rows never to return (e.g. products already bought). */
  readonly excluded?: ReadonlySet<number>;
}

/** The score's evidence from `explainScore`: the strongest product acted on and the profile's share. */
export interface ScoreEvidence {
  /** The product the person acted on with the largest positive share of this score, if any. */
  readonly because?: { readonly item: number; readonly share: number };
  readonly profileShare: number;
}

export interface ForYouPick extends ScoreEvidence {
  /** The model row of the product. */
  readonly item: number;
  readonly score: number;
}

/** The evidence for `item`'s score (one `explainScore`): its strongest positive product share and the profile's share. */
export function scoreEvidence(model: GnnItemSide, history: UserHistory, item: number): ScoreEvidence {
  const { contributions } = explainScore(model, history, item);
  const profileShare = contributions.find((c) => c.source.kind === 'profile')?.share ?? 0;
  const strongest = contributions.find((c) => c.source.kind === 'item' && c.share > 0);
  return strongest?.source.kind === 'item' ? { because: { item: strongest.source.item, share: strongest.share }, profileShare } : { profileShare };
}

/** Cosine similarity of two rows of the products' final GNN representations. */
function similarity(model: GnnItemSide, a: number, b: number, norms: Float64Array): number {
  const { dim, itemFinal } = model;
  let dot = 0;
  for (let c = 0; c < dim; c++) dot += (itemFinal[a * dim + c] ?? 0) * (itemFinal[b * dim + c] ?? 0);
  const scale = (norms[a] ?? 0) * (norms[b] ?? 0);
  return scale > 0 ? dot / scale : 0;
}

/**
 * Picks the For-you products from `scores` (one per model row, as `scoreUserHistory` gives):
 * suitable ones only (`itemRisk[row] ≤ maxRisk`), dismissed ones never (their scores were moved
 * below all others, so they are skipped explicitly), re-ranked for diversity, each with its
 * strongest piece of evidence from the person's own history.
 */
export function pickForYou(
  model: GnnItemSide,
  history: UserHistory,
  scores: Float32Array,
  itemRisk: ArrayLike<number>,
  options: ForYouOptions,
): ForYouPick[] {
  const { limit, maxRisk, diversity } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  if (!(diversity >= 0 && diversity <= 1)) throw new RangeError(`diversity must be between 0 and 1, got ${diversity}`);
  const positives = new Set(history.positives);
  const dismissed = new Set((history.sideEvents ?? []).filter((e) => e.event === 'dismiss' && !positives.has(e.item)).map((e) => e.item));
  const candidates: number[] = [];
  for (let item = 0; item < model.itemCount; item++) {
    const risk = itemRisk[item];
    if (risk === undefined || risk > maxRisk || dismissed.has(item) || options.excluded?.has(item)) continue;
    candidates.push(item);
  }
  // Relevance on a 0–1 scale, so that it and similarity weigh alike in MMR.
  let low = Infinity;
  let high = -Infinity;
  for (const item of candidates) {
    low = Math.min(low, scores[item] ?? 0);
    high = Math.max(high, scores[item] ?? 0);
  }
  const relevance = (item: number): number => (high > low ? ((scores[item] ?? 0) - low) / (high - low) : 0);
  const norms = Float64Array.from({ length: model.itemCount }, (_, item) => {
    let sum = 0;
    for (let c = 0; c < model.dim; c++) sum += (model.itemFinal[item * model.dim + c] ?? 0) ** 2;
    return Math.sqrt(sum);
  });
  const picked: number[] = [];
  const remaining = new Set(candidates);
  // Each candidate's largest similarity to the picks so far (at least 0), updated with each new pick only.
  const redundancy = new Float64Array(model.itemCount);
  while (picked.length < limit && remaining.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const item of remaining) {
      const value = (1 - diversity) * relevance(item) - diversity * (redundancy[item] ?? 0);
      // Candidates are visited in ascending row order, so ties go to the lower row.
      if (value > bestValue) {
        best = item;
        bestValue = value;
      }
    }
    picked.push(best);
    remaining.delete(best);
    if (diversity > 0) for (const item of remaining) redundancy[item] = Math.max(redundancy[item] ?? 0, similarity(model, item, best, norms));
  }
  return picked.map((item) => ({ item, score: scores[item] ?? 0, ...scoreEvidence(model, history, item) }));
}
