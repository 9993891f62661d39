import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { BACKEND_LABELS } from '../backend-preference';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { CatalogProgressBar } from '../model/CatalogProgressBar';
import { LoadProgressBar } from '../model/LoadProgressBar';
import { useAppUpdate, useEngine } from '../store-context';
import { UnavailableModelNotices } from './UnavailableModelNotices';

/** The compact model status in the header of every page: state, backend, both progress bars, failures, models left out. */
export function EngineStatus() {
  const { status, preference, progress, catalogEncoding, backend, error, unavailable, start } = useEngine(
    useShallow((state) => ({
      status: state.status,
      preference: state.preference,
      progress: state.progress,
      catalogEncoding: state.catalogEncoding,
      backend: state.backend,
      error: state.error,
      unavailable: state.unavailable,
      start: state.start,
    })),
  );
  const offlineReady = useAppUpdate((state) => state.offlineReady);

  return (
    <section className="engine-status" aria-label="On-device model status">
      <p className="engine-status-line">
        <span aria-live="polite">
          Model: <strong data-testid="model-status">{status}</strong>
        </span>
        {backend && (
          <>
            {' · running on '}
            <strong data-testid="backend-name" data-backend={backend}>
              {BACKEND_LABELS[backend]}
            </strong>
          </>
        )}
        {offlineReady && (
          <>
            {' · '}
            <span data-testid="offline-ready">works offline</span>
          </>
        )}
        {' · '}
        <Link href="/model">Status details</Link>
      </p>
      <div className="engine-status-bars">
        <LoadProgressBar progress={progress} done={status === 'ready'} testId="load-progress" />
        <CatalogProgressBar encoding={catalogEncoding} status={status} testId="catalog-progress" />
      </div>
      {status === 'ready' && (
        <UnavailableModelNotices
          unavailable={unavailable}
          onRetry={() => {
            void start(preference);
          }}
        />
      )}
      {status === 'error' && error && (
        <EngineErrorNotice
          title="The model could not be loaded."
          error={error}
          testId="engine-error"
          onRetry={() => {
            void start(preference);
          }}
        />
      )}
    </section>
  );
}
