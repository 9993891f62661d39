/** Texts of the frame around every page: the header, navigation, model status and update offer. */
export const layout = {
  /** Also the document's title. */
  appName: 'Private finance recommender',
  privacyStatement: 'Everything is computed on this device; nothing you type leaves it.',
  skipLink: 'Skip to content',
  nav: {
    label: 'Main',
    forYou: 'For you',
    browse: 'Browse',
    profile: 'Profile',
    model: 'Model',
    privacy: 'Privacy',
    advisor: 'Advisor',
  },
  engineStatus: {
    label: 'On-device model status',
    model: 'Model: <status>{{status}}</status>',
    /** The engine's state in one word (the English words are what the e2e tests wait for). */
    status: {
      idle: 'idle',
      loading: 'loading',
      ready: 'ready',
      error: 'error',
    },
    runningOn: 'running on <backend>{{backend}}</backend>',
    offlineReady: 'works offline',
    details: 'Status details',
    loadFailed: 'The model could not be loaded.',
  },
  update: {
    ready: 'A new version of the app or its models is ready on this device. Your profile and activity are kept.',
    apply: 'Update now',
    applying: 'Updating…',
    later: 'Later',
  },
  /** What stops without each model, and what keeps working, so that a person knows what they can still do. */
  unavailable: {
    encoder:
      'The language model is unavailable, so search and suggestions are off. You can still browse the products, and what you do is still saved on this device.',
    recommender:
      'The recommendation model is unavailable, so suggestions are off. You can still browse and search the products, and what you do is still saved on this device.',
  },
};
