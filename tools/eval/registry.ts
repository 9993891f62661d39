/** Model name (as in reports and `--models`) → a factory for a fresh, unfitted recommender. */
import type { Recommender } from '../../src/engine/rank/recommender';
import { createContent } from './baselines/content';
import { createItemKnn } from './baselines/itemknn';
import { createLightGcn } from './baselines/lightgcn';
import { createMfBpr } from './baselines/mf-bpr';
import { createPopularity } from './baselines/popularity';
import { createRandom } from './baselines/random';
import { createGnn } from '../train/gnn';

export const MODEL_FACTORIES: Readonly<Record<string, () => Recommender>> = {
  random: createRandom,
  popularity: createPopularity,
  itemknn: () => createItemKnn(),
  content: createContent,
  'mf-bpr': () => createMfBpr(),
  lightgcn: () => createLightGcn(),
  gnn: () => createGnn(),
  'gnn-int8': () => createGnn({ int8: true }),
};

export const MODEL_NAMES: readonly string[] = Object.keys(MODEL_FACTORIES);

export class UnknownModelError extends Error {
  constructor(name: string) {
    super(`Unknown model "${name}". Choose from: ${MODEL_NAMES.join(', ')}.`);
    this.name = 'UnknownModelError';
  }
}

export function createModel(name: string): Recommender {
  const factory = MODEL_FACTORIES[name];
  if (!factory) throw new UnknownModelError(name);
  return factory();
}
