/** Human labels for the catalog's codes; Records, so that a new code cannot be forgotten here. */
import type { GoalTag, ProductCategory, ProductEventKind } from '../protocol/engine-api';
import type { SortKey, TermFilter } from '../state/catalog-filter';

export const CATEGORY_LABELS: Readonly<Record<ProductCategory, string>> = {
  savings_deposits: 'Savings and deposits',
  wealth_management: 'Wealth management',
  funds_etfs: 'Funds and ETFs',
  bonds: 'Bonds',
  insurance: 'Insurance',
  loans_mortgages: 'Loans and mortgages',
  credit_cards: 'Credit cards',
  pensions: 'Pensions',
};

export const GOAL_LABELS: Readonly<Record<GoalTag, string>> = {
  retirement: 'Retirement',
  education: 'Education',
  home: 'Buying a home',
  emergency_fund: 'Emergency fund',
  growth: 'Growing your money',
  income: 'Regular income',
  protection: 'Protecting you and your family',
  travel: 'Travel',
  capital_preservation: 'Keeping your money safe',
  everyday_spending: 'Everyday spending',
  debt_consolidation: 'Consolidating debt',
};

export const TERM_LABELS: Readonly<Record<TermFilter, string>> = {
  any: 'Any term',
  'up-to-1y': 'Up to 1 year',
  '1-5y': '1 to 5 years',
  'over-5y': 'Over 5 years',
  'open-ended': 'Open-ended (no fixed term)',
};

export const SORT_LABELS: Readonly<Record<SortKey, string>> = {
  name: 'Name (A to Z)',
  risk: 'Risk (lowest first)',
  return: 'Return (highest first)',
  'min-amount': 'Minimum amount (lowest first)',
};

/** How an interaction reason names what the person did: "Similar to X you <verb>". */
export const EVENT_VERBS: Readonly<Record<'favourite' | 'apply' | 'compare' | 'click' | 'view', string>> = {
  favourite: 'saved',
  apply: 'applied for',
  compare: 'compared',
  click: 'opened',
  view: 'viewed',
};

/** What the person is told once an action on a product page is stored. */
export const EVENT_CONFIRMATIONS: Readonly<Record<ProductEventKind, string>> = {
  view: '',
  click: '',
  favourite: 'Saved to your favourites on this device.',
  unfavourite: 'Removed from your favourites.',
  compare: 'Added to your comparison list on this device.',
  apply:
    'Simulated application recorded on this device. Nothing was sent to anyone and no account was opened: these products are illustrative.',
  not_interested: 'Marked as not interested: it will not be recommended to you again.',
};

/** How the privacy center lists each kind of stored event. */
export const EVENT_KIND_LABELS: Readonly<Record<ProductEventKind, string>> = {
  view: 'Viewed',
  click: 'Opened',
  favourite: 'Saved',
  unfavourite: 'Removed from favourites',
  compare: 'Compared',
  apply: 'Applied for (simulated)',
  not_interested: 'Not interested',
};
