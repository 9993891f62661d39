import type { Catalog, GoalTag } from '../../src/engine/catalog';
import type { Rng } from '../lib/random';
import { type ItemProfile, profileItems, TASTE_DIMENSIONS } from './item-profile';
import { samplePersona } from './persona';
import { clamp } from './sampling';
import { streamRng } from './seeds';
import { type CatalogContext, simulateUserEvents } from './sessions';
import { type Interaction, type LatentTraits, type SimulatedDataset, type SimulatedUser, SIMULATION_WINDOW } from './types';
import { utility } from './utility';

export interface SimulateOptions {
  /** How many customers to simulate (a positive integer). */
  readonly users: number;
  /** Any integer; the same seed and catalog give the same dataset. */
  readonly seed: number;
  readonly catalog: Catalog;
}

/** Simulates a year of customers' behaviour on the catalog. Deterministic for a seed. */
export function simulate({ users, seed, catalog }: SimulateOptions): SimulatedDataset {
  if (!Number.isSafeInteger(users) || users < 1) throw new RangeError(`users must be a positive integer, got ${users}.`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}.`);

  const items = profileItems(catalog.products, seed);
  const catalogContext: CatalogContext = { items, itemsByGoal: indexByGoal(items) };
  const utilities = new Float64Array(users * items.length);
  const simulatedUsers: SimulatedUser[] = [];
  const interactions: Interaction[] = [];

  for (let u = 0; u < users; u++) {
    const user = sampleUser(streamRng(seed, 'users', u), userId(u));
    const row = utilities.subarray(u * items.length, (u + 1) * items.length);
    items.forEach((item, i) => {
      row[i] = utility(user.persona, user.latent, item);
    });
    simulatedUsers.push(user);
    interactions.push(...simulateUserEvents(streamRng(seed, 'sessions', u), { ...user, utilities: row }, catalogContext));
  }

  return {
    seed,
    notice: catalog.notice,
    products: catalog.products,
    users: simulatedUsers.map((user) => user.persona),
    interactions,
    utilities,
  };
}

/** `u00001`, `u00002`, …: fixed width, so ids sort in user order. */
export function userId(index: number): string {
  return `u${String(index + 1).padStart(5, '0')}`;
}

function sampleUser(rng: Rng, id: string): SimulatedUser {
  const persona = samplePersona(rng, id);
  const latent: LatentTraits = {
    taste: Array.from({ length: TASTE_DIMENSIONS }, () => rng.normal() / 2),
    // Log-normal activity around two sessions a month: a few heavy users, many occasional ones.
    sessionsPerYear: clamp(Math.exp(Math.log(30) + 0.5 * rng.normal()), 4, 200),
    // 70% are customers all year; the rest join during the first seven months.
    joinedAt:
      rng.next() < 0.7
        ? SIMULATION_WINDOW.start
        : SIMULATION_WINDOW.start + Math.floor(rng.next() * 0.6 * (SIMULATION_WINDOW.end - SIMULATION_WINDOW.start)),
  };
  return { persona, latent };
}

function indexByGoal(items: readonly ItemProfile[]): Map<GoalTag, number[]> {
  const byGoal = new Map<GoalTag, number[]>();
  items.forEach((item, index) => {
    for (const goal of item.goals) {
      const list = byGoal.get(goal) ?? [];
      list.push(index);
      byGoal.set(goal, list);
    }
  });
  return byGoal;
}
