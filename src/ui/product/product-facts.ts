/** A product's attributes in plain words, for lists and the product page, in the page's language. */
import type { TFunction } from 'i18next';
import type { Format } from '../../i18n/format';
import type { Product } from '../../protocol/engine-api';

/** "Expected return 3–8% a year, not guaranteed"; "No rate applies" for cover without one. */
export function rateText(product: Product, t: TFunction, format: Format): string {
  const rate = product.annual_rate;
  if (!rate) return t('product.facts.noRate');
  return t(`product.facts.rate.${rate.type}`, { range: format.percentRange(rate.min_pct, rate.max_pct) });
}

export function termText(product: Product, t: TFunction, format: Format): string {
  return product.term_months === null ? t('labels.term.open-ended') : format.months(product.term_months);
}

export function lockupText(product: Product, t: TFunction, format: Format): string {
  const lockup = product.lockup_months;
  if (lockup === 'until_retirement') return t('product.facts.untilRetirement');
  if (lockup === 0) return t('product.facts.noLockup');
  return format.months(lockup);
}

export function minAmountText(product: Product, format: Format): string {
  return format.money(product.min_amount, product.currency);
}

/** "0.2% a year, 1% upfront, €30 a year"; "No fees". */
export function feesText(product: Product, t: TFunction, format: Format): string {
  const { annual_pct: annualPct, upfront_pct: upfrontPct, annual_fixed: annualFixed } = product.fees;
  const parts = [
    annualPct > 0 ? t('product.facts.feeAnnualPct', { percent: format.percentRange(annualPct, annualPct) }) : '',
    upfrontPct > 0 ? t('product.facts.feeUpfrontPct', { percent: format.percentRange(upfrontPct, upfrontPct) }) : '',
    annualFixed > 0 ? t('product.facts.feeAnnualFixed', { amount: format.money(annualFixed, product.currency) }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(t('product.facts.feeSeparator')) : t('product.facts.noFees');
}

export function liquidityText(product: Product, t: TFunction): string {
  return t(`product.facts.liquidity.${product.liquidity}`);
}

/** The short line shown in lists: rate, term and minimum amount. */
export function summaryText(product: Product, t: TFunction, format: Format): string {
  return t('product.facts.summary', {
    rate: rateText(product, t, format),
    term: termText(product, t, format),
    minAmount: minAmountText(product, format),
  });
}
