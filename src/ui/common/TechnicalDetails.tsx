import { useTranslation } from 'react-i18next';

/**
 * A failure's own message (technical English from the engine or the browser), folded away under a
 * translated "Technical details" so that the notice's main text stays in the person's language.
 */
export function TechnicalDetails({ message }: { message: string }) {
  const { t, i18n } = useTranslation();
  return (
    <details lang="en">
      {/* The summary is UI text: it keeps the page's language inside the English details. */}
      <summary lang={i18n.resolvedLanguage}>{t('errors.technicalDetails')}</summary>
      <p>{message}</p>
    </details>
  );
}
