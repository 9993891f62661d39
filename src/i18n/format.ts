/**
 * Numbers, money, sizes, durations and dates written the way the person's language writes them
 * (Intl does the work: "18 months" / "18个月", "Dec 5, 2026" / "2026年12月5日").
 */
import type { Locale } from './locales';

/** Decimal units, as the README and the model budget (8 MB = 8,000,000 bytes) count them. */
const MEGABYTE = 1_000_000;

export interface Format {
  /** "12.3 MB"; small sizes in kB so early progress is visible. */
  bytes(bytes: number): string;
  /** "840 ms" or "2.4 sec". */
  duration(ms: number): string;
  /** "€1,000" (whole units when whole, else cents). */
  money(amount: number, currency: string): string;
  /** "3.5%", or "2–4.5%" for a range; the arguments are percentages (3.5 means 3.5%). */
  percentRange(min: number, max: number): string;
  /** "18 months", "5 years", "1 month". */
  months(months: number): string;
  /** A plain number with the language's separators: "1,234". */
  number(value: number): string;
  /** Date and time, medium length: "Dec 5, 2026, 9:22 PM". */
  dateTime(date: Date | number): string;
}

/** The formatters for one language. */
export function createFormat(locale: Locale): Format {
  const unit = (name: string, maximumFractionDigits = 0) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits });
  const kilobytes = unit('kilobyte');
  const megabytes = unit('megabyte', 1);
  const milliseconds = unit('millisecond');
  const seconds = unit('second', 1);
  const monthCount = new Intl.NumberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long' });
  const yearCount = new Intl.NumberFormat(locale, { style: 'unit', unit: 'year', unitDisplay: 'long' });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    bytes: (bytes) => (bytes < MEGABYTE ? kilobytes.format(Math.round(bytes / 1000)) : megabytes.format(bytes / MEGABYTE)),
    duration: (ms) => (ms < 1000 ? milliseconds.format(Math.round(ms)) : seconds.format(ms / 1000)),
    money: (amount, currency) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      }).format(amount),
    percentRange: (min, max) => (min === max ? `${percent.format(min)}%` : `${percent.format(min)}–${percent.format(max)}%`),
    months: (months) => (months >= 12 && months % 12 === 0 ? yearCount.format(months / 12) : monthCount.format(months)),
    number: (value) => plain.format(value),
    dateTime: (date) => dateTime.format(date),
  };
}

/** Whole percent, 0–100; 0 while the total is unknown. Floors so that 100 means really done. */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}
