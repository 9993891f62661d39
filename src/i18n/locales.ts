/** The languages the UI is written in; product descriptions stay English (the encoder reads English). */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where the person's choice of language is kept (local storage: a preference, not personal data). */
export const LOCALE_STORAGE_KEY = 'finance-recommender-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to start in: the one the person chose before, else the first of the browser's
 * languages that the UI has (any Chinese → Simplified Chinese), else English.
 */
export function startingLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  }
  return 'en';
}

/** The language chosen before on this device, or null (none, or storage blocked by the browser). */
export function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}
