/**
 * `popularity`: every user gets the items with the most training positives. A new person (cold
 * start, `scoreNewUser`) gets the same list: the model ignores who is asking.
 */
import type { Recommender, TrainingData } from '../../../src/engine/rank/recommender';

export function createPopularity(): Recommender {
  let counts = new Float32Array(0);
  return {
    name: 'popularity',
    fit(data: TrainingData): Promise<void> {
      counts = new Float32Array(data.itemCount);
      for (const items of data.positives) for (const item of items) counts[item]!++;
      return Promise.resolve();
    },
    scoreUser(): Float32Array {
      return counts.slice();
    },
    scoreNewUser(): Float32Array {
      return counts.slice();
    },
  };
}
