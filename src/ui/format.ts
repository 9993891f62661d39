/** The formatters for the language the page is in now (re-rendered when it changes). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormat, type Format } from '../i18n/format';
import { isLocale } from '../i18n/locales';

export { percentOf, type Format } from '../i18n/format';

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useMemo(() => createFormat(isLocale(language) ? language : 'en'), [language]);
}
