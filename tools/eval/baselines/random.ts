/**
 * `random`: uniform random scores, the floor every model must beat. Its expected accuracy is known
 * analytically (evaluate.ts `randomExpectation`), which checks the harness itself.
 */
import type { Recommender, TrainingData } from '../../../src/engine/rank/recommender';
import { createRng } from '../../lib/random';

export function createRandom(): Recommender {
  let itemCount = 0;
  let seed = 0;
  return {
    name: 'random',
    fit(data: TrainingData): Promise<void> {
      itemCount = data.itemCount;
      seed = data.seed;
      return Promise.resolve();
    },
    scoreUser(user: number): Float32Array {
      // One generator per user, derived from the run's seed, so a user's scores do not depend on
      // which users were scored before.
      const rng = createRng((seed ^ Math.imul(user + 1, 0x9e3779b1)) >>> 0);
      return Float32Array.from({ length: itemCount }, () => rng.next());
    },
  };
}
