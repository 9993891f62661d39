import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../protocol/engine-api';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';

/** Protects the data with a passphrase (for shared computers), or removes it. */
export function PassphraseControl() {
  const { t } = useTranslation();
  const protection = usePrivacy((state) => state.storage?.protection);
  const setPassphrase = usePrivacy((state) => state.setPassphrase);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const [passphrase, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  // The problem, not its text: the text follows a change of language.
  const [problem, setProblem] = useState<'tooShort' | 'differ' | null>(null);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const problemNow =
      passphrase.length < MIN_PASSPHRASE_LENGTH ? 'tooShort'
      : passphrase !== repeat ? 'differ'
      : null;
    setProblem(problemNow);
    if (problemNow) return;
    void setPassphrase(passphrase).then((done) => {
      // Kept after a failure, so the person can try again without retyping.
      if (!done) return;
      setValue('');
      setRepeat('');
    });
  }

  return (
    <section className="panel" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">{t('privacy.passphrase.heading')}</h2>
      {protection === 'passphrase' ? (
        <>
          <p>{t('privacy.passphrase.locked')}</p>
          <button type="button" className="button-secondary" data-testid="remove-passphrase" disabled={busy} onClick={() => void setPassphrase(null)}>
            {t('privacy.passphrase.remove')}
          </button>
        </>
      ) : (
        <form onSubmit={submit} data-testid="passphrase-form" noValidate>
          <p>{t('privacy.passphrase.intro')}</p>
          <div className="field">
            <label htmlFor="new-passphrase">{t('privacy.passphrase.newLabel')}</label>
            <input id="new-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setValue(event.currentTarget.value)} />
          </div>
          <div className="field">
            <label htmlFor="repeat-passphrase">{t('privacy.passphrase.repeatLabel')}</label>
            <input id="repeat-passphrase" type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.currentTarget.value)} />
          </div>
          {problem && (
            <p className="field-error" role="alert">
              {problem === 'tooShort' ? t('privacy.passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH }) : t('privacy.passphrase.differ')}
            </p>
          )}
          <button type="submit" disabled={busy || protection === undefined}>
            {t('privacy.passphrase.submit')}
          </button>
        </form>
      )}
      <ActionStatus action="passphrase" testId="passphrase-status" />
    </section>
  );
}
