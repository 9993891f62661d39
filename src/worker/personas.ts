/**
 * The demo personas of advisor mode (see AdvisorApi): six made-up people an advisor can show a
 * client. Each profile's questionnaire answers score to its risk level (tests/personas.test.ts),
 * and each history uses products of the shipped catalog. Their names and descriptions are in the
 * UI's catalogs (advisor.personas.<id>); the goals are English, as the encoder reads English.
 */
import type { PersonaId, ProductEventKind, ProfileInput } from '../protocol/engine-api';

export interface PersonaEventSeed {
  readonly productId: string;
  readonly kind: ProductEventKind;
  /** How long before the persona is loaded the event happened, so its history looks lived-in. */
  readonly daysAgo: number;
}

export interface PersonaSeed {
  readonly profile: ProfileInput;
  /** Oldest first. */
  readonly events: readonly PersonaEventSeed[];
}

export const PERSONAS: Readonly<Record<PersonaId, PersonaSeed>> = {
  'young-saver': {
    profile: {
      riskLevel: 3,
      horizonYears: 4,
      age: 24,
      goalsText: 'Build an emergency fund from my first salary, save for travel, and start investing small amounts every month.',
      answers: { horizon: '3-5', drawdown: 'wait', income: 'could-change', experience: 'deposits', liquidity: 'some', objective: 'balanced' },
    },
    events: [
      { productId: 'sav-001', kind: 'view', daysAgo: 21 },
      { productId: 'sav-016', kind: 'favourite', daysAgo: 20 },
      { productId: 'card-004', kind: 'view', daysAgo: 14 },
      { productId: 'wm-008', kind: 'click', daysAgo: 9 },
      { productId: 'fund-025', kind: 'view', daysAgo: 6 },
      { productId: 'sav-004', kind: 'compare', daysAgo: 2 },
    ],
  },
  'young-family': {
    profile: {
      riskLevel: 3,
      horizonYears: 7,
      age: 38,
      goalsText: "Save for our two children's education, protect the family if something happens to me, and keep a cushion for emergencies.",
      answers: { horizon: '5-10', drawdown: 'wait', income: 'stable', experience: 'deposits', liquidity: 'most', objective: 'balanced' },
    },
    events: [
      { productId: 'sav-014', kind: 'view', daysAgo: 40 },
      { productId: 'ins-001', kind: 'apply', daysAgo: 35 },
      { productId: 'wm-013', kind: 'favourite', daysAgo: 18 },
      { productId: 'ins-019', kind: 'view', daysAgo: 12 },
      { productId: 'fund-026', kind: 'compare', daysAgo: 7 },
      { productId: 'sav-015', kind: 'click', daysAgo: 3 },
    ],
  },
  'first-home-buyer': {
    profile: {
      riskLevel: 2,
      horizonYears: 2,
      age: 30,
      goalsText: 'Save a deposit for my first flat within three years, then find a mortgage I can afford.',
      answers: { horizon: '1-3', drawdown: 'sell-some', income: 'stable', experience: 'deposits', liquidity: 'most', objective: 'preserve' },
    },
    events: [
      { productId: 'sav-013', kind: 'favourite', daysAgo: 30 },
      { productId: 'sav-009', kind: 'view', daysAgo: 22 },
      { productId: 'wm-014', kind: 'click', daysAgo: 15 },
      { productId: 'loan-006', kind: 'view', daysAgo: 8 },
      { productId: 'loan-002', kind: 'compare', daysAgo: 5 },
      { productId: 'ins-003', kind: 'view', daysAgo: 1 },
    ],
  },
  'high-income-investor': {
    profile: {
      riskLevel: 5,
      horizonYears: 20,
      age: 45,
      goalsText: 'Grow my surplus income over the long term with global equities, and pay less tax through pension contributions.',
      answers: { horizon: 'over-10', drawdown: 'buy-more', income: 'very-stable', experience: 'shares', liquidity: 'none', objective: 'max-growth' },
    },
    events: [
      { productId: 'fund-001', kind: 'apply', daysAgo: 60 },
      { productId: 'sav-002', kind: 'not_interested', daysAgo: 45 },
      { productId: 'pen-004', kind: 'favourite', daysAgo: 25 },
      { productId: 'wm-007', kind: 'view', daysAgo: 16 },
      { productId: 'fund-006', kind: 'click', daysAgo: 10 },
      { productId: 'fund-004', kind: 'compare', daysAgo: 4 },
      { productId: 'wm-016', kind: 'view', daysAgo: 1 },
    ],
  },
  'pre-retiree': {
    profile: {
      riskLevel: 3,
      horizonYears: 7,
      age: 58,
      goalsText: 'Retire in about seven years: bring my pensions together, move gradually to safer investments, and plan a retirement income.',
      answers: { horizon: '5-10', drawdown: 'sell-some', income: 'stable', experience: 'bonds-funds', liquidity: 'some', objective: 'income' },
    },
    events: [
      { productId: 'pen-017', kind: 'view', daysAgo: 28 },
      { productId: 'pen-007', kind: 'favourite', daysAgo: 20 },
      { productId: 'pen-012', kind: 'click', daysAgo: 13 },
      { productId: 'bond-006', kind: 'compare', daysAgo: 9 },
      { productId: 'pen-018', kind: 'view', daysAgo: 4 },
      { productId: 'wm-010', kind: 'view', daysAgo: 2 },
    ],
  },
  'cautious-retiree': {
    profile: {
      riskLevel: 1,
      horizonYears: 0,
      age: 70,
      goalsText: 'Keep my savings safe, earn a little interest to top up my pension, and have money at hand for health costs.',
      answers: { horizon: 'under-1', drawdown: 'sell-all', income: 'stable', experience: 'none', liquidity: 'all', objective: 'preserve' },
    },
    events: [
      { productId: 'sav-008', kind: 'favourite', daysAgo: 33 },
      { productId: 'fund-006', kind: 'not_interested', daysAgo: 27 },
      { productId: 'sav-012', kind: 'view', daysAgo: 19 },
      { productId: 'fund-012', kind: 'click', daysAgo: 11 },
      { productId: 'ins-011', kind: 'view', daysAgo: 6 },
      { productId: 'bond-001', kind: 'view', daysAgo: 2 },
    ],
  },
};
