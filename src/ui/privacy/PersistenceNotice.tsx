import { useTranslation } from 'react-i18next';
import { usePrivacy } from '../store-context';

/** Whether the browser keeps the data for good, with a way to ask for it. */
export function PersistenceNotice() {
  const { t } = useTranslation();
  const persistence = usePrivacy((state) => state.persistence);
  const requestPersistence = usePrivacy((state) => state.requestPersistence);
  if (!persistence) return null;
  return (
    <section className="panel" aria-labelledby="persistence-heading">
      <h2 id="persistence-heading">{t('privacy.persistence.heading')}</h2>
      <p data-testid="persistence-state" data-state={persistence}>
        {t(`privacy.persistence.state.${persistence}`)}
      </p>
      {persistence === 'best-effort' && (
        <button type="button" className="button-secondary" onClick={() => void requestPersistence()}>
          {t('privacy.persistence.keep')}
        </button>
      )}
    </section>
  );
}
