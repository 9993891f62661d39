/** Nearest-rank percentile of `times` (p in 0…1), rounded to microseconds; null when empty. */
export function percentile(times: readonly number[], p: number): number | null {
  if (times.length === 0) return null;
  const sorted = [...times].sort((a, b) => a - b);
  const value = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return Math.round(value * 1000) / 1000;
}
