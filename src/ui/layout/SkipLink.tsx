import { useTranslation } from 'react-i18next';

/**
 * "Skip to content" for keyboard users. Its href would be read as a route by the hash router, so
 * following it moves focus to <main> by script instead.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('layout.skipLink')}
    </a>
  );
}
