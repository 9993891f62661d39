import { useState } from 'react';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';

/** Erase everything, behind a confirmation: it cannot be undone. */
export function EraseControl({ intro }: { intro: string }) {
  const eraseAll = usePrivacy((state) => state.eraseAll);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="panel danger-panel" aria-labelledby="erase-heading">
      <h2 id="erase-heading">Erase everything</h2>
      <p>{intro}</p>
      {confirming ? (
        <div className="confirm-box" role="group" aria-labelledby="erase-confirm-question">
          <p id="erase-confirm-question">
            Erase your profile, every event, your settings and the encryption key from this device? This cannot be undone.
          </p>
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
              Yes, erase everything
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              Keep my data
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-danger" data-testid="erase-data" disabled={busy} onClick={() => setConfirming(true)}>
          Erase my data…
        </button>
      )}
      <ActionStatus action="erase" testId="erase-status" />
    </section>
  );
}
