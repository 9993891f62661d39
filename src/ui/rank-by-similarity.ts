export interface ScoredSentence {
  readonly sentence: string;
  /** Cosine similarity, from -1 to 1. */
  readonly score: number;
}

/** Dot product; for L2-normalised rows (what the engine returns) this is the cosine similarity. */
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Scores each sentence's row against `query`, most similar first. */
export function rankBySimilarity(
  query: Float32Array,
  sentences: readonly string[],
  rows: readonly Float32Array[],
): ScoredSentence[] {
  return sentences
    .map((sentence, i) => ({ sentence, score: rows[i] ? dot(query, rows[i]) : 0 }))
    .sort((a, b) => b.score - a.score);
}
