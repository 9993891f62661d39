/**
 * A product's structured attributes as a feature vector, joined to its text embedding as the
 * product node's input features (the `text` option of training). Every value is scaled into
 * [−1, 1] (logs for amounts and terms, which span orders of magnitude), so no attribute dominates the
 * learned projection by its unit. Input is the flat column form of items.csv (docs/dataset-format.md).
 */
import { GOAL_TAGS, LIQUIDITY_LEVELS, PRODUCT_CATEGORIES, RATE_TYPES, UNTIL_RETIREMENT } from '../catalog/schema';

/** items.csv columns the features need; all must be present for a dataset to have product features. */
export const PRODUCT_FEATURE_COLUMNS = [
  'category',
  'risk_level',
  'rate_type',
  'return_min',
  'return_max',
  'term_months',
  'lockup_months',
  'min_amount',
  'fee_pct',
  'upfront_fee_pct',
  'annual_fee',
  'liquidity',
  'goals',
] as const;

export type ProductColumns = Readonly<Record<(typeof PRODUCT_FEATURE_COLUMNS)[number], string>>;

const MAX_MONTHS = 480;
const MAX_AMOUNT = 1_000_000;
const MAX_ANNUAL_FEE = 500;
const MAX_FEE_PCT = 5;
const MAX_RETURN_PCT = 30;

/** Layout: category one-hot, risk, rate type one-hot, return, term (+ open-ended flag), lock-up (+ until-retirement flag), minimum, fees, liquidity, goal tags multi-hot. */
export const PRODUCT_FEATURE_DIM = PRODUCT_CATEGORIES.length + 1 + RATE_TYPES.length + 1 + 2 + 2 + 1 + 3 + 1 + GOAL_TAGS.length;

const logScale = (value: number, max: number): number => Math.log1p(Math.min(max, Math.max(0, value))) / Math.log1p(max);
const number = (text: string): number => {
  const value = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(value) ? 0 : value;
};

/** The product's feature vector (`PRODUCT_FEATURE_DIM` long); unknown categories or tags leave their slots 0. */
export function productFeatures(columns: ProductColumns): Float32Array {
  const out = new Float32Array(PRODUCT_FEATURE_DIM);
  let at = 0;
  const oneHot = (values: readonly string[], value: string): void => {
    const index = values.indexOf(value.trim());
    if (index >= 0) out[at + index] = 1;
    at += values.length;
  };
  const push = (value: number): void => {
    out[at++] = value;
  };
  oneHot(PRODUCT_CATEGORIES, columns.category);
  push(number(columns.risk_level) / 5);
  oneHot(RATE_TYPES, columns.rate_type);
  const returnMid = (number(columns.return_min) + number(columns.return_max)) / 2;
  push(Math.sign(returnMid) * logScale(Math.abs(returnMid), MAX_RETURN_PCT));
  const term = columns.term_months.trim();
  push(term === '' ? 0 : logScale(number(term), MAX_MONTHS));
  push(term === '' ? 1 : 0);
  const lockup = columns.lockup_months.trim();
  push(lockup === UNTIL_RETIREMENT ? 1 : logScale(number(lockup), MAX_MONTHS));
  push(lockup === UNTIL_RETIREMENT ? 1 : 0);
  push(logScale(number(columns.min_amount), MAX_AMOUNT));
  push(Math.min(1, number(columns.fee_pct) / MAX_FEE_PCT));
  push(Math.min(1, number(columns.upfront_fee_pct) / MAX_FEE_PCT));
  push(logScale(number(columns.annual_fee), MAX_ANNUAL_FEE));
  const liquidity = LIQUIDITY_LEVELS.indexOf(columns.liquidity.trim() as (typeof LIQUIDITY_LEVELS)[number]);
  push(liquidity < 0 ? 0 : 1 - liquidity / (LIQUIDITY_LEVELS.length - 1));
  const tags = new Set(columns.goals.split(';').map((tag) => tag.trim()));
  GOAL_TAGS.forEach((tag, index) => {
    if (tags.has(tag)) out[at + index] = 1;
  });
  return out;
}
