import type { PaddedBatch } from './transformer';

/** One batch to run: which inputs (by position in the request) and the padded length they share. */
export interface BatchPlan {
  readonly indices: readonly number[];
  readonly length: number;
}

export interface BatchLimits {
  readonly maxBatch: number;
  /** Upper bound on batch × padded length, which bounds the memory of one forward pass. */
  readonly maxTokens: number;
  /** Padded lengths are rounded up to a multiple of this, so few distinct shapes (and shaders) occur. */
  readonly lengthStep: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxBatch: 64, maxTokens: 8192, lengthStep: 4 };

function padLength(length: number, step: number): number {
  return Math.max(step, Math.ceil(length / step) * step);
}

/**
 * Groups inputs of similar token length (length bucketing): sorting by length first means each
 * batch pads to nearly its own longest sentence instead of the longest sentence of the request.
 */
export function planBatches(lengths: readonly number[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): BatchPlan[] {
  const order = lengths.map((_, i) => i).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const plans: BatchPlan[] = [];
  let current: number[] = [];
  let currentLength = 0;
  for (const index of order) {
    const candidateLength = padLength(Math.max(currentLength, lengths[index] ?? 0), limits.lengthStep);
    const full = current.length >= limits.maxBatch || (current.length + 1) * candidateLength > limits.maxTokens;
    if (current.length > 0 && full) {
      plans.push({ indices: current, length: padLength(currentLength, limits.lengthStep) });
      current = [];
      currentLength = 0;
    }
    current.push(index);
    currentLength = Math.max(currentLength, lengths[index] ?? 0);
  }
  if (current.length > 0) plans.push({ indices: current, length: padLength(currentLength, limits.lengthStep) });
  return plans;
}

/** Lays the token ids of one planned batch into a zero-padded `batch × length` matrix. */
export function padBatch(tokenIds: readonly (readonly number[])[], plan: BatchPlan): PaddedBatch {
  const ids = new Int32Array(plan.indices.length * plan.length);
  const lengths = plan.indices.map((index, row) => {
    const tokens = tokenIds[index] ?? [];
    ids.set(tokens, row * plan.length);
    return tokens.length;
  });
  return { ids, lengths, length: plan.length };
}
