/** Texts of the UI's profile area: onboarding, the profile page, the risk questionnaire and its result. */
export const profile = {
  onboarding: {
    title: 'Welcome',
    lead: 'Answer a few questions and get suggestions of (illustrative) financial products, worked out on this device.',
    // e2e/helpers/app.ts presses this button by its English name.
    submit: 'See my recommendations',
  },
  page: {
    title: 'Your profile',
    lead: 'Stored on this device only. Change any answer and press "Save profile": your recommendations follow.',
    // e2e/helpers/app.ts presses this button by its English name.
    submit: 'Save profile',
    saving: 'Saving your profile on this device…',
    saved: 'Profile saved on this device. Your recommendations follow it.',
    restoring: 'Looking for your saved answers…',
    saveError: 'Your profile could not be saved.',
  },
  privacyPanel: {
    title: 'What stays on this device',
    intro: 'Everything you give this app stays on this device:',
    answers: 'your answers to the questions below, your age and your risk level;',
    goals: 'your goals, in your own words: the model reads them here, in your browser;',
    products: 'the products you open, save, compare, apply for or dismiss;',
    searches: 'your searches, and the recommendations worked out from all of this.',
    nothingSent:
      "Nothing is sent anywhere. The only downloads are the app's own model files and product catalog, from this site.",
  },
  form: {
    riskTitle: 'Your attitude to risk',
    riskHint: 'Six questions. Your answers give your risk level, R1 (most cautious) to R5 (boldest).',
    aboutTitle: 'About you',
    // e2e/helpers/app.ts finds the age and goals fields by these two labels.
    age: 'Age',
    ageHint: 'In years, {{min}} to {{max}}.',
    goals: 'Your goals',
    goalsHint:
      'In your own words, in English (the model on this device reads English), up to {{max}} characters ({{used}} used). The model reads them to match products to your goals; they are never sent anywhere.',
    errorSummary_one: 'One thing needs your attention before your profile can be saved:',
    errorSummary_other: '{{count}} things need your attention before your profile can be saved:',
    errors: {
      // The question's own title and prompt are nested by key ($t), so that they are written in the same language.
      unanswered: 'Answer question {{number}}: $t({{titleKey}}): $t({{promptKey}})',
      age: 'Enter your age as a whole number of years from {{min}} to {{max}}.',
      goalsEmpty: 'Describe your goals in a few words, for example "save for a home in five years".',
      goalsTooLong: 'Shorten your goals to at most {{max}} characters (now {{length}}).',
    },
  },
  risk: {
    /** A question's legend, "Investment horizon: When will you need most of this money?". */
    legend: '$t({{titleKey}}): $t({{promptKey}})',
    questions: {
      horizon: {
        title: 'Investment horizon',
        prompt: 'When will you need most of this money?',
        options: {
          'under-1': 'Within a year',
          '1-3': 'In 1 to 3 years',
          '3-5': 'In 3 to 5 years',
          '5-10': 'In 5 to 10 years',
          'over-10': 'In more than 10 years',
        },
      },
      drawdown: {
        title: 'Reaction to a 20% fall',
        prompt: 'Your investments lose 20% of their value in a few months. What do you do?',
        options: {
          'sell-all': 'Sell everything to stop further losses',
          'sell-some': 'Sell some of them',
          wait: 'Wait and see, without buying or selling',
          hold: 'Keep them and carry on investing as planned',
          'buy-more': 'Invest more while prices are low',
        },
      },
      income: {
        title: 'Income stability',
        prompt: 'How stable is your income?',
        options: {
          none: 'I have no regular income',
          irregular: 'Irregular (freelance, seasonal or commission)',
          'could-change': 'Regular, but it could change soon',
          stable: 'Stable (a permanent job or a pension)',
          'very-stable': 'Stable, from more than one source',
        },
      },
      experience: {
        title: 'Investing experience',
        prompt: 'Which of these have you held before?',
        options: {
          none: 'None of these: I have not invested before',
          deposits: 'Savings accounts and fixed-term deposits only',
          'bonds-funds': 'Bonds or mixed funds',
          shares: 'Shares or equity funds, for several years',
          complex: 'Complex products (options, futures or structured products)',
        },
      },
      liquidity: {
        title: 'Need for cash at short notice',
        prompt: 'How much of this money might you need at short notice?',
        options: {
          all: 'All of it',
          most: 'More than half',
          some: 'About a quarter',
          little: 'Only a little',
          none: 'None: I keep a separate emergency fund',
        },
      },
      objective: {
        title: 'Main objective',
        prompt: 'What matters most to you for this money?',
        options: {
          preserve: 'Keeping it safe, even if it grows very little',
          income: 'A steady income with little risk',
          balanced: 'A balance of growth and safety',
          growth: 'Long-term growth, accepting ups and downs',
          'max-growth': 'The highest growth, accepting large swings',
        },
      },
    },
    /** The name of each risk level, keyed "r" + the level (R1–R5). */
    levels: {
      r1: 'Very cautious',
      r2: 'Cautious',
      r3: 'Balanced',
      r4: 'Adventurous',
      r5: 'Very adventurous',
    },
  },
  result: {
    title: 'Your risk level',
    // e2e/journey.spec.ts expects the explanation to speak of points.
    summary: 'Your answers add up to {{total}} of {{max}} points, and {{bandMin}}–{{bandMax}} points is R{{level}}.',
    howWorkedOut: 'How this was worked out',
    tableCaption: 'Points for each of your answers',
    question: 'Question',
    answer: 'Your answer',
    points: 'Points',
    total: 'Total',
    method:
      'Each answer is worth 0 points (most cautious) to 4 (boldest); the horizon counts double (0–8), because how long the money can stay invested decides most whether it can recover from a fall. The total gives the level:',
    band: 'R{{level}} {{name}}: {{min}}–{{max}} points',
    bandYours: 'R{{level}} {{name}}: {{min}}–{{max}} points (yours)',
    noScore:
      'Your saved level is R{{level}}. Answer the questionnaire again below to see how many points each answer is worth.',
  },
  activity: {
    title: 'Your activity on this device',
    favourites: 'Favourites',
    compared: 'In your comparison',
    applied: 'Applied for (simulated)',
    empty: 'None yet.',
    noneDismissed: 'You have not marked any product as not interested.',
    dismissed_one: '{{count}} product is marked as not interested and never recommended.',
    dismissed_other: '{{count}} products are marked as not interested and never recommended.',
  },
};
