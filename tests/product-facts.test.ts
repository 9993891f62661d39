import { describe, expect, it } from 'vitest';
import { createFormat } from '../src/i18n/format';
import { createI18n } from '../src/i18n/i18n';
import { feesText, liquidityText, lockupText, minAmountText, rateText, summaryText, termText } from '../src/ui/product/product-facts';
import { product } from './helpers/fake-engine-api';

const t = createI18n('en').t;
const format = createFormat('en');

describe('product facts in words', () => {
  it('says the rate with its type, or that none applies', () => {
    expect(rateText(product('a', { annual_rate: { type: 'expected_return', min_pct: 3, max_pct: 8 } }), t, format)).toBe('Expected return 3–8% a year, not guaranteed');
    expect(rateText(product('a', { annual_rate: { type: 'interest', min_pct: 2.15, max_pct: 2.15 } }), t, format)).toBe('Interest 2.15% a year, contractual');
    expect(rateText(product('a', { annual_rate: { type: 'borrowing_apr', min_pct: 6.9, max_pct: 12.9 } }), t, format)).toBe('Borrowing cost (APR) 6.9–12.9% a year, what you pay');
    expect(rateText(product('a', { annual_rate: null }), t, format)).toBe('No rate applies');
  });

  it('says terms, lock-ups, amounts and fees plainly', () => {
    expect(termText(product('a', { term_months: null }), t, format)).toBe('Open-ended (no fixed term)');
    expect(termText(product('a', { term_months: 60 }), t, format)).toBe('5 years');
    expect(termText(product('a', { term_months: 18 }), t, format)).toBe('18 months');
    expect(lockupText(product('a', { lockup_months: 'until_retirement' }), t, format)).toBe('Until retirement');
    expect(lockupText(product('a', { lockup_months: 0 }), t, format)).toBe('None');
    expect(lockupText(product('a', { lockup_months: 12 }), t, format)).toBe('1 year');
    expect(minAmountText(product('a', { min_amount: 25000 }), format)).toBe('€25,000');
    expect(feesText(product('a'), t, format)).toBe('No fees');
    expect(feesText(product('a', { fees: { annual_pct: 0.2, upfront_pct: 1, annual_fixed: 30 } }), t, format)).toBe('0.2% a year, 1% upfront, €30 a year');
  });

  it('says them in Chinese', () => {
    const zh = createI18n('zh-CN').t;
    const zhFormat = createFormat('zh-CN');
    const saver = product('a', {
      annual_rate: { type: 'expected_return', min_pct: 3, max_pct: 8 },
      term_months: 18,
      lockup_months: 'until_retirement',
      min_amount: 25000,
      liquidity: 'high',
      fees: { annual_pct: 0.2, upfront_pct: 1, annual_fixed: 30 },
    });
    expect(rateText(saver, zh, zhFormat)).toBe('预期年化收益率 3–8%，不保证');
    expect(termText(saver, zh, zhFormat)).toBe('18个月');
    expect(termText(product('a', { term_months: null }), zh, zhFormat)).toBe('无固定期限');
    expect(lockupText(saver, zh, zhFormat)).toBe('直至退休');
    expect(feesText(saver, zh, zhFormat)).toBe('每年 0.2%，前期费用 1%，每年 €30');
    expect(liquidityText(saver, zh)).toBe('高：任何一天都可免费取出资金');
    expect(summaryText(saver, zh, zhFormat)).toBe('预期年化收益率 3–8%，不保证 · 18个月 · €25,000 起投');
  });
});
