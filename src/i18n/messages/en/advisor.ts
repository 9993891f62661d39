/** Advisor mode: the demo personas, switching between them and comparing two. */
export const advisor = {
  page: {
    title: 'Advisor mode',
    intro:
      'Show a client how the recommender works with one of these made-up people. Each has a profile and a history of views, favourites and applications. One click makes every page show that person.',
    apart:
      "The personas' data is kept in this tab's memory, apart from your own: nothing you do as a persona is written to your stored data, and reloading the page brings every persona back to its starting data and you back to your own.",
  },
  owner: {
    name: 'My own data',
    summary: 'Your profile and your history, stored encrypted on this device.',
  },
  card: {
    age: 'Age {{age}}',
    risk: 'Risk level R{{level}}: {{name}}',
    horizonNow: 'Needs the money within a year',
    horizon_one: 'Needs the money in {{count}} year',
    horizon_other: 'Needs the money in {{count}} years',
    events_one: '{{count}} event',
    events_other: '{{count}} events',
    favourites_one: '{{count}} favourite',
    favourites_other: '{{count}} favourites',
    goals: 'Goals in their own words',
    active: 'Active now',
    switchTo: 'Switch to {{name}}',
    switchToOwner: 'Back to my own data',
    switching: 'Switching…',
    reset: 'Reset',
    resetting: 'Resetting…',
    resetLabel: 'Reset {{name}}',
    resetHint: 'Reset puts this persona back to its starting profile and history.',
  },
  banner: {
    persona: 'Advisor mode: you are seeing {{name}}, a demo persona. What you do now is kept apart from your own data.',
    back: 'Back to my own data',
  },
  compare: {
    title: 'Compare two personas',
    intro: 'Their For-you lists side by side, with the reasons for each product. Comparing changes neither persona.',
    left: 'First persona',
    right: 'Second persona',
    submit: 'Compare',
    working: 'Computing both lists…',
    needsModel: 'The comparison needs the model: wait until it has loaded.',
    failed: 'The comparison could not be made',
    listLabel: "{{name}}'s recommendations",
    riskLine: 'Only products up to R{{level}} are shown',
    empty: 'No product fits this persona.',
  },
  privacyNotice: {
    title: 'A demo persona is active',
    text: "The privacy center shows and controls your own stored data. While you are seeing {{name}}, it is not shown here; the persona's data is never stored.",
  },
  errors: {
    list: 'The personas could not be read',
    switch: 'Could not switch',
    reset: 'The persona could not be reset',
  },
  personas: {
    'young-saver': {
      name: 'Mia, young saver',
      summary: 'First job: building an emergency fund, saving for travel and starting to invest small amounts.',
    },
    'young-family': {
      name: 'The Chens, family with children',
      summary: "Two children: saving for their education, protecting the family and keeping a cushion.",
    },
    'first-home-buyer': {
      name: 'Sam, first-home buyer',
      summary: 'Saving a deposit for a first flat within three years, then a mortgage.',
    },
    'high-income-investor': {
      name: 'Priya, high-income investor',
      summary: 'Long-term growth with global equities, and pension contributions.',
    },
    'pre-retiree': {
      name: 'Hans, pre-retiree',
      summary: 'Retiring in about seven years: bringing pensions together and planning an income.',
    },
    'cautious-retiree': {
      name: 'Rosa, risk-averse retiree',
      summary: 'Keeps her savings safe and tops up her pension with a little interest.',
    },
  },
};
