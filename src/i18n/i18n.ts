/**
 * The UI's translations (i18next): one instance for the page, its language chosen at start and
 * switchable at any time. A key missing from a catalog is reported on the console, where the e2e
 * tests look for it, and falls back to English.
 */
import i18next, { type i18n } from 'i18next';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';
import { LOCALE_STORAGE_KEY, type Locale } from './locales';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** The text that marks a missing translation in the console (e2e/i18n.spec.ts looks for it). */
export const MISSING_TRANSLATION = 'Missing translation';

/** A ready i18next instance in the given language (synchronous: the catalogs are bundled). */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => {
      console.error(`${MISSING_TRANSLATION}: "${key}" in ${languages.join(', ')}`);
    },
  });
  return instance;
}

/**
 * Switches the page's language and remembers the choice (local storage holds only the language
 * code: a preference, not personal data; erasing the data keeps it).
 */
export async function switchLocale(instance: i18n, locale: Locale): Promise<void> {
  await instance.changeLanguage(locale);
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage disabled: the language still switches, only for this visit.
  }
  document.documentElement.lang = locale;
}
