import { INTERACTION_EVENTS, type InteractionEvent } from '../../src/engine/rank/recommender';
import type { SimulatedDataset } from './types';

export interface DatasetSummary {
  readonly users: number;
  readonly items: number;
  readonly events: Readonly<Record<InteractionEvent, number>>;
  /** Distinct items each user favourited or bought. */
  readonly positivesPerUser: { readonly min: number; readonly p10: number; readonly median: number; readonly p90: number; readonly max: number; readonly mean: number };
  readonly usersWithAtLeast5Positives: number;
}

export function summarizeDataset(dataset: SimulatedDataset): DatasetSummary {
  const events = Object.fromEntries(INTERACTION_EVENTS.map((event) => [event, 0])) as Record<InteractionEvent, number>;
  const positives = new Map<string, Set<string>>(dataset.users.map((user) => [user.userId, new Set()]));
  for (const interaction of dataset.interactions) {
    events[interaction.event] += 1;
    if (interaction.event === 'favourite' || interaction.event === 'purchase') positives.get(interaction.userId)?.add(interaction.itemId);
  }
  const counts = [...positives.values()].map((items) => items.size).sort((a, b) => a - b);
  const at = (q: number): number => counts[Math.min(counts.length - 1, Math.floor(q * counts.length))] ?? 0;
  return {
    users: dataset.users.length,
    items: dataset.products.length,
    events,
    positivesPerUser: {
      min: at(0),
      p10: at(0.1),
      median: at(0.5),
      p90: at(0.9),
      max: counts[counts.length - 1] ?? 0,
      mean: counts.reduce((sum, count) => sum + count, 0) / Math.max(1, counts.length),
    },
    usersWithAtLeast5Positives: counts.filter((count) => count >= 5).length,
  };
}
