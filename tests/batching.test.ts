import { describe, expect, it } from 'vitest';
import { padBatch, planBatches } from '../src/engine/encoder/batching';

describe('length-bucketed batching', () => {
  const lengths = [12, 3, 40, 3, 1, 128, 7, 19, 19, 2, 20, 21];

  it('puts every input in exactly one batch, shortest first', () => {
    const plans = planBatches(lengths, { maxBatch: 3, maxTokens: 10_000, maxPaddingShare: 1 });
    const seen = plans.flatMap((p) => p.indices);
    expect([...seen].sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    const ordered = seen.map((i) => lengths[i]!);
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    expect(plans.every((p) => p.indices.length <= 3)).toBe(true);
  });

  it('pads each batch to its own longest input and keeps padding under the limit', () => {
    const limits = { maxBatch: 64, maxTokens: 64, maxPaddingShare: 0.25 };
    const plans = planBatches(lengths, limits);
    for (const plan of plans) {
      const own = plan.indices.map((i) => lengths[i]!);
      expect(plan.length).toBe(Math.max(...own));
      const padded = plan.indices.length * plan.length;
      const padding = padded - own.reduce((a, b) => a + b, 0);
      // A single input may exceed the budget on its own; a batch of several may not.
      if (plan.indices.length > 1) {
        expect(padded).toBeLessThanOrEqual(limits.maxTokens);
        expect(padding).toBeLessThanOrEqual(limits.maxPaddingShare * padded);
      }
    }
    // The three similar lengths 19, 19, 20 (and 21) share a batch rather than each getting one.
    expect(plans.some((p) => p.indices.includes(7) && p.indices.includes(8) && p.indices.includes(10))).toBe(true);
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
