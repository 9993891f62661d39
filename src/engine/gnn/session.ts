/**
 * An incremental, on-device GNN session for one person: events arrive one at a time and each
 * updates the user's representation in O(K·dim), instead of `scoreUserHistory` rebuilding it from
 * the whole history. Scoring is then one O(items·dim) pass.
 *
 * What makes this possible is that every user-side quantity of `model.ts` is a normalised sum:
 *   layer 0   = Σ_i s_i·src_i / (Σ_i s_i + prior)   s_i = the item's strongest event weight, 0 if dismissed
 *   layer l≥1 = (1/√|P|) · Σ_{i∈P} item_i^(l−1) / √deg_i     P = the distinct positives
 * (plus the profile's term in layer 0), so the session keeps the unnormalised sums (and Σ s_i, |P|)
 * and normalises only when scoring.
 * Events change the sums only by adding one item's row: a stronger event raises s_i, a dismissal
 * of a non-positive sets it to 0, a first favourite/purchase adds the item to every layer ≥ 1.
 * Positives are never removed (a dismissal does not undo a purchase), so no sum ever has to be
 * rebuilt.
 *
 * Sums are float64, so cancellation (a view added, then dismissed) leaves only ~1e-16 relative
 * residue; the float32 reference path differs from this by float32 rounding alone.
 */
import { INTERACTION_EVENTS, type InteractionEvent, type SideEvent, type UserProfile } from '../rank/recommender';
import { addProfileTerm, personFeatures, recencyFactor, type EventWeights, type GnnItemSide } from './model';

/** What one event changed, for a session to apply to its sums. */
export interface HistoryChange {
  /** The item the event was about; −1 when the event changed nothing. */
  readonly item: number;
  /** Change of the item's layer-0 strength s_i (unnormalised; 0 when unchanged). */
  readonly strengthDelta: number;
  /** The item became a positive: it joins every propagation layer. */
  readonly newPositive: boolean;
  /** The set of demoted (dismissed, non-positive) items changed. */
  readonly demotedChanged: boolean;
}

const NO_CHANGE: HistoryChange = { item: -1, strengthDelta: 0, newPositive: false, demotedChanged: false };

/**
 * The per-item bookkeeping both sessions share (this one and the tfjs one in `session-tfjs.ts`):
 * which items are positives, dismissed, and how strongly each counts in layer 0. O(items) memory,
 * O(1) per event. It mirrors `aggregationWeights`, `propagationWeights` and `demoteDismissed` of
 * `model.ts`, so that the same events give the same weights whatever their order.
 */
export class GnnHistory {
  /** Strongest weight among the item's events (whether or not it is dismissed). */
  private readonly strongest: Float64Array;
  private readonly positive: Uint8Array;
  private readonly dismissed: Uint8Array;
  /** Items with a non-zero layer-0 strength; 0 means layer 0 is exactly empty. */
  private aggregated = 0;
  private strengthTotal = 0;
  private positives = 0;
  /** Time of the first event (recency only): the frame strengths are kept in. */
  private reference: number | undefined;
  /** Time of the latest event (recency only): "now" for the decay. */
  private latest = -Infinity;
  /** Dismissed items that are not positives, the ones scoring ranks last. */
  readonly demoted = new Set<number>();

  constructor(
    readonly itemCount: number,
    private readonly weights: EventWeights,
  ) {
    this.strongest = new Float64Array(itemCount);
    this.positive = new Uint8Array(itemCount);
    this.dismissed = new Uint8Array(itemCount);
  }

  /**
   * What layer 0's sum is divided by: Σ s_i plus the profile prior (`EventWeights.prior`), as in
   * `aggregationWeights`; 0 when layer 0 is empty (then it is 0, whatever the prior).
   */
  get aggregationNormaliser(): number {
    if (this.aggregated === 0) return 0;
    // Strengths are kept relative to the first event's time (see `record`); the prior, which does
    // not decay, is brought into the same frame by the factor of the latest time.
    const priorScale = this.reference === undefined ? 1 : 1 / recencyFactor(this.weights, this.reference, this.latest);
    return this.strengthTotal + (this.weights.prior ?? 0) * priorScale;
  }

  /** Number of items in layer 0. */
  get aggregationSize(): number {
    return this.aggregated;
  }

  /** |P|, the number of distinct positives. */
  get positiveCount(): number {
    return this.positives;
  }

