import type { GoalTag } from '../../src/engine/catalog';
import type { Rng } from '../lib/random';
import { goalsText } from './goals-text';
import { clamp, intBetween, pickWeighted, pickWeightedDistinct } from './sampling';
import { INCOME_BANDS, type LiquidityNeed, type Persona } from './types';

type GoalWeights = Readonly<Record<GoalTag, number>>;

interface LifeStage {
  readonly minAge: number;
  readonly maxAge: number;
  /** Share of the population. */
  readonly weight: number;
  /** Shifts the income draw: people earn most in mid-career. */
  readonly incomeShift: number;
  /** How likely each goal is at this stage of life, before adjusting for risk and income. */
  readonly goals: GoalWeights;
}

const LIFE_STAGES: readonly LifeStage[] = [
  { minAge: 18, maxAge: 24, weight: 0.12, incomeShift: -0.7, goals: goalWeights(0.2, 2.0, 0.6, 1.5, 1.0, 0.1, 0.3, 2.0, 0.3, 1.8, 0.8) },
  { minAge: 25, maxAge: 34, weight: 0.22, incomeShift: -0.1, goals: goalWeights(0.6, 0.8, 2.2, 1.5, 1.3, 0.2, 0.8, 1.3, 0.4, 1.0, 0.9) },
  { minAge: 35, maxAge: 44, weight: 0.2, incomeShift: 0.3, goals: goalWeights(1.0, 1.8, 1.5, 1.0, 1.2, 0.3, 1.5, 0.8, 0.5, 0.7, 0.7) },
  { minAge: 45, maxAge: 54, weight: 0.18, incomeShift: 0.4, goals: goalWeights(2.0, 1.0, 0.6, 0.8, 1.3, 0.6, 1.2, 0.8, 0.8, 0.5, 0.5) },
  { minAge: 55, maxAge: 64, weight: 0.15, incomeShift: 0.2, goals: goalWeights(2.5, 0.2, 0.3, 0.6, 0.6, 1.5, 1.0, 1.0, 1.4, 0.4, 0.3) },
  { minAge: 65, maxAge: 85, weight: 0.13, incomeShift: -0.3, goals: goalWeights(1.5, 0.1, 0.2, 0.6, 0.3, 2.2, 1.3, 1.0, 2.0, 0.4, 0.2) },
];

/** Income-score cut points between the five bands (the score is the life-stage shift plus a standard normal). */
const INCOME_THRESHOLDS = [-1.0, -0.35, 0.35, 1.0];
/** How many goals a customer has: one (20%), two (45%) or three (35%). */
const GOAL_COUNT_WEIGHTS = [0.2, 0.45, 0.35];
/** Age at which the simulated customers expect to retire. */
export const RETIREMENT_AGE = 66;

/** Draws one customer. Every number comes from `rng`, so the same generator state gives the same persona. */
export function samplePersona(rng: Rng, userId: string): Persona {
  const stage = LIFE_STAGES[pickWeighted(rng, LIFE_STAGES.map((s) => s.weight))]!;
  const age = intBetween(rng, stage.minAge, stage.maxAge);
  const incomeScore = stage.incomeShift + rng.normal();
  const incomeIndex = INCOME_THRESHOLDS.filter((threshold) => incomeScore > threshold).length;
  const literacy = clamp(Math.round(3 + 0.45 * (incomeIndex - 2) + 0.9 * rng.normal()), 1, 5);
  const riskTolerance = clamp(
    Math.round(3 + 0.4 * (literacy - 3) + 0.3 * (incomeIndex - 2) - 0.025 * (age - 42) + 0.85 * rng.normal()),
    1,
    5,
  );
  const goals = sampleGoals(rng, stage.goals, riskTolerance, incomeIndex);
  const horizonYears = sampleHorizon(rng, goals[0]!, age);
  const liquidityNeed = sampleLiquidityNeed(rng, goals, incomeIndex, horizonYears);
  return {
    userId,
    age,
    incomeBand: INCOME_BANDS[incomeIndex]!,
    riskTolerance,
    horizonYears,
    goals,
    liquidityNeed,
    literacy,
    goalsText: goalsText(rng, goals, age, riskTolerance),
  };
}

function sampleGoals(rng: Rng, stageWeights: GoalWeights, riskTolerance: number, incomeIndex: number): GoalTag[] {
  // Risk-takers lean towards growth, the cautious towards keeping what they have; debt worries fall with income.
  const weights: Record<GoalTag, number> = {
    ...stageWeights,
    growth: stageWeights.growth * (0.3 + 0.35 * (riskTolerance - 1)),
    capital_preservation: stageWeights.capital_preservation * (1.8 - 0.35 * (riskTolerance - 1)),
    debt_consolidation: stageWeights.debt_consolidation * [1.8, 1.3, 1, 0.6, 0.3][incomeIndex]!,
    emergency_fund: stageWeights.emergency_fund * [1.4, 1.2, 1, 0.8, 0.6][incomeIndex]!,
  };
  const tags = Object.keys(weights) as GoalTag[];
  const count = 1 + pickWeighted(rng, GOAL_COUNT_WEIGHTS);
  return pickWeightedDistinct(rng, tags.map((tag) => weights[tag]), count).map((index) => tags[index]!);
}

/** The horizon follows the primary goal: a holiday is a year or two away, retirement is decades. */
function sampleHorizon(rng: Rng, primaryGoal: GoalTag, age: number): number {
  switch (primaryGoal) {
    case 'retirement':
      return age < RETIREMENT_AGE - 3 ? RETIREMENT_AGE - age : intBetween(rng, 8, 20);
    case 'education':
      return age < 26 ? intBetween(rng, 1, 4) : intBetween(rng, 3, 15);
    case 'home':
      return intBetween(rng, 2, 8);
    case 'emergency_fund':
    case 'travel':
    case 'everyday_spending':
      return intBetween(rng, 1, 2);
    case 'growth':
      return intBetween(rng, 5, 25);
    case 'income':
      return intBetween(rng, 3, 10);
    case 'protection':
      return intBetween(rng, 10, 25);
    case 'capital_preservation':
      return intBetween(rng, 2, 6);
    case 'debt_consolidation':
      return intBetween(rng, 2, 5);
  }
}

function sampleLiquidityNeed(rng: Rng, goals: readonly GoalTag[], incomeIndex: number, horizonYears: number): LiquidityNeed {
  const score =
    (goals.includes('emergency_fund') ? 0.9 : 0) +
    (goals.includes('travel') || goals.includes('everyday_spending') ? 0.5 : 0) +
    (incomeIndex <= 1 ? 0.4 : 0) -
    (horizonYears >= 10 ? 0.5 : 0) +
    0.5 * rng.normal();
  if (score > 0.75) return 'high';
  return score < 0 ? 'low' : 'medium';
}

function goalWeights(
  retirement: number,
  education: number,
  home: number,
  emergencyFund: number,
  growth: number,
  income: number,
  protection: number,
  travel: number,
  capitalPreservation: number,
  everydaySpending: number,
  debtConsolidation: number,
): GoalWeights {
  return {
    retirement,
    education,
    home,
    emergency_fund: emergencyFund,
    growth,
    income,
    protection,
    travel,
    capital_preservation: capitalPreservation,
    everyday_spending: everydaySpending,
    debt_consolidation: debtConsolidation,
  };
}
