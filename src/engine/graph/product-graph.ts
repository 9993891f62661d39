/**
 * Product–product edges of the GNN's graph: each product's nearest neighbours by text embedding
 * (what it is) and by co-interaction (who else chose it). Both are symmetrised, so message passing
 * over them is undirected like the user–product edges.
 */

/** Undirected weighted edges, each pair once with `a < b`. */
export interface ProductEdges {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly weight: Float32Array;
}

/** Keeps each item's `k` strongest candidates (ties by lower id), then symmetrises (max weight per pair). */
function topKSymmetric(itemCount: number, k: number, similarity: (item: number, scores: Float64Array) => void): ProductEdges {
  const pairs = new Map<number, number>();
  const scores = new Float64Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    scores.fill(0);
    similarity(item, scores);
    scores[item] = 0;
    const candidates: number[] = [];
    for (let other = 0; other < itemCount; other++) if ((scores[other] ?? 0) > 0) candidates.push(other);
    candidates.sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0) || x - y);
    for (const other of candidates.slice(0, k)) {
      const key = Math.min(item, other) * itemCount + Math.max(item, other);
      pairs.set(key, Math.max(pairs.get(key) ?? 0, scores[other] ?? 0));
    }
  }
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  return {
    a: Int32Array.from(keys, (key) => Math.floor(key / itemCount)),
    b: Int32Array.from(keys, (key) => key % itemCount),
    weight: Float32Array.from(keys, (key) => pairs.get(key) ?? 0),
  };
}

/**
 * The `k` nearest products of each product by cosine of their (L2-normalised) text embeddings,
 * `itemCount × dim` row-major; only positive similarities make edges.
 */
export function textNeighbourEdges(embeddings: Float32Array, dim: number, k: number): ProductEdges {
  const itemCount = dim > 0 ? embeddings.length / dim : 0;
  return topKSymmetric(itemCount, k, (item, scores) => {
    const base = item * dim;
    for (let other = 0; other < itemCount; other++) {
      let dot = 0;
      const otherBase = other * dim;
      for (let c = 0; c < dim; c++) dot += (embeddings[base + c] ?? 0) * (embeddings[otherBase + c] ?? 0);
      scores[other] = dot;
    }
  });
}

/**
 * The `k` products most often chosen by the same people as each product, weighted by cosine of
 * their user sets (co-count / √(count_i · count_j)), so popular products do not link to everything.
 */
export function coInteractionEdges(positives: readonly (readonly number[])[], itemCount: number, k: number): ProductEdges {
  const count = new Float64Array(itemCount);
  const usersOf: number[][] = Array.from({ length: itemCount }, () => []);
  const distinct = positives.map((items) => [...new Set(items)]);
  distinct.forEach((items, user) => {
    for (const item of items) {
      count[item] = (count[item] ?? 0) + 1;
      usersOf[item]?.push(user);
    }
  });
  return topKSymmetric(itemCount, k, (item, scores) => {
    for (const user of usersOf[item] ?? []) for (const other of distinct[user] ?? []) scores[other] = (scores[other] ?? 0) + 1;
    for (let other = 0; other < itemCount; other++) {
      const together = scores[other] ?? 0;
      if (together > 0) scores[other] = together / Math.sqrt((count[item] ?? 0) * (count[other] ?? 0));
    }
  });
}

/** The union of edge sets, summing the weights of a pair that appears in several. */
export function mergeEdges(itemCount: number, ...sets: readonly ProductEdges[]): ProductEdges {
  const pairs = new Map<number, number>();
  for (const set of sets) {
    set.a.forEach((a, index) => {
      const key = a * itemCount + (set.b[index] ?? 0);
      pairs.set(key, (pairs.get(key) ?? 0) + (set.weight[index] ?? 0));
    });
  }
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  return {
    a: Int32Array.from(keys, (key) => Math.floor(key / itemCount)),
    b: Int32Array.from(keys, (key) => key % itemCount),
    weight: Float32Array.from(keys, (key) => pairs.get(key) ?? 0),
  };
}
