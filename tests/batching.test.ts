import { describe, expect, it } from 'vitest';
import { padBatch, planBatches } from '../src/engine/encoder/batching';

describe('length-bucketed batching', () => {
  const lengths = [12, 3, 40, 3, 0, 128, 7, 19, 19, 2];

  it('puts every input in exactly one batch, shortest first', () => {
    const plans = planBatches(lengths, { maxBatch: 3, maxTokens: 10_000, lengthStep: 4 });
    const seen = plans.flatMap((p) => p.indices);
    expect([...seen].sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    const ordered = seen.map((i) => lengths[i]!);
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
  });

  it('respects the batch size, the token budget and the length step', () => {
    const limits = { maxBatch: 4, maxTokens: 64, lengthStep: 8 };
    for (const plan of planBatches(lengths, limits)) {
      expect(plan.indices.length).toBeLessThanOrEqual(limits.maxBatch);
      expect(plan.length % limits.lengthStep).toBe(0);
      expect(plan.length).toBeGreaterThanOrEqual(Math.max(...plan.indices.map((i) => lengths[i]!)));
      // A single long sentence may exceed the budget on its own; a batch of several may not.
      if (plan.indices.length > 1) expect(plan.indices.length * plan.length).toBeLessThanOrEqual(limits.maxTokens);
    }
  });

  it('pads rows with zeros after each sentence and records true lengths', () => {
    const tokens = [[5, 6, 7], [9]];
    const batch = padBatch(tokens, { indices: [1, 0], length: 4 });
    expect(Array.from(batch.ids)).toEqual([9, 0, 0, 0, 5, 6, 7, 0]);
    expect(batch.lengths).toEqual([1, 3]);
  });

  it('plans nothing for an empty request', () => {
    expect(planBatches([])).toEqual([]);
  });
});
