/** Texts of the product page and of a product's facts wherever they are listed. */
export const product = {
  page: {
    loading: 'Loading the product…',
    notFound: 'Product not found',
    // <id> marks the id from the address, as typed.
    notFoundText:
      'There is no product with the id "<id>{{id}}</id>" in the catalog. The link may be mistyped or out of date: find the product in the full list instead.',
    seeAll: 'See all products',
    allProducts: 'All products',
  },
  /** A product's attributes in plain words (product-facts.ts); {{range}}, {{amount}}… arrive formatted. */
  facts: {
    rate: {
      interest: 'Interest {{range}} a year, contractual',
      expected_return: 'Expected return {{range}} a year, not guaranteed',
      borrowing_apr: 'Borrowing cost (APR) {{range}} a year, what you pay',
    },
    noRate: 'No rate applies',
    untilRetirement: 'Until retirement',
    noLockup: 'None',
    feeAnnualPct: '{{percent}} a year',
    feeUpfrontPct: '{{percent}} upfront',
    feeAnnualFixed: '{{amount}} a year',
    /** Between fees in one line: "0.2% a year, 1% upfront". */
    feeSeparator: ', ',
    noFees: 'No fees',
    liquidity: {
      high: 'High: take your money out on any day at no cost',
      medium: 'Medium: within days, or at a market price',
      low: 'Low: only at maturity, with a penalty, or not at all',
    },
    /** The short line shown in lists. */
    summary: '{{rate}} · {{term}} · from {{minAmount}}',
  },
  attributes: {
    category: 'Category',
    rate: 'Rate',
    term: 'Term',
    lockup: 'Lock-up',
    minAmount: 'Minimum amount',
    fees: 'Fees',
    liquidity: 'Liquidity',
    currency: 'Currency',
    goals: 'Goals it serves',
    /** Between goal names: "Retirement, Regular income". */
    goalSeparator: ', ',
  },
  actions: {
    label: 'Actions',
    compare: 'Compare',
    notInterested: 'Not interested',
    dismissed: 'You marked this product as not interested; it is no longer recommended to you.',
    notRecorded: 'That action was not recorded.',
  },
  apply: {
    apply: 'Apply',
    simulated: '(simulated)',
    // <product> marks the product's name (English product data).
    question:
      'This is a simulation: no application for <product>{{name}}</product> is sent to anyone and no account is opened. It is only recorded on this device, to improve your recommendations.',
    confirm: 'Confirm simulated application',
    cancel: 'Cancel',
  },
};
