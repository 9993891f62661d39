import { useTranslation } from 'react-i18next';

/** What happens to a person's data: everything stays on this device. */
export function PrivacyPanel() {
  const { t } = useTranslation();
  return (
    <section className="panel privacy-panel" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('profile.privacyPanel.title')}</h2>
      <p>{t('profile.privacyPanel.intro')}</p>
      <ul>
        <li>{t('profile.privacyPanel.answers')}</li>
        <li>{t('profile.privacyPanel.goals')}</li>
        <li>{t('profile.privacyPanel.products')}</li>
        <li>{t('profile.privacyPanel.searches')}</li>
      </ul>
      <p>{t('profile.privacyPanel.nothingSent')}</p>
    </section>
  );
}
