/** Words used across the app: the language switch, the note on product texts, shared buttons and badges. */
export const common = {
  productTextNote: 'Product names and descriptions are in English: the model on this device reads English.',
  language: {
    label: 'Language',
    // Each language's name in itself, so a person who cannot read the current one still finds theirs.
    en: 'English',
    'zh-CN': '简体中文',
  },
  tryAgain: 'Try again',
  /** A progress bar's value for screen readers, and its caption: "12.3 MB of 20 MB", "62%". */
  progressValue: '{{percent}}, {{numbers}}',
  progressNumbers: '{{numbers}} · {{percent}}',
  favourite: 'Favourite',
  /** A product's risk level in words, after its code: "R3 medium risk". */
  risk: {
    R1: 'lowest risk',
    R2: 'low risk',
    R3: 'medium risk',
    R4: 'high risk',
    R5: 'highest risk',
  },
  /** Shown until the catalog (which carries the authoritative English wording) has loaded, and as its gist in other languages. */
  catalogNotice: 'Illustrative products, not financial advice.',
};
