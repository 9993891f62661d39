import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';

/** Erase everything, behind a confirmation: it cannot be undone. */
export function EraseControl({ intro }: { intro: string }) {
  const { t } = useTranslation();
  const eraseAll = usePrivacy((state) => state.eraseAll);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="panel danger-panel" aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t('privacy.erase.heading')}</h2>
      <p>{intro}</p>
      {confirming ? (
        <div className="confirm-box" role="group" aria-labelledby="erase-confirm-question">
          <p id="erase-confirm-question">{t('privacy.erase.question')}</p>
          <div className="action-row">
            <button
              type="button"
              className="button-danger"
              data-testid="erase-confirm"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                void eraseAll();
              }}
            >
              {t('privacy.erase.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('privacy.erase.keep')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-danger" data-testid="erase-data" disabled={busy} onClick={() => setConfirming(true)}>
          {t('privacy.erase.start')}
        </button>
      )}
      <ActionStatus action="erase" testId="erase-status" />
    </section>
  );
}
