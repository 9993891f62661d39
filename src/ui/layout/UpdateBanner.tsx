import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppUpdate } from '../store-context';

/** Offers a new version of the app or its models, downloaded in the background; applied only when the person agrees. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const { updateReady, applying, applyUpdate, dismissUpdate } = useAppUpdate(
    useShallow((state) => ({ updateReady: state.updateReady, applying: state.applying, applyUpdate: state.applyUpdate, dismissUpdate: state.dismissUpdate })),
  );
  if (!updateReady) return null;
  return (
    <div className="update-banner" role="status" data-testid="update-banner">
      <p>{t('layout.update.ready')}</p>
      <div className="action-row">
        <button type="button" data-testid="update-apply" disabled={applying} onClick={() => void applyUpdate()}>
          {applying ? t('layout.update.applying') : t('layout.update.apply')}
        </button>
        <button type="button" className="button-secondary" disabled={applying} onClick={dismissUpdate}>
          {t('layout.update.later')}
        </button>
      </div>
    </div>
  );
}
