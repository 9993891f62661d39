/**
 * The ground-truth utility of a product for a customer: the documented model of docs/simulator.md.
 * Choices in sessions add per-event noise on top of it; this part is what a perfect recommender would know.
 */
import { type Liquidity, UNTIL_RETIREMENT } from '../../src/engine/catalog';
import type { ItemProfile } from './item-profile';
import { RETIREMENT_AGE } from './persona';
import { clamp } from './sampling';
import type { IncomeBand, LatentTraits, LiquidityNeed, Persona } from './types';

export const UTILITY_WEIGHTS = {
  /** × cosine overlap of the customer's and the product's goal tags (0..1). */
  goalMatch: 3.0,
  /** Per risk level above the customer's tolerance, plus a quadratic part: two levels too many hurt far more than one. */
  riskExcessLinear: 0.8,
  riskExcessQuadratic: 0.4,
  /** Per risk level below the tolerance, for money-holding products: too timid for what the customer accepts. */
  riskShortfall: 0.1,
  /** × within-category rate score × the customer's return appetite. */
  rate: 0.5,
  /** × yearly cost in percent (capped at 5) × the customer's fee sensitivity. */
  fee: 1.0,
  /** Per year that money stays locked beyond the horizon (capped at 3 years). */
  lockupPerYear: 0.5,
  /** Per factor of ten by which the minimum amount exceeds what the customer can put in or borrow (capped at 2). */
  affordabilityPerDecade: 1.5,
  /** × hidden appeal; novices follow the crowd more (see popularityWeight). */
  popularity: 1.0,
  /** × dot product of hidden taste factors. */
  taste: 0.8,
} as const;

/** Penalty for a money-holding product's liquidity given the customer's need for quick access. */
const LIQUIDITY_PENALTY: Readonly<Record<LiquidityNeed, Readonly<Record<Liquidity, number>>>> = {
  high: { high: 0, medium: 0.4, low: 1.2 },
  medium: { high: 0, medium: 0, low: 0.5 },
  low: { high: 0, medium: 0, low: 0 },
};

/** What a customer can place in one product (euros), by income band. */
const INVESTABLE_AMOUNT: Readonly<Record<IncomeBand, number>> = {
  low: 1_000,
  lower_middle: 5_000,
  middle: 20_000,
  upper_middle: 75_000,
  high: 300_000,
};

/** What a customer can borrow (euros), by income band. */
const BORROWING_CAPACITY: Readonly<Record<IncomeBand, number>> = {
  low: 5_000,
  lower_middle: 30_000,
  middle: 150_000,
  upper_middle: 400_000,
  high: 1_000_000,
};

export type UtilityTerm =
  | 'goalMatch'
  | 'riskFit'
  | 'rate'
  | 'fee'
  | 'liquidity'
  | 'lockup'
  | 'affordability'
  | 'popularity'
  | 'taste';

/** Each term's contribution to the utility; the utility is their sum. */
export type UtilityTerms = Readonly<Record<UtilityTerm, number>>;

export function utilityTerms(persona: Persona, latent: LatentTraits, item: ItemProfile): UtilityTerms {
  const w = UTILITY_WEIGHTS;
  const product = item.product;

  const shared = persona.goals.filter((goal) => item.goals.has(goal)).length;
  const goalMatch = shared / Math.sqrt(persona.goals.length * item.goals.size);

  const excess = Math.max(0, product.risk_level - persona.riskTolerance);
  const shortfall = item.holdsMoney ? Math.max(0, persona.riskTolerance - product.risk_level) : 0;
  const riskFit = -(w.riskExcessLinear * excess + w.riskExcessQuadratic * excess ** 2) - w.riskShortfall * shortfall;

  // Risk-takers care more about the rate; the cautious mostly about safety.
  const returnAppetite = 0.3 + 0.15 * (persona.riskTolerance - 1);
  const amount = item.borrowing ? BORROWING_CAPACITY[persona.incomeBand] : INVESTABLE_AMOUNT[persona.incomeBand];
  const yearlyCostPct =
    product.fees.annual_pct +
    product.fees.upfront_pct / Math.max(1, persona.horizonYears) +
    (100 * product.fees.annual_fixed) / Math.max(amount, product.min_amount, 1);
  // Literate customers read the fee table.
  const feeSensitivity = 0.2 + 0.15 * (persona.literacy - 1);

  const lockupYears =
    product.lockup_months === UNTIL_RETIREMENT ? Math.max(0, RETIREMENT_AGE - persona.age) : product.lockup_months / 12;
  const shortfallRatio = product.min_amount / amount;

  return {
    goalMatch: w.goalMatch * goalMatch,
    riskFit,
    rate: w.rate * item.rateScore * returnAppetite,
    fee: -w.fee * feeSensitivity * Math.min(5, yearlyCostPct),
    liquidity: item.holdsMoney ? -LIQUIDITY_PENALTY[persona.liquidityNeed][product.liquidity] : 0,
    lockup: -w.lockupPerYear * clamp(lockupYears - persona.horizonYears, 0, 3),
    affordability: shortfallRatio > 1 ? -w.affordabilityPerDecade * Math.min(2, Math.log10(shortfallRatio)) : 0,
    popularity: w.popularity * popularityWeight(persona.literacy) * item.appeal,
    taste: w.taste * dot(latent.taste, item.taste),
  };
}

export function utility(persona: Persona, latent: LatentTraits, item: ItemProfile): number {
  return Object.values(utilityTerms(persona, latent, item)).reduce((sum, term) => sum + term, 0);
}

/** Novices lean on what others choose (0.6 at literacy 1), experts less (0.2 at literacy 5). */
export function popularityWeight(literacy: number): number {
  return 0.7 - 0.1 * literacy;
}

/** Standard deviation of the per-event noise: novices choose less consistently. */
export function choiceNoise(literacy: number): number {
  return 0.5 + 0.15 * (5 - literacy);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
