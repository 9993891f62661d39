import { describe, expect, it } from 'vitest';
import { categoriesOf, filterAndSort, groupByCategory, matchesTerm, NO_FILTERS, returnOf } from '../src/state/catalog-filter';
import { product } from './helpers/fake-engine-api';

const PRODUCTS = [
  product('sav-1', { name: 'Bravo saver', risk_level: 1, min_amount: 1, term_months: null, annual_rate: { type: 'interest', min_pct: 2, max_pct: 2 } }),
  product('fund-1', { name: 'Alpha fund', category: 'funds_etfs', risk_level: 4, min_amount: 500, term_months: null, annual_rate: { type: 'expected_return', min_pct: 3, max_pct: 8 } }),
  product('bond-1', { name: 'Delta bond', category: 'bonds', risk_level: 2, min_amount: 1000, term_months: 36, annual_rate: { type: 'interest', min_pct: 3.5, max_pct: 3.5 } }),
  product('loan-1', { name: 'Charlie loan', category: 'loans_mortgages', risk_level: 3, min_amount: 2000, term_months: 84, annual_rate: { type: 'borrowing_apr', min_pct: 6, max_pct: 12 } }),
  product('ins-1', { name: 'Echo cover', category: 'insurance', risk_level: 1, min_amount: 120, term_months: 12, annual_rate: null }),
];

const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);

describe('catalog filters', () => {
  it('keeps everything with no filters, sorted by name', () => {
    expect(ids(filterAndSort(PRODUCTS, NO_FILTERS, 'name'))).toEqual(['fund-1', 'sav-1', 'loan-1', 'bond-1', 'ins-1']);
  });

  it('filters by category, maximum risk and maximum minimum amount', () => {
    expect(ids(filterAndSort(PRODUCTS, { ...NO_FILTERS, category: 'bonds' }, 'name'))).toEqual(['bond-1']);
    expect(ids(filterAndSort(PRODUCTS, { ...NO_FILTERS, maxRisk: 2 }, 'name'))).toEqual(['sav-1', 'bond-1', 'ins-1']);
    expect(ids(filterAndSort(PRODUCTS, { ...NO_FILTERS, maxMinAmount: 500 }, 'name'))).toEqual(['fund-1', 'sav-1', 'ins-1']);
  });

  it('buckets terms: up to 1 year, 1–5 years, over 5 years, open-ended', () => {
    expect([12, 13, 60, 61, null].map((term) => matchesTerm(term, 'up-to-1y'))).toEqual([true, false, false, false, false]);
    expect([12, 13, 60, 61, null].map((term) => matchesTerm(term, '1-5y'))).toEqual([false, true, true, false, false]);
    expect([12, 13, 60, 61, null].map((term) => matchesTerm(term, 'over-5y'))).toEqual([false, false, false, true, false]);
    expect([12, null].map((term) => matchesTerm(term, 'open-ended'))).toEqual([false, true]);
    expect(ids(filterAndSort(PRODUCTS, { ...NO_FILTERS, term: 'open-ended' }, 'name'))).toEqual(['fund-1', 'sav-1']);
  });

  it('treats only earning rates as returns, using the top of the range', () => {
    expect(PRODUCTS.map(returnOf)).toEqual([2, 8, 3.5, null, null]);
    expect(ids(filterAndSort(PRODUCTS, { ...NO_FILTERS, minReturn: 3 }, 'name'))).toEqual(['fund-1', 'bond-1']);
  });

  it('sorts by risk, return (high to low, none last) and minimum amount, ties by name', () => {
    expect(ids(filterAndSort(PRODUCTS, NO_FILTERS, 'risk'))).toEqual(['sav-1', 'ins-1', 'bond-1', 'loan-1', 'fund-1']);
    expect(ids(filterAndSort(PRODUCTS, NO_FILTERS, 'return'))).toEqual(['fund-1', 'bond-1', 'sav-1', 'loan-1', 'ins-1']);
    expect(ids(filterAndSort(PRODUCTS, NO_FILTERS, 'min-amount'))).toEqual(['sav-1', 'ins-1', 'fund-1', 'bond-1', 'loan-1']);
  });

  it('groups sorted products by category in catalog order, leaving empty categories out', () => {
    const order = categoriesOf(PRODUCTS);
    expect(order).toEqual(['savings_deposits', 'funds_etfs', 'bonds', 'loans_mortgages', 'insurance']);
    const groups = groupByCategory(filterAndSort(PRODUCTS, { ...NO_FILTERS, maxRisk: 2 }, 'name'), order);
    expect(groups.map((group) => [group.category, ids(group.products)])).toEqual([
      ['savings_deposits', ['sav-1']],
      ['bonds', ['bond-1']],
      ['insurance', ['ins-1']],
    ]);
  });
});
