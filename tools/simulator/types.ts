import type { GoalTag, Product } from '../../src/engine/catalog';
import type { InteractionEvent } from '../../src/engine/rank/recommender';

export const INCOME_BANDS = ['low', 'lower_middle', 'middle', 'upper_middle', 'high'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];

export type LiquidityNeed = 'low' | 'medium' | 'high';

/** What the dataset reveals about a simulated customer (users.csv). */
export interface Persona {
  readonly userId: string;
  readonly age: number;
  readonly incomeBand: IncomeBand;
  /** 1 (avoids risk) to 5 (seeks it), comparable with a product's risk level. */
  readonly riskTolerance: number;
  readonly horizonYears: number;
  /** The first goal is the primary one; it sets the horizon. */
  readonly goals: readonly GoalTag[];
  readonly liquidityNeed: LiquidityNeed;
  /** 1 (novice) to 5 (expert). */
  readonly literacy: number;
  /** The goals as the customer might type them. */
  readonly goalsText: string;
}

/** Traits that shape behaviour but are not published: recommenders must infer their effect. */
export interface LatentTraits {
  /** Unobserved taste, matched against each item's latent factors. */
  readonly taste: readonly number[];
  readonly sessionsPerYear: number;
  /** Unix seconds of the first possible session (some customers join during the year). */
  readonly joinedAt: number;
}

export interface SimulatedUser {
  readonly persona: Persona;
  readonly latent: LatentTraits;
}

export interface Interaction {
  readonly userId: string;
  readonly itemId: string;
  /** Unix seconds. */
  readonly timestamp: number;
  readonly event: InteractionEvent;
}

export interface SimulatedDataset {
  readonly seed: number;
  /** The catalog's "illustrative products, not financial advice" notice, carried into the output. */
  readonly notice: string;
  readonly products: readonly Product[];
  readonly users: readonly Persona[];
  /** Sorted by user (in `users` order), then timestamp. */
  readonly interactions: readonly Interaction[];
  /** Ground-truth utility, `users.length × products.length`, row-major in `users` and `products` order. */
  readonly utilities: Float64Array;
}

/** The simulated year, [start, end) in Unix seconds: 2025-01-01 to 2025-12-31 inclusive, UTC. */
export const SIMULATION_WINDOW = { start: Date.UTC(2025, 0, 1) / 1000, end: Date.UTC(2026, 0, 1) / 1000 } as const;
