import { useShallow } from 'zustand/react/shallow';
import type { BackendPreference } from '../protocol/engine-api';
import { BackendChooser } from './BackendChooser';
import { BACKEND_LABELS, rememberBackendPreferenceInUrl } from './backend-preference';
import { useEngine } from './engine-store-context';
import { EngineErrorNotice } from './EngineErrorNotice';
import { formatBytes, formatDuration } from './format';
import { LoadProgressBar, STAGE_LABELS } from './LoadProgressBar';

/** The on-device model: loading progress, backend in use (and why), backend choice, failures. */
export function ModelPanel() {
  const { status, preference, progress, backend, fallbackReason, timings, modelBytes, error, start } = useEngine(
    useShallow((state) => ({
      status: state.status,
      preference: state.preference,
      progress: state.progress,
      backend: state.backend,
      fallbackReason: state.fallbackReason,
      timings: state.timings,
      modelBytes: state.modelBytes,
      error: state.error,
      start: state.start,
    })),
  );

  function choose(next: BackendPreference): void {
    rememberBackendPreferenceInUrl(next);
    void start(next);
  }

  return (
    <section className="panel" aria-labelledby="model-heading">
      <h2 id="model-heading">On-device model</h2>
      <p className="status-line" aria-live="polite">
        Status: <strong data-testid="model-status">{status}</strong>
        {backend && (
          <>
            {' · '}running on{' '}
            <strong data-testid="backend-name" data-backend={backend}>
              {BACKEND_LABELS[backend]}
            </strong>
          </>
        )}
      </p>
      {fallbackReason && (
        <p className="fallback-reason" data-testid="fallback-reason">
          Not using a faster backend because {fallbackReason}.
        </p>
      )}

      {status !== 'idle' && status !== 'error' && <LoadProgressBar progress={progress} done={status === 'ready'} />}

      {status === 'error' && error && (
        <EngineErrorNotice
          title="The model could not be loaded."
          error={error}
          onRetry={() => {
            void start(preference);
          }}
        />
      )}

      <BackendChooser value={preference} onChange={choose} />

      {status === 'ready' && timings.length > 0 && (
        <details className="timings">
          <summary>
            Load timings ({formatBytes(modelBytes)} model)
          </summary>
          <dl>
            {timings.map((timing) => (
              <div key={timing.stage} className="timing">
                <dt>{STAGE_LABELS[timing.stage]}</dt>
                <dd>{formatDuration(timing.ms)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
