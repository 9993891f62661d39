/** Texts of the For-you page: the status line, the recommendations and their reasons, riskier products, the map. */
export const forYou = {
  page: {
    heading: 'For you',
    changeAnswers: 'Change your answers',
  },
  /** Why For you has nothing to list yet; <start> links to the questions. */
  status: {
    lookingForAnswers:
      'Looking for answers you saved on this device before. If this is your first visit, <start>answer six questions</start>.',
    needsProfile:
      'Suggestions need to know a little about you first. <start>Answer six questions</start> (it takes a minute); your answers stay on this device.',
    modelFailed:
      'Suggestions are worked out by the model on this device, which could not be loaded: see the message at the top.',
    workingOut: 'Working out your suggestions…',
    waitingForModel:
      'Your suggestions appear here as soon as the model has loaded on this device. Meanwhile you can browse the products.',
    nothingLeft:
      'There is nothing left to suggest within your risk level: every suitable product is already in your favourites, applied for or marked as not interested. Browse the catalog, or change your answers.',
    findingNew: 'Finding new suggestions for you…',
  },
  errors: {
    unavailable: 'Suggestions are unavailable.',
    notUpdated: 'Your suggestions could not be updated; the list below is the previous one.',
    notWorkedOut: 'Your suggestions could not be worked out.',
    eventNotRecorded: 'That action was not recorded.',
  },
  diversity: {
    label: 'Variety',
    hint: '0: the closest matches, even if alike. Towards 1: more different kinds of product.',
  },
  list: {
    heading: 'Suggested for you',
    updating: 'Updating…',
  },
  /** <product> marks the product's name (English product data); <hidden> is for screen readers only. */
  card: {
    reasonsLabel: 'Why <product>{{name}}</product> is suggested',
    notInterested: 'Not interested<hidden> in <product>{{name}}</product></hidden>',
  },
  /** Why a product is recommended, one sentence per reason. */
  reason: {
    // {{verb}} is one of labels.eventVerb.
    interaction: 'Similar to {{name}} you {{verb}}',
    goal: 'Matches your goal: {{goal}}',
    profile: 'Fits your profile',
    riskWithin: 'R{{productRisk}}, within your R{{personRisk}} level',
    riskAbove: 'R{{productRisk}}, above your R{{personRisk}} level',
  },
  aboveRisk: {
    heading: 'Riskier products',
    show: 'Show products above my risk level',
    hide: 'Hide products above my risk level',
    finding: 'Finding products above your risk level…',
    warning:
      "<strong>Above your risk level (R{{risk}}).</strong> These products carry more risk than your answers suggest you are comfortable with. They are shown because you asked, not recommended: read each product's risks before considering it.",
    none: 'No products above your risk level to show.',
    listLabel: 'Products above your risk level R{{risk}}',
  },
  map: {
    heading: 'Where your suggestions sit',
    hint: 'Each dot is a product; products the model sees as alike sit close together. The filled dots are your suggestions and the cross is you, placed by your profile and what you have done.',
    /** The map as one image to screen readers: summary, then suggestions (with the nearest one's name when there is one). */
    summary: 'Map of {{products}} products, placed so that products the model sees as alike are close together.',
    suggestions_one: 'Your {{count}} suggestion is highlighted and a cross marks you.',
    suggestions_other: 'Your {{count}} suggestions are highlighted and a cross marks you.',
    suggestionsNearest_one:
      'Your {{count}} suggestion is highlighted and a cross marks you; the suggestion nearest to you is <product>{{name}}</product>.',
    suggestionsNearest_other:
      'Your {{count}} suggestions are highlighted and a cross marks you; the suggestion nearest to you is <product>{{name}}</product>.',
    legendProduct: 'Product',
    legendSuggested: 'Suggested for you',
    legendYou: 'You',
    nearestList: 'Your suggestions on the map, nearest to you first:',
  },
};
