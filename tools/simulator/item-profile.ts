import type { GoalTag, Product } from '../../src/engine/catalog';
import { streamRng } from './seeds';

/** Number of hidden taste dimensions shared by customers and products. */
export const TASTE_DIMENSIONS = 4;

/** What the utility model needs to know about a product, derived once per simulation. */
export interface ItemProfile {
  readonly product: Product;
  readonly goals: ReadonlySet<GoalTag>;
  /** Deposits, investments and pensions: the customer's money sits in the product. */
  readonly holdsMoney: boolean;
  /** Loans and cards: the customer owes money. */
  readonly borrowing: boolean;
  /**
   * How good the rate is within its category, as a z-score where higher is better for the customer
   * (a higher return, or a lower borrowing rate); 0 where the product has no rate.
   */
  readonly rateScore: number;
  /** Hidden mass appeal (brand, word of mouth), standard normal. */
  readonly appeal: number;
  /** Hidden taste factors, each N(0, 1/2²). */
  readonly taste: readonly number[];
}

export function profileItems(products: readonly Product[], seed: number): ItemProfile[] {
  const rateScores = categoryRateScores(products);
  return products.map((product, index) => {
    const rng = streamRng(seed, 'items', index);
    const rateType = product.annual_rate?.type;
    return {
      product,
      goals: new Set(product.goals),
      holdsMoney: rateType === 'expected_return' || rateType === 'interest',
      borrowing: rateType === 'borrowing_apr' || product.category === 'loans_mortgages' || product.category === 'credit_cards',
      rateScore: rateScores[index]!,
      appeal: rng.normal(),
      taste: Array.from({ length: TASTE_DIMENSIONS }, () => rng.normal() / 2),
    };
  });
}

function rateMidpoint(product: Product): number | null {
  const rate = product.annual_rate;
  return rate === null ? null : (rate.min_pct + rate.max_pct) / 2;
}

/** Rates compared within a category only: a card's APR says nothing about a fund's return. */
function categoryRateScores(products: readonly Product[]): number[] {
  const byCategory = new Map<string, number[]>();
  for (const product of products) {
    const mid = rateMidpoint(product);
    if (mid === null) continue;
    const list = byCategory.get(product.category) ?? [];
    list.push(mid);
    byCategory.set(product.category, list);
  }
  return products.map((product) => {
    const mid = rateMidpoint(product);
    const values = byCategory.get(product.category);
    if (mid === null || values === undefined || values.length < 2) return 0;
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    const z = sd === 0 ? 0 : (mid - mean) / sd;
    return product.annual_rate?.type === 'borrowing_apr' ? -z : z;
  });
}
