import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { EraseControl } from './EraseControl';

/** Shown instead of every page while the person's data is locked with a passphrase. */
export function UnlockPage() {
  const { t } = useTranslation();
  const { unlock, unlockStatus, unlockError } = usePerson(
    useShallow((state) => ({ unlock: state.unlock, unlockStatus: state.unlockStatus, unlockError: state.unlockError })),
  );
  const [passphrase, setPassphrase] = useState('');

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    void unlock(passphrase);
  }

  return (
    <div className="page">
      <PageHeading>{t('privacy.unlock.title')}</PageHeading>
      <p className="lead">{t('privacy.unlock.lead')}</p>
      <form className="panel" onSubmit={submit} data-testid="unlock-form">
        <div className="field">
          <label htmlFor="unlock-passphrase">{t('privacy.unlock.label')}</label>
          <input id="unlock-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} />
        </div>
        <button type="submit" disabled={unlockStatus === 'unlocking' || passphrase === ''}>
          {unlockStatus === 'unlocking' ? t('privacy.unlock.opening') : t('privacy.unlock.submit')}
        </button>
        {unlockStatus === 'unlocking' && (
          <p className="hint" role="status">
            {t('privacy.unlock.deriving')}
          </p>
        )}
      </form>
      {unlockStatus === 'error' && unlockError && <EngineErrorNotice title={t('privacy.unlock.failed')} error={unlockError} testId="unlock-error" />}
      <EraseControl intro={t('privacy.unlock.eraseIntro')} />
    </div>
  );
}
