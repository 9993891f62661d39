/**
 * Names of the catalog's codes (categories, goals, event kinds…), keyed by the code itself so that
 * the UI looks them up as `labels.category.${code}`; the type check fails if a code has no name.
 */
export const labels = {
  category: {
    savings_deposits: 'Savings and deposits',
    wealth_management: 'Wealth management',
    funds_etfs: 'Funds and ETFs',
    bonds: 'Bonds',
    insurance: 'Insurance',
    loans_mortgages: 'Loans and mortgages',
    credit_cards: 'Credit cards',
    pensions: 'Pensions',
  },
  goal: {
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
  },
  term: {
    any: 'Any term',
    'up-to-1y': 'Up to 1 year',
    '1-5y': '1 to 5 years',
    'over-5y': 'Over 5 years',
    'open-ended': 'Open-ended (no fixed term)',
  },
  sort: {
    name: 'Name (A to Z)',
    risk: 'Risk (lowest first)',
    return: 'Return (highest first)',
    'min-amount': 'Minimum amount (lowest first)',
  },
  /** What the person did, as a reason says it: "Similar to X you <verb>". */
  eventVerb: {
    favourite: 'saved',
    apply: 'applied for',
    compare: 'compared',
    click: 'opened',
    view: 'viewed',
  },
  /** What the person is told once an action on a product page is stored (view and click say nothing). */
  eventConfirmation: {
    favourite: 'Saved to your favourites on this device.',
    unfavourite: 'Removed from your favourites.',
    compare: 'Added to your comparison list on this device.',
    apply:
      'Simulated application recorded on this device. Nothing was sent to anyone and no account was opened: these products are illustrative.',
    not_interested: 'Marked as not interested: it will not be recommended to you again.',
  },
  /** How the privacy center lists each kind of stored event. */
  eventKind: {
    view: 'Viewed',
    click: 'Opened',
    favourite: 'Saved',
    unfavourite: 'Removed from favourites',
    compare: 'Compared',
    apply: 'Applied for (simulated)',
    not_interested: 'Not interested',
  },
};
