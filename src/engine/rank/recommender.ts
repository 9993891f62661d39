/**
 * The one interface every recommender implements, so that the evaluation harness scores baselines
 * and the GNN the same way. Everything is in index space: users 0..userCount-1, items 0..itemCount-1.
 */

/** Behaviour events, weakest to strongest interest; `dismiss` is a negative signal. */
export type InteractionEvent = 'view' | 'click' | 'favourite' | 'purchase' | 'dismiss';

export const INTERACTION_EVENTS: readonly InteractionEvent[] = ['view', 'click', 'favourite', 'purchase', 'dismiss'];

export interface SideEvent {
  readonly item: number;
  readonly event: InteractionEvent;
  /** Unix seconds. */
  readonly timestamp: number;
}

/**
 * What a person says about themselves (financial data: users.csv), with the goals text already
 * embedded by our encoder. Turned into model inputs by `src/engine/gnn/profile.ts`.
 */
export interface UserProfile {
  /** 1–5, on the scale of the products' risk levels R1–R5. */
  readonly riskTolerance: number;
  readonly horizonYears: number;
  readonly age: number;
  /** L2-normalised embedding of the goals text, `embeddingDim` long. */
  readonly goalsEmbedding: Float32Array;
}

/** A person not in the training data, known only by their own events and, where given, their profile. */
export interface NewUser {
  readonly positives: readonly number[];
  /** For recency: when each positive last happened (Unix seconds, aligned with `positives`), where known. */
  readonly positiveTimes?: readonly number[];
  readonly sideEvents: readonly SideEvent[];
  readonly profile?: UserProfile;
}

/** What a recommender may learn from: training positives and, where the data has them, side events of the training period. */
export interface TrainingData {
  readonly userCount: number;
  readonly itemCount: number;
  /** Per user, the items of their training positives (no duplicates). */
  readonly positives: readonly (readonly number[])[];
  /** Per user, non-positive events from the training period only (empty where the data has none). */
  readonly sideEvents: readonly (readonly SideEvent[])[];
  /** Per item, its text (items.csv `text`). */
  readonly itemTexts: readonly string[];
  /** Per item, an L2-normalised text embedding from our encoder, `itemCount × dim` row-major. */
  readonly itemEmbeddings: Float32Array;
  readonly embeddingDim: number;
  /** Seed for any randomness, so that a run is reproducible. */
  readonly seed: number;
  /** Per user, when each training positive happened (Unix seconds, aligned with `positives`), where the data has times. */
  readonly positiveTimes?: readonly (readonly number[])[];
  /** Per item, structured attributes as features (`src/engine/gnn/product-features.ts`), `itemCount × itemFeatureDim`; absent where items.csv lacks them. */
  readonly itemFeatures?: Float32Array;
  readonly itemFeatureDim?: number;
  /** Per user, their profile where the data has one (financial data); absent for data without profiles. */
  readonly userProfiles?: readonly (UserProfile | undefined)[];
}

export interface Recommender {
  /** Name in reports, e.g. `popularity`, `mf-bpr`. */
  readonly name: string;
  fit(data: TrainingData): Promise<void>;
  /**
   * A score for every item for `user` (higher is better), length `itemCount`. The harness removes
   * the user's training positives and breaks ties by item id, so implementations need not.
   */
  scoreUser(user: number): Float32Array;
  /**
   * After `fit`, scores for a person who was not in the training data, from their own events and
   * profile alone (cold start and few-shot). Recommenders with per-user parameters leave it out.
   */
  scoreNewUser?(user: NewUser): Float32Array;
  /** After `fit`, how the model ended up configured (e.g. hyper-parameters chosen on validation), for reports. */
  describe?(): string;
}
