import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { CatalogProgressBar } from '../model/CatalogProgressBar';
import { LoadProgressBar } from '../model/LoadProgressBar';
import { useAppUpdate, useEngine } from '../store-context';
import { UnavailableModelNotices } from './UnavailableModelNotices';

/** The compact model status in the header of every page: state, backend, both progress bars, failures, models left out. */
export function EngineStatus() {
  const { t } = useTranslation();
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
    <section className="engine-status" aria-label={t('layout.engineStatus.label')}>
      <p className="engine-status-line">
        <span aria-live="polite">
          {/* data-status carries the state's code whatever the language. */}
          <Trans
            t={t}
            i18nKey="layout.engineStatus.model"
            values={{ status: t(`layout.engineStatus.status.${status}`) }}
            components={{ status: <strong data-testid="model-status" data-status={status} /> }}
          />
        </span>
        {backend && (
          <>
            {' · '}
            <Trans
              t={t}
              i18nKey="layout.engineStatus.runningOn"
              values={{ backend: t(`model.backend.${backend}`) }}
              components={{ backend: <strong data-testid="backend-name" data-backend={backend} /> }}
            />
          </>
        )}
        {offlineReady && (
          <>
            {' · '}
            <span data-testid="offline-ready">{t('layout.engineStatus.offlineReady')}</span>
          </>
        )}
        {' · '}
        <Link href="/model">{t('layout.engineStatus.details')}</Link>
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
          title={t('layout.engineStatus.loadFailed')}
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
