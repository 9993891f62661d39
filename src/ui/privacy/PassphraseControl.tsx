import { useState, type SyntheticEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../protocol/engine-api';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';

/** Protects the data with a passphrase (for shared computers), or removes it. */
export function PassphraseControl() {
  const protection = usePrivacy((state) => state.storage?.protection);
  const setPassphrase = usePrivacy((state) => state.setPassphrase);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const [passphrase, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const problemNow =
      passphrase.length < MIN_PASSPHRASE_LENGTH ? `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`
      : passphrase !== repeat ? 'The two passphrases differ. Type the same passphrase twice.'
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
      <h2 id="passphrase-heading">Passphrase</h2>
      {protection === 'passphrase' ? (
        <>
          <p>Your data is locked with your passphrase: it is needed each time you open the app.</p>
          <button type="button" className="button-secondary" data-testid="remove-passphrase" disabled={busy} onClick={() => void setPassphrase(null)}>
            Remove the passphrase
          </button>
        </>
      ) : (
        <form onSubmit={submit} data-testid="passphrase-form" noValidate>
          <p>
            On a shared computer, lock your data with a passphrase: it is then needed each time the app is opened. There is no way
            to recover a forgotten passphrase; you could only erase the data and start again.
          </p>
          <div className="field">
            <label htmlFor="new-passphrase">New passphrase</label>
            <input id="new-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setValue(event.currentTarget.value)} />
          </div>
          <div className="field">
            <label htmlFor="repeat-passphrase">Type it again</label>
            <input id="repeat-passphrase" type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.currentTarget.value)} />
          </div>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" disabled={busy || protection === undefined}>
            Lock with this passphrase
          </button>
        </form>
      )}
      <ActionStatus action="passphrase" testId="passphrase-status" />
    </section>
  );
}