  /**
   * Records one event and says what it changed.
   *
   * Like `scoreUserHistory`: a favourite/purchase of an item outside the catalog is an error, any
   * other event about one is ignored (a product may have left the catalog since it was viewed).
   *
   * @throws RangeError for a non-integer item, a positive of an unknown item, or an unknown event.
   */
  record(item: number, event: InteractionEvent, timestamp?: number): HistoryChange {
    if (!Number.isInteger(item)) throw new RangeError(`item must be an integer index, got ${item}`);
    // Events come from storage and other code: a misspelt one must not count as a positive.
    if (!INTERACTION_EVENTS.includes(event)) throw new RangeError(`unknown event ${event}`);
    const isPositive = event === 'favourite' || event === 'purchase';
    if (item < 0 || item >= this.itemCount) {
      if (isPositive) throw new RangeError(`unknown item ${item}`);
      return NO_CHANGE;
    }
    // With recency, an event of time t weighs w·2^((t − t0)/h) against the first event's time t0:
    // the ratios are those of w·2^((t − now)/h), and no stored strength changes as time moves on.
    // A later event moves "now", which changes the prior's share: that alone is a change.
    let factor = 1;
    let nowMoved = false;
    if ((this.weights.halfLifeDays ?? 0) > 0) {
      if (timestamp === undefined || !Number.isFinite(timestamp)) throw new RangeError('events need a timestamp: the model weighs them by recency');
      this.reference ??= timestamp;
      nowMoved = timestamp > this.latest;
      this.latest = Math.max(this.latest, timestamp);
      factor = recencyFactor(this.weights, timestamp, this.reference);
    }
    const before = this.strength(item);
    const wasDemoted = this.demoted.has(item);
    let newPositive = false;
    if (isPositive) {
      this.raise(item, this.weights.positive * factor);
      if (this.positive[item] === 0) {
        this.positive[item] = 1;
        this.positives++;
        newPositive = true;
      }
    } else if (event === 'dismiss') {
      this.dismissed[item] = 1;
    } else {
      this.raise(item, (event === 'click' ? this.weights.click : this.weights.view) * factor);
    }
    const after = this.strength(item);
    if (before === 0 && after > 0) this.aggregated++;
    if (before > 0 && after === 0) this.aggregated--;
    // Reset rather than subtract when layer 0 empties: a rounding residue divided by a total that
    // should be 0 would be huge, while an exact 0 makes the layer exactly empty, as in `model.ts`.
    this.strengthTotal = this.aggregated === 0 ? 0 : this.strengthTotal + (after - before);
    const isDemoted = this.dismissed[item] === 1 && this.positive[item] === 0;
    if (isDemoted) this.demoted.add(item);
    else this.demoted.delete(item);
    if (after === before && !newPositive && isDemoted === wasDemoted && !nowMoved) return NO_CHANGE;
    return { item, strengthDelta: after - before, newPositive, demotedChanged: isDemoted !== wasDemoted };
  }

  /** The item's layer-0 strength s_i: its strongest event, or 0 once dismissed (unless a positive). */
  strength(item: number): number {
    return this.dismissed[item] === 1 && this.positive[item] === 0 ? 0 : (this.strongest[item] ?? 0);
  }

  private raise(item: number, weight: number): void {
    // A weight of 0 leaves the event out, as in `aggregationWeights`.
    if (weight > 0 && weight > (this.strongest[item] ?? 0)) this.strongest[item] = weight;
  }
}

/** 1/√deg_i per item, the item's share of a propagation edge θ_ui = 1/√(|P|·deg_i). */
export function inverseSqrtDegrees(model: Pick<GnnItemSide, 'itemCount' | 'itemDegree'>): Float64Array {
  return Float64Array.from({ length: model.itemCount }, (_, item) => 1 / Math.sqrt(Math.max(1, model.itemDegree[item] ?? 0)));
}

/**
 * How the user's layers are mixed into their final representation: layer 0 (already including
 * its 1/Σs normalisation) and each layer ≥ 1 (its 1/√|P|), all divided by K+1 for the mean.
 */
export function layerCoefficients(history: GnnHistory, layers: number): number[] {
  const mean = 1 / (layers + 1);
  const normaliser = history.aggregationNormaliser;
  const layer0 = normaliser > 0 ? mean / normaliser : 0;
  const propagated = history.positiveCount > 0 ? mean / Math.sqrt(history.positiveCount) : 0;
  return [layer0, ...new Array<number>(layers).fill(propagated)];
}

/** The profile's share of the user's layer 0 (features·P; the bias alone without a profile), or undefined when the model takes none. */
export function profileTerm(model: GnnItemSide, profile: UserProfile | undefined): Float32Array | undefined {
  const features = personFeatures(model, profile);
  if (!features) return undefined;
  const term = new Float32Array(model.dim);
  addProfileTerm(model, features, term);
  return term;
}

/** An event as the app records it (`SideEvent`; favourite and purchase are the positives). */
export type GnnEvent = Pick<SideEvent, 'item' | 'event'> & Partial<Pick<SideEvent, 'timestamp'>>;

/** One person's incremental scoring session (see the file comment). */
export interface GnnSession {
  /**
   * Adds one event: O(K·dim). The order of events does not matter to the scores (the model uses
   * the strongest event per item and the set of positives); the timestamp is read only when the
   * model weighs recency (`EventWeights.halfLifeDays`), and is then required.
   */
  addEvent(event: GnnEvent): void;
  /** Sets or clears the person's profile (O(profileDim·dim)); ignored when the model takes none. */
  setProfile(profile: UserProfile | undefined): void;
  /** The user's final representation (mean of layers 0..K), `dim` long. */
  representation(): Float32Array;
  /** One score per item, as `scoreUserHistory` gives for the same history (a fresh array). */
  scores(): Float32Array;
  /**
   * The `k` best items, best first, ties by lower item id, leaving out `excluded`; dismissed
   * non-positive items rank below all others, as in `scoreUserHistory`. Fewer than `k` when the
   * catalog minus `excluded` is smaller.
   */
  topK(k: number, excluded?: ReadonlySet<number>): number[];
}

