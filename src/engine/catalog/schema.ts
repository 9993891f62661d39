/**
 * The product catalog's schema: one source of truth for the JSON file under `data/catalog/`, the
 * simulator and the recommender. Field meanings are documented in `data/catalog/README.md`.
 */
import { z } from 'zod';

// The app's Content Security Policy forbids eval: zod's start-up probe (`new Function('')`) is
// caught by zod but still reported as a violation, so its code generation is switched off.
z.config({ jitless: true });

export const PRODUCT_CATEGORIES = [
  'savings_deposits',
  'wealth_management',
  'funds_etfs',
  'bonds',
  'insurance',
  'loans_mortgages',
  'credit_cards',
  'pensions',
] as const;

export const GOAL_TAGS = [
  'retirement',
  'education',
  'home',
  'emergency_fund',
  'growth',
  'income',
  'protection',
  'travel',
  'capital_preservation',
  'everyday_spending',
  'debt_consolidation',
] as const;

/** R1 (lowest) to R5 (highest), stored as the integer. */
export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;

export const LIQUIDITY_LEVELS = ['high', 'medium', 'low'] as const;

/** What `annual_rate` measures: a hoped-for return, a contractual rate earned, or a rate the customer pays. */
export const RATE_TYPES = ['expected_return', 'interest', 'borrowing_apr'] as const;

/** `lockup_months` value for pensions, whose money is locked until the plan's retirement age, not a fixed span. */
export const UNTIL_RETIREMENT = 'until_retirement';

const percent = z.number().min(-100).max(100);
const nonNegative = z.number().min(0);

/** Counts sentences as runs of text ending in `.`, `!` or `?` followed by a space or the end. */
export function countSentences(text: string): number {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => /[.!?]$/.test(sentence.trim())).length;
}

const annualRateSchema = z
  .strictObject({
    type: z.enum(RATE_TYPES),
    min_pct: percent,
    max_pct: percent,
  })
  .refine((rate) => rate.min_pct <= rate.max_pct, {
    path: ['max_pct'],
    error: 'must be ≥ min_pct',
  });

const feesSchema = z.strictObject({
  annual_pct: nonNegative,
  upfront_pct: nonNegative,
  annual_fixed: nonNegative,
});

export const productSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lowercase letters and digits joined by single hyphens, e.g. "sav-001"',
  }),
  name: z.string().trim().min(1),
  category: z.enum(PRODUCT_CATEGORIES),
  description: z.string().refine((text) => countSentences(text) >= 2, {
    error: 'must have at least two sentences, each ending in ".", "!" or "?"',
  }),
  risk_level: z.literal(RISK_LEVELS),
  /** `null` where no rate applies honestly (insurance cover). */
  annual_rate: annualRateSchema.nullable(),
  /** Contract or repayment term in months; `null` for open-ended products. */
  term_months: z.int().min(1).nullable(),
  lockup_months: z.union([z.int().min(0), z.literal(UNTIL_RETIREMENT)], {
    error: `must be a whole number of months ≥ 0 or "${UNTIL_RETIREMENT}"`,
  }),
  min_amount: nonNegative,
  fees: feesSchema,
  liquidity: z.enum(LIQUIDITY_LEVELS),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as "EUR"' }),
  goals: z
    .array(z.enum(GOAL_TAGS))
    .min(1)
    .refine((goals) => new Set(goals).size === goals.length, { error: 'must not repeat a goal tag' }),
});

export const catalogSchema = z.strictObject({
  /** The "illustrative products, not financial advice" text every screen showing the data must display. */
  notice: z.string().trim().min(1),
  products: z.array(productSchema).min(1),
});

export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export type GoalTag = (typeof GOAL_TAGS)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type Liquidity = (typeof LIQUIDITY_LEVELS)[number];
export type RateType = (typeof RATE_TYPES)[number];
export type Product = z.infer<typeof productSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
