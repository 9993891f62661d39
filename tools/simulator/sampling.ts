import type { Rng } from '../lib/random';

/** Index drawn with probability proportional to `weights` (all ≥ 0, not all 0). */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/** `count` distinct indices, drawn without replacement with probability proportional to `weights`. */
export function pickWeightedDistinct(rng: Rng, weights: readonly number[], count: number): number[] {
  const remaining = [...weights];
  const picked: number[] = [];
  while (picked.length < count && remaining.some((weight) => weight > 0)) {
    const index = pickWeighted(rng, remaining);
    picked.push(index);
    remaining[index] = 0;
  }
  return picked;
}

/** A Gumbel(0, 1) draw: adding it to log-weights and taking the top k samples k items without replacement. */
export function gumbel(rng: Rng): number {
  const u = 1e-12 + rng.next() * (1 - 2e-12); // strictly inside (0, 1)
  return -Math.log(-Math.log(u));
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Uniform integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + rng.int(max - min + 1);
}
