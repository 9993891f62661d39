/** Texts of failures: what a person can do about each engine error, a page that broke, an unknown address. */
export const errors = {
  /** The disclosure holding the engine's own (English, technical) message. */
  technicalDetails: 'Technical details',
  catalogLoadFailed: 'The product catalog could not be loaded.',
  /** What a person can do about each kind of engine failure, by its code. */
  advice: {
    MODEL_LOAD_FAILED:
      'The files could not be downloaded from this site. Check your connection, then press "Try again". If you run the app yourself, run "<cmd>npm run models</cmd>" and restart it.',
    INTEGRITY_FAILED:
      'The downloaded model files are damaged or out of date. Press "Try again"; if it keeps failing, clear this site\'s data in the browser settings and reload.',
    BACKEND_UNAVAILABLE:
      'This browser cannot run the chosen compute backend. Choose "Automatic" or "WASM" under "Compute backend" on the Model page.',
    WORKER_FAILED: 'The background engine stopped. Reload the page; what you saved on this device is kept.',
    NOT_READY: 'Wait until the model has finished loading (see the status at the top), then try again.',
    MODEL_UNAVAILABLE:
      'Everything that does not need this model keeps working. To load it again, press "Try again" under the model status at the top, or reload the page.',
    INVALID_INPUT: 'Change what you entered and try again.',
    STORAGE_FAILED:
      'If it keeps happening: close the app\'s other tabs, leave private browsing or free some disk space, then reload the page.',
    STORAGE_LOCKED:
      'Reload the page and enter your passphrase to open your data. If you have forgotten it, erase your data there and start again.',
    ADVISOR_MODE:
      "This is a demo persona's data. Switch back to your own data (Advisor page or the banner at the top) to export, import, erase or protect your data.",
    INTERNAL: 'Something unexpected went wrong. Try again, or reload the page.',
  },
  /** A page that failed while rendering (the route error boundary). */
  page: {
    heading: 'Something went wrong',
    title: 'This page stopped working.',
    kept: 'What you saved on this device is kept. Reload the page, or choose another page above.',
    reload: 'Reload',
  },
  notFound: {
    heading: 'Page not found',
    text: 'This address does not lead to a page of this app. It may be mistyped or out of date.',
    home: 'Go to the start page',
  },
};
