import { useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { EraseControl } from './EraseControl';

/** Shown instead of every page while the person's data is locked with a passphrase. */
export function UnlockPage() {
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
      <PageHeading>Your data is locked</PageHeading>
      <p className="lead">Your profile and activity on this device are encrypted with your passphrase. Enter it to open them.</p>
      <form className="panel" onSubmit={submit} data-testid="unlock-form">
        <div className="field">
          <label htmlFor="unlock-passphrase">Passphrase</label>
          <input id="unlock-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} />
        </div>
        <button type="submit" disabled={unlockStatus === 'unlocking' || passphrase === ''}>
          {unlockStatus === 'unlocking' ? 'Opening…' : 'Open my data'}
        </button>
        {unlockStatus === 'unlocking' && (
          <p className="hint" role="status">
            Deriving the key from your passphrase; this takes a second or two, longer while the model is still loading.
          </p>
        )}
      </form>
      {unlockStatus === 'error' && unlockError && <EngineErrorNotice title="Your data stays locked" error={unlockError} testId="unlock-error" />}
      <EraseControl intro="Forgotten your passphrase? It cannot be recovered. You can erase the locked data from this device and start again." />
    </div>
  );
}
