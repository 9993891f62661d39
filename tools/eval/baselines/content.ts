/**
 * `content`: the user profile is the mean of the text embeddings of their training items; an item
 * scores the cosine between its embedding and the profile. A user with no training items has a zero
 * profile, so every item scores 0 and the ranking falls back to item id order.
 */
import type { Recommender, TrainingData } from '../../../src/engine/rank/recommender';

export function createContent(): Recommender {
  let data: TrainingData | undefined;
  return {
    name: 'content',
    fit(training: TrainingData): Promise<void> {
      data = training;
      return Promise.resolve();
    },
    scoreUser(user: number): Float32Array {
      if (!data) throw new Error('content: call fit() before scoreUser().');
      const { itemEmbeddings: rows, embeddingDim: dim, itemCount } = data;
      const profile = new Float64Array(dim);
      const items = data.positives[user] ?? [];
      for (const item of items) for (let d = 0; d < dim; d++) profile[d]! += rows[item * dim + d]!;
      // Item rows are unit vectors, so the cosine is the dot product over the profile's norm
      // (the mean's 1/n cancels out in the normalisation).
      const norm = Math.hypot(...profile) || 1;
      const scores = new Float32Array(itemCount);
      for (let item = 0; item < itemCount; item++) {
        let dot = 0;
        const offset = item * dim;
        for (let d = 0; d < dim; d++) dot += rows[offset + d]! * profile[d]!;
        scores[item] = dot / norm;
      }
      return scores;
    },
  };
}
