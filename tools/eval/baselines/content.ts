/**
 * `content`: content similarity. An item scores the cosine between its text embedding and the
 * person's profile vector:
 *
 *  - a training user (`scoreUser`): the mean of the text embeddings of their training items; with
 *    no training items the profile is zero, every item scores 0 and the ranking falls back to item
 *    id order;
 *  - a new person (`scoreNewUser`, cold start and few-shot): the mean of the text embeddings of the
 *    items of their non-dismissed events: their positives, views and clicks, except items they
 *    dismissed without a positive (a dismissal says "not this", so it must not pull the profile
 *    towards the item). With no such item, the embedding of the goals text of their profile when
 *    they have one (the same encoder embeds goals and items, so the cosine compares what they say
 *    they want with what a product says it is), else zero (item id order). Once the person has
 *    events the goals text is not blended in: the events say what they actually chose.
 */
import type { NewUser, Recommender, TrainingData } from '../../../src/engine/rank/recommender';

/** The sum of the embedding rows of `items` (the mean up to a factor, which the cosine ignores). */
function sumOfRows(data: TrainingData, items: Iterable<number>): Float64Array {
  const { itemEmbeddings: rows, embeddingDim: dim } = data;
  const profile = new Float64Array(dim);
  for (const item of items) for (let d = 0; d < dim; d++) profile[d]! += rows[item * dim + d]!;
  return profile;
}

/** Cosine of every item's embedding with `profile`; all 0 for a zero profile. */
function cosineScores(data: TrainingData, profile: ArrayLike<number>): Float32Array {
  const { itemEmbeddings: rows, embeddingDim: dim, itemCount } = data;
  // Item rows are unit vectors, so the cosine is the dot product over the profile's norm.
  const norm = Math.hypot(...Array.from(profile)) || 1;
  const scores = new Float32Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    let dot = 0;
    const offset = item * dim;
    for (let d = 0; d < dim; d++) dot += rows[offset + d]! * profile[d]!;
    scores[item] = dot / norm;
  }
  return scores;
}

/** The items of a new person's non-dismissed events, first occurrence first. */
function likedItems(person: NewUser): Set<number> {
  const positives = new Set(person.positives);
  const dismissed = new Set(person.sideEvents.filter((e) => e.event === 'dismiss' && !positives.has(e.item)).map((e) => e.item));
  const viewed = person.sideEvents.filter((e) => e.event !== 'dismiss' && !dismissed.has(e.item)).map((e) => e.item);
  return new Set([...person.positives, ...viewed]);
}

export function createContent(): Recommender {
  let data: TrainingData | undefined;
  const fitted = (method: string): TrainingData => {
    if (!data) throw new Error(`content: call fit() before ${method}().`);
    return data;
  };
  return {
    name: 'content',
    fit(training: TrainingData): Promise<void> {
      data = training;
      return Promise.resolve();
    },
    scoreUser(user: number): Float32Array {
      const training = fitted('scoreUser');
      return cosineScores(training, sumOfRows(training, training.positives[user] ?? []));
    },
    scoreNewUser(person: NewUser): Float32Array {
      const training = fitted('scoreNewUser');
      const items = likedItems(person);
      if (items.size > 0) return cosineScores(training, sumOfRows(training, items));
      return cosineScores(training, person.profile?.goalsEmbedding ?? new Float64Array(training.embeddingDim));
    },
  };
}
