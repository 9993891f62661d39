/** Decimal units, as the README and the model budget (8 MB = 8,000,000 bytes) count them. */
const MEGABYTE = 1_000_000;

/** "12.3 MB"; small sizes in kB so early progress is visible. */
export function formatBytes(bytes: number): string {
  if (bytes < MEGABYTE) return `${(bytes / 1000).toFixed(0)} kB`;
  return `${(bytes / MEGABYTE).toFixed(1)} MB`;
}

/** "840 ms" or "2.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Whole percent, 0–100; 0 while the total is unknown. Floors so that 100 means really done. */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

/** "€1,000" (whole units when whole, else cents). */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', {
    style: 'currency',
    currency,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

/** "3.5%", or "2–4.5%" for a range. */
export function formatPercentRange(min: number, max: number): string {
  const percent = (value: number) => `${Number(value.toFixed(2))}`;
  return min === max ? `${percent(min)}%` : `${percent(min)}–${percent(max)}%`;
}

/** "18 months", "5 years", "1 month". */
export function formatMonths(months: number): string {
  if (months >= 12 && months % 12 === 0) {
    const years = months / 12;
    return years === 1 ? '1 year' : `${years} years`;
  }
  return months === 1 ? '1 month' : `${months} months`;
}
