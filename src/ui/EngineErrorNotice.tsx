import type { SerializedError } from '../protocol/engine-api';

/** What a person can do about each kind of failure. */
const ADVICE: Readonly<Record<SerializedError['code'], string>> = {
  MODEL_LOAD_FAILED:
    'The model files could not be downloaded from this site. Check your connection, then press "Try again". If you run the app yourself, run "npm run models" and restart it.',
  INTEGRITY_FAILED:
    'The downloaded model files are damaged or out of date. Press "Try again"; if it keeps failing, clear this site\'s data in the browser settings and reload.',
  BACKEND_UNAVAILABLE:
    'This browser cannot run the chosen compute backend. Choose "Automatic" or "WASM" above.',
  WORKER_FAILED: 'The background engine stopped. Reload the page.',
  NOT_READY: 'Wait until the model has finished loading, then try again.',
  INVALID_INPUT: 'The text could not be processed. Change it and try again.',
  INTERNAL: 'Something unexpected went wrong. Press "Try again" or reload the page.',
};

/** An engine failure: what happened (the engine's message) and what to do about it. */
export function EngineErrorNotice({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: SerializedError;
  onRetry?: () => void;
}) {
  return (
    <div className="error-notice" role="alert" data-testid="engine-error" data-code={error.code}>
      <p className="error-title">{title}</p>
      <p>{error.message}</p>
      <p>{ADVICE[error.code]}</p>
      {onRetry && error.code !== 'WORKER_FAILED' && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
