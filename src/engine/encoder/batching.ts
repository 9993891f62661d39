/** One batch to run: which inputs (by position in the request) and the padded length they share. */
export interface BatchPlan {
  readonly indices: readonly number[];
  readonly length: number;
}

export interface BatchLimits {
  readonly maxBatch: number;
  /** Upper bound on batch × padded length, which bounds the memory of one forward pass. */
  readonly maxTokens: number;
  /**
   * Largest share of padding a batch may carry before a new batch starts. Every op runs on the
   * padded layout, so padding is wasted work; a new batch costs only a fixed per-op overhead.
   */
  readonly maxPaddingShare: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxBatch: 64, maxTokens: 8192, maxPaddingShare: 0.2 };

/**
 * Groups inputs of similar token length (length bucketing): inputs are sorted by length, then cut
 * into batches so that each pads to nearly its own longest sentence.
 */
export function planBatches(lengths: readonly number[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): BatchPlan[] {
  const order = lengths.map((_, i) => i).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const plans: BatchPlan[] = [];
  let current: number[] = [];
  let longest = 0;
  let realTokens = 0;
  for (const index of order) {
    const length = lengths[index] ?? 0;
    const padded = (current.length + 1) * Math.max(longest, length);
    const wasteful = padded - (realTokens + length) > limits.maxPaddingShare * padded;
    const full = current.length >= limits.maxBatch || padded > limits.maxTokens || wasteful;
    if (current.length > 0 && full) {
      plans.push({ indices: current, length: longest });
      current = [];
      longest = 0;
      realTokens = 0;
    }
    current.push(index);
    longest = Math.max(longest, length);
    realTokens += length;
  }
  if (current.length > 0) plans.push({ indices: current, length: longest });
  return plans;
}

/** A padded batch: `ids` is `sentences × length` row-major; padded positions hold 0 and are masked. */
export interface PaddedBatch {
  readonly ids: Int32Array;
  readonly lengths: readonly number[];
  readonly length: number;
}

/** Lays the token ids of one planned batch into a zero-padded `sentences × length` matrix. */
export function padBatch(tokenIds: readonly (readonly number[])[], plan: BatchPlan): PaddedBatch {
  const ids = new Int32Array(plan.indices.length * plan.length);
  const lengths = plan.indices.map((index, row) => {
    const tokens = tokenIds[index] ?? [];
    ids.set(tokens, row * plan.length);
    return tokens.length;
  });
  return { ids, lengths, length: plan.length };
}