/**
 * Starts a session for a person with no events yet (and, optionally, their profile). The session
 * keeps O(items) bookkeeping and O(K·dim) sums; it reads `model` but never changes it.
 */
export function createGnnSession(model: GnnItemSide, profile?: UserProfile): GnnSession {
  const { itemCount, dim, layers } = model;
  const history = new GnnHistory(itemCount, model.eventWeights);
  const invSqrtDegree = inverseSqrtDegrees(model);
  // Row l (offset l·dim) holds the unnormalised user layer l: l = 0 aggregation, l ≥ 1 propagation.
  const sums = new Float64Array((layers + 1) * dim);
  let profileShare = profileTerm(model, profile);
  let cachedScores: Float32Array | undefined;

  const addRow = (layer: number, table: Float32Array | undefined, item: number, weight: number): void => {
    if (!table) return;
    const from = item * dim;
    const to = layer * dim;
    for (let c = 0; c < dim; c++) sums[to + c] = (sums[to + c] ?? 0) + weight * (table[from + c] ?? 0);
  };

  const representation = (): Float32Array => {
    const coefficients = layerCoefficients(history, layers);
    const user = new Float64Array(dim);
    for (let layer = 0; layer <= layers; layer++) {
      const coefficient = coefficients[layer] ?? 0;
      for (let c = 0; c < dim; c++) user[c] = (user[c] ?? 0) + coefficient * (sums[layer * dim + c] ?? 0);
    }
    if (profileShare) for (let c = 0; c < dim; c++) user[c] = (user[c] ?? 0) + (profileShare[c] ?? 0) / (layers + 1);
    return Float32Array.from(user);
  };

  const computeScores = (): Float32Array => {
    const user = representation();
    const scores = new Float32Array(itemCount);
    let low = Infinity;
    let high = -Infinity;
    const final = model.itemFinal;
    for (let item = 0; item < itemCount; item++) {
      const base = item * dim;
      let sum = 0;
      for (let c = 0; c < dim; c++) sum += (user[c] ?? 0) * (final[base + c] ?? 0);
      const score = Math.fround(sum);
      scores[item] = score;
      low = Math.min(low, score);
      high = Math.max(high, score);
    }
    // As `demoteDismissed`: shift dismissed items below the lowest score, keeping their order.
    if (model.demoteDismissed && history.demoted.size > 0) {
      const shift = high - low + 1;
      for (const item of history.demoted) scores[item] = (scores[item] ?? 0) - shift;
    }
    return scores;
  };

  const currentScores = (): Float32Array => (cachedScores ??= computeScores());

  return {
    addEvent({ item, event, timestamp }) {
      const change = history.record(item, event, timestamp);
      if (change.item < 0) return;
      cachedScores = undefined;
      // An emptied layer 0 is zeroed, not subtracted to a rounding residue (see GnnHistory.record).
      if (history.aggregationSize === 0) sums.fill(0, 0, dim);
      else if (change.strengthDelta !== 0) addRow(0, model.aggregationSource, item, change.strengthDelta);
      if (change.newPositive) {
        for (let layer = 1; layer <= layers; layer++) addRow(layer, model.itemLayers[layer - 1], item, invSqrtDegree[item] ?? 0);
      }
    },
    setProfile(next) {
      profileShare = profileTerm(model, next);
      cachedScores = undefined;
    },
    representation,
    scores: () => currentScores().slice(),
    topK: (k, excluded) => topKOf(currentScores(), k, excluded),
  };
}

/**
 * The `k` highest of `scores`, best first, ties by lower index, leaving out `excluded`: a bounded
 * min-heap, O(n log k), so a top 10 of 100,000 items does not sort them all.
 */
export function topKOf(scores: Float32Array, k: number, excluded?: ReadonlySet<number>): number[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  // `worse(a, b)`: a ranks after b. The heap's root is the worst item kept so far.
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a] ?? 0;
    const sb = scores[b] ?? 0;
    return sa < sb || (sa === sb && a > b);
  };
  const heap: number[] = [];
  const siftDown = (start: number): void => {
    let parent = start;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && worse(heap[right] ?? 0, heap[left] ?? 0) ? right : left;
      if (!worse(heap[child] ?? 0, heap[parent] ?? 0)) return;
      [heap[parent], heap[child]] = [heap[child] ?? 0, heap[parent] ?? 0];
      parent = child;
    }
  };
  for (let item = 0; item < scores.length && k > 0; item++) {
    if (excluded?.has(item)) continue;
    if (heap.length < k) {
      heap.push(item);
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (!worse(heap[child] ?? 0, heap[parent] ?? 0)) break;
        [heap[parent], heap[child]] = [heap[child] ?? 0, heap[parent] ?? 0];
        child = parent;
      }
    } else if (worse(heap[0] ?? 0, item)) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : -1));
}
