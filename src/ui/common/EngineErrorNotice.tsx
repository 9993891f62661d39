import type { ReactNode } from 'react';
import type { SerializedError } from '../../protocol/engine-api';

/** What a person can do about each kind of failure. */
const ADVICE: Readonly<Record<SerializedError['code'], string>> = {
  MODEL_LOAD_FAILED:
    'The files could not be downloaded from this site. Check your connection, then press "Try again". If you run the app yourself, run "npm run models" and restart it.',
  INTEGRITY_FAILED:
    'The downloaded model files are damaged or out of date. Press "Try again"; if it keeps failing, clear this site\'s data in the browser settings and reload.',
  BACKEND_UNAVAILABLE:
    'This browser cannot run the chosen compute backend. Choose "Automatic" or "WASM" under "Compute backend" on the Model page.',
  WORKER_FAILED: 'The background engine stopped. Reload the page; what you saved on this device is kept.',
  NOT_READY: 'Wait until the model has finished loading (see the status at the top), then try again.',
  MODEL_UNAVAILABLE:
    'Everything that does not need this model keeps working. To load it again, press "Try again" under the model status at the top, or reload the page.',
  INVALID_INPUT: 'Change what you entered and try again.',
  STORAGE_FAILED: 'If it keeps happening: close the app\'s other tabs, leave private browsing or free some disk space, then reload the page.',
  STORAGE_LOCKED: 'Reload the page and enter your passphrase to open your data. If you have forgotten it, erase your data there and start again.',
  INTERNAL: 'Something unexpected went wrong. Try again, or reload the page.',
};

/** A failure: what happened (the engine's message) and what to do about it. */
export function EngineErrorNotice({
  title,
  error,
  testId,
  onRetry,
  children,
}: {
  title: string;
  error: SerializedError;
  testId: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-code={error.code}>
      <p className="error-title">{title}</p>
      <p>{error.message}</p>
      <p>{ADVICE[error.code]}</p>
      {children}
      {onRetry && error.code !== 'WORKER_FAILED' && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
