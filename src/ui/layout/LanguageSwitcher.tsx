import { useTranslation } from 'react-i18next';
import { switchLocale } from '../../i18n/i18n';
import { LOCALES } from '../../i18n/locales';

/**
 * Switches the UI's language at any time; the choice is remembered on this device. Each button
 * names its language in that language (and is marked so), so anyone can find their own.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;
  return (
    <div className="language-switcher" role="group" aria-label={t('common.language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          onClick={() => void switchLocale(i18n, locale)}
        >
          {t(`common.language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
