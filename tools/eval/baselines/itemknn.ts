/**
 * `itemknn`: item-based top-N (Deshpande & Karypis, 2004). Two items are similar when the same users
 * have both as training positives: cosine over the binary user-item matrix,
 * sim(i, j) = |U_i ∩ U_j| / sqrt(|U_i| · |U_j|). Each item keeps its `neighbours` most similar items
 * (ties by item id); a user's score for item i is the sum of sim(j, i) over their training items j
 * that have i as a neighbour.
 */
import type { Recommender, TrainingData } from '../../../src/engine/rank/recommender';
import { topK } from '../ranking';

export interface ItemKnnOptions {
  /** Neighbourhood size per item; 100 is a common default, not tuned on any test split. */
  readonly neighbours?: number;
}

export const DEFAULT_NEIGHBOURS = 100;

interface Neighbourhoods {
  /** Item i's neighbours are `items[start[i]] .. items[start[i + 1] - 1]`. */
  readonly start: Int32Array;
  readonly items: Int32Array;
  readonly similarities: Float32Array;
}

function buildNeighbourhoods(data: TrainingData, neighbours: number): Neighbourhoods {
  const { itemCount, positives } = data;
  const usersOfItem: number[][] = Array.from({ length: itemCount }, () => []);
  positives.forEach((items, user) => {
    for (const item of items) usersOfItem[item]!.push(user);
  });
  const start = new Int32Array(itemCount + 1);
  const items: number[] = [];
  const similarities: number[] = [];
  const coCounts = new Float32Array(itemCount);
  const excluded = new Uint8Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    coCounts.fill(0);
    for (const user of usersOfItem[item]!) for (const other of positives[user]!) coCounts[other]!++;
    const own = usersOfItem[item]!.length;
    for (let other = 0; other < itemCount; other++) {
      const both = coCounts[other]!;
      if (both > 0) coCounts[other] = both / Math.sqrt(own * usersOfItem[other]!.length);
    }
    excluded[item] = 1;
    for (const other of topK(coCounts, excluded, neighbours)) {
      if (coCounts[other]! <= 0) break;
      items.push(other);
      similarities.push(coCounts[other]!);
    }
    excluded[item] = 0;
    start[item + 1] = items.length;
  }
  return { start, items: Int32Array.from(items), similarities: Float32Array.from(similarities) };
}

export function createItemKnn(options: ItemKnnOptions = {}): Recommender {
  const neighbours = options.neighbours ?? DEFAULT_NEIGHBOURS;
  let data: TrainingData | undefined;
  let model: Neighbourhoods | undefined;
  return {
    name: 'itemknn',
    fit(training: TrainingData): Promise<void> {
      data = training;
      model = buildNeighbourhoods(training, neighbours);
      return Promise.resolve();
    },
    scoreUser(user: number): Float32Array {
      if (!data || !model) throw new Error('itemknn: call fit() before scoreUser().');
      const scores = new Float32Array(data.itemCount);
      for (const item of data.positives[user] ?? []) {
        for (let n = model.start[item]!; n < model.start[item + 1]!; n++) scores[model.items[n]!]! += model.similarities[n]!;
      }
      return scores;
    },
  };
}
