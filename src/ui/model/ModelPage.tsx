import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { BackendPreference } from '../../protocol/engine-api';
import { rememberBackendPreferenceInUrl } from '../backend-preference';
import { PageHeading } from '../common/PageHeading';
import { useFormat } from '../format';
import { useEngine } from '../store-context';
import { BackendChooser } from './BackendChooser';
import { CatalogProgressBar } from './CatalogProgressBar';
import { LoadProgressBar } from './LoadProgressBar';
import { ModelAvailability } from './ModelAvailability';
import { StageTimings } from './StageTimings';

/** Everything about the on-device model: progress, backend and why, each model in use or why not, stage timings, backend choice. */
export function ModelPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { status, preference, progress, catalogEncoding, backend, fallbackReason, timings, modelBytes, unavailable, start } = useEngine(
    useShallow((state) => ({
      status: state.status,
      preference: state.preference,
      progress: state.progress,
      catalogEncoding: state.catalogEncoding,
      backend: state.backend,
      fallbackReason: state.fallbackReason,
      timings: state.timings,
      modelBytes: state.modelBytes,
      unavailable: state.unavailable,
      start: state.start,
    })),
  );

  function choose(next: BackendPreference): void {
    rememberBackendPreferenceInUrl(next);
    void start(next);
  }

  return (
    <div className="page">
      <PageHeading>{t('model.page.heading')}</PageHeading>
      <p>{t('model.page.intro')}</p>

      <section className="panel" aria-labelledby="model-state-heading">
        <h2 id="model-state-heading">{t('model.page.stateHeading')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('model.page.status')}</dt>
            <dd data-testid="model-page-status">
              {status === 'ready' && unavailable.length > 0 ? t('model.page.partlyReady') : t(`model.page.statusText.${status}`)}
            </dd>
          </div>
          <div>
            <dt>{t('model.computeBackend')}</dt>
            <dd>{backend ? t(`model.backend.${backend}`) : t('model.page.notChosen')}</dd>
          </div>
          {fallbackReason && (
            <div>
              <dt>{t('model.page.fallbackReason')}</dt>
              {/* The engine's own (technical, English) reasons. */}
              <dd data-testid="fallback-reason" lang="en">
                {fallbackReason}
              </dd>
            </div>
          )}
          {modelBytes > 0 && (
            <div>
              <dt>{t('model.page.modelFiles')}</dt>
              <dd>{format.bytes(modelBytes)}</dd>
            </div>
          )}
        </dl>
        <LoadProgressBar progress={progress} done={status === 'ready'} />
        <CatalogProgressBar encoding={catalogEncoding} status={status} />
      </section>

      <section className="panel" aria-labelledby="model-models-heading">
        <h2 id="model-models-heading">{t('model.page.modelsHeading')}</h2>
        <ModelAvailability status={status} unavailable={unavailable} />
      </section>

      <section className="panel" aria-labelledby="model-timings-heading">
        <h2 id="model-timings-heading">{t('model.page.timingsHeading')}</h2>
        {timings.length > 0 ? <StageTimings timings={timings} /> : <p>{t('model.page.timingsLater')}</p>}
      </section>

      <section className="panel" aria-labelledby="model-backend-heading">
        <h2 id="model-backend-heading">{t('model.computeBackend')}</h2>
        <p className="hint">{t('model.page.backendHint')}</p>
        <BackendChooser value={preference} onChange={choose} />
      </section>
    </div>
  );
}
