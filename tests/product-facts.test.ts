import { describe, expect, it } from 'vitest';
import { feesText, lockupText, minAmountText, rateText, termText } from '../src/ui/product/product-facts';
import { product } from './helpers/fake-engine-api';

describe('product facts in words', () => {
  it('says the rate with its type, or that none applies', () => {
    expect(rateText(product('a', { annual_rate: { type: 'expected_return', min_pct: 3, max_pct: 8 } }))).toBe('Expected return 3–8% a year, not guaranteed');
    expect(rateText(product('a', { annual_rate: { type: 'interest', min_pct: 2.15, max_pct: 2.15 } }))).toBe('Interest 2.15% a year, contractual');
    expect(rateText(product('a', { annual_rate: { type: 'borrowing_apr', min_pct: 6.9, max_pct: 12.9 } }))).toBe('Borrowing cost (APR) 6.9–12.9% a year, what you pay');
    expect(rateText(product('a', { annual_rate: null }))).toBe('No rate applies');
  });

  it('says terms, lock-ups, amounts and fees plainly', () => {
    expect(termText(product('a', { term_months: null }))).toBe('Open-ended (no fixed term)');
    expect(termText(product('a', { term_months: 60 }))).toBe('5 years');
    expect(termText(product('a', { term_months: 18 }))).toBe('18 months');
    expect(lockupText(product('a', { lockup_months: 'until_retirement' }))).toBe('Until retirement');
    expect(lockupText(product('a', { lockup_months: 0 }))).toBe('None');
    expect(lockupText(product('a', { lockup_months: 12 }))).toBe('1 year');
    expect(minAmountText(product('a', { min_amount: 25000 }))).toBe('€25,000');
    expect(feesText(product('a'))).toBe('No fees');
    expect(feesText(product('a', { fees: { annual_pct: 0.2, upfront_pct: 1, annual_fixed: 30 } }))).toBe('0.2% a year, 1% upfront, €30 a year');
  });
});
