import type { TrainingData } from '../../src/engine/rank/recommender';
import type { UserScorer } from '../../tools/eval/baselines/tuning';
import { createRng } from '../../tools/lib/random';

export const USERS_PER_GROUP = 20;
export const ITEMS_PER_GROUP = 10;
const TRAINING_ITEMS_PER_USER = 6;

/** TrainingData with positives only: no side events, no embeddings. */
export function trainingData(userCount: number, itemCount: number, positives: number[][], seed: number): TrainingData {
  return {
    userCount,
    itemCount,
    positives,
    sideEvents: positives.map(() => []),
    itemTexts: Array.from({ length: itemCount }, (_, item) => `item ${item}`),
    itemEmbeddings: new Float32Array(0),
    embeddingDim: 0,
    seed,
  };
}

/**
 * Two planted communities: users 0..19 interact only with items 0..9, users 20..39 only with
 * items 10..19. Each user trains on a random 6 of their group's items; the other 4 are held out.
 */
export function plantedCommunities(seed: number): { data: TrainingData; heldOut: number[][] } {
  const rng = createRng(seed);
  const positives: number[][] = [];
  const heldOut: number[][] = [];
  for (let user = 0; user < 2 * USERS_PER_GROUP; user++) {
    const groupStart = user < USERS_PER_GROUP ? 0 : ITEMS_PER_GROUP;
    const items = rng.shuffle(Array.from({ length: ITEMS_PER_GROUP }, (_, offset) => groupStart + offset));
    positives.push(items.slice(0, TRAINING_ITEMS_PER_USER));
    heldOut.push(items.slice(TRAINING_ITEMS_PER_USER));
  }
  return { data: trainingData(2 * USERS_PER_GROUP, 2 * ITEMS_PER_GROUP, positives, seed), heldOut };
}

/** Share of (held-out in-group item, out-group item) pairs a model orders correctly, over all users. */
export function inGroupPairAccuracy(model: UserScorer, heldOut: readonly (readonly number[])[]): number {
  let correct = 0;
  let pairs = 0;
  heldOut.forEach((inGroup, user) => {
    const scores = model.scoreUser(user);
    const outGroupStart = user < USERS_PER_GROUP ? ITEMS_PER_GROUP : 0;
    for (const item of inGroup) {
      for (let other = outGroupStart; other < outGroupStart + ITEMS_PER_GROUP; other++) {
        pairs++;
        if (scores[item]! > scores[other]!) correct++;
      }
    }
  });
  return correct / pairs;
}
