/** A product's attributes in plain words, for lists and the product page. */
import type { Product } from '../../protocol/engine-api';
import { formatMoney, formatMonths, formatPercentRange } from '../format';

const RATE_KINDS = {
  interest: 'Interest',
  expected_return: 'Expected return',
  borrowing_apr: 'Borrowing cost (APR)',
} as const;

const RATE_NOTES = {
  interest: 'a year, contractual',
  expected_return: 'a year, not guaranteed',
  borrowing_apr: 'a year, what you pay',
} as const;

/** "Expected return 3–8% a year, not guaranteed"; "No rate applies" for cover without one. */
export function rateText(product: Product): string {
  const rate = product.annual_rate;
  if (!rate) return 'No rate applies';
  return `${RATE_KINDS[rate.type]} ${formatPercentRange(rate.min_pct, rate.max_pct)} ${RATE_NOTES[rate.type]}`;
}

export function termText(product: Product): string {
  return product.term_months === null ? 'Open-ended (no fixed term)' : formatMonths(product.term_months);
}

export function lockupText(product: Product): string {
  const lockup = product.lockup_months;
  if (lockup === 'until_retirement') return 'Until retirement';
  if (lockup === 0) return 'None';
  return formatMonths(lockup);
}

export function minAmountText(product: Product): string {
  return formatMoney(product.min_amount, product.currency);
}

/** "0.2% a year, 1% upfront, €30 a year"; "No fees". */
export function feesText(product: Product): string {
  const { annual_pct: annualPct, upfront_pct: upfrontPct, annual_fixed: annualFixed } = product.fees;
  const parts = [
    annualPct > 0 ? `${formatPercentRange(annualPct, annualPct)} a year` : '',
    upfrontPct > 0 ? `${formatPercentRange(upfrontPct, upfrontPct)} upfront` : '',
    annualFixed > 0 ? `${formatMoney(annualFixed, product.currency)} a year` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No fees';
}

const LIQUIDITY_TEXT = {
  high: 'High: take your money out on any day at no cost',
  medium: 'Medium: within days, or at a market price',
  low: 'Low: only at maturity, with a penalty, or not at all',
} as const;

export function liquidityText(product: Product): string {
  return LIQUIDITY_TEXT[product.liquidity];
}

/** The short line shown in lists: rate, term and minimum amount. */
export function summaryText(product: Product): string {
  return `${rateText(product)} · ${termText(product)} · from ${minAmountText(product)}`;
}
