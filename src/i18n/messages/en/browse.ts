/** Texts of the Browse page: the filters, the product lists and the on-device search. */
export const browse = {
  page: {
    heading: 'Browse products',
    loading: 'Loading the catalog…',
    noMatch: 'No products match these filters.',
    // {{shown}} arrives formatted; {{count}} is the catalog's size.
    showing_one: 'Showing {{shown}} of {{count, number}} product.',
    showing_other: 'Showing {{shown}} of {{count, number}} products.',
    showAll: 'Show all products',
  },
  filters: {
    heading: 'Filter and sort',
    category: 'Category',
    allCategories: 'All categories',
    maxRisk: 'Maximum risk',
    anyRisk: 'Any risk',
    upTo: 'Up to R{{level}}',
    term: 'Term',
    maxMinAmount: 'Maximum minimum amount',
    maxMinAmountHint: 'In euros: products you can start with this much or less. Empty: any.',
    minReturn: 'Minimum return (%)',
    minReturnHint: "A year, at the top of the product's range. Leaves out loans, cards and cover without a return.",
    sort: 'Sort by',
    reset: 'Reset filters',
  },
  list: {
    /** How many products a category heading holds. */
    size: '({{size}})',
  },
  search: {
    heading: 'Search in your own words',
    label: 'Search products',
    submit: 'Search',
    // <example> marks English example words: the model on the device reads English.
    hint: 'Describe what you need, for example "<example>somewhere safe for my emergency savings</example>". The search runs on this device: your words never leave it.',
    searching: 'Searching on this device…',
    noResults: 'No products found. Try other words.',
    weak: 'Nothing matches closely; the nearest products are:',
    // <query> marks the person's own words.
    matches_one: '{{count, number}} product matches "<query>{{query}}</query>", closest first:',
    matches_other: '{{count, number}} products match "<query>{{query}}</query>", closest first:',
    notRun: 'The search did not run.',
    resultsLabel: 'Search results',
    closeness: 'closeness {{value}}',
    /** Why a search was not sent to the model (catalog-store refusals). */
    refusal: {
      emptyQuery:
        'Type what you are looking for first, for example "<example>save for a home deposit</example>" or "<example>a card for travelling</example>".',
      tooLong: 'Shorten your search to at most {{max, number}} characters.',
      modelLoading:
        'Search runs on the model on this device, which is still loading. Try again when the model status in the header says "ready".',
    },
  },
};
