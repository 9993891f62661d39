import { useShallow } from 'zustand/react/shallow';
import type { BackendPreference } from '../../protocol/engine-api';
import { BACKEND_LABELS, rememberBackendPreferenceInUrl } from '../backend-preference';
import { PageHeading } from '../common/PageHeading';
import { formatBytes } from '../format';
import { useEngine } from '../store-context';
import { BackendChooser } from './BackendChooser';
import { CatalogProgressBar } from './CatalogProgressBar';
import { LoadProgressBar } from './LoadProgressBar';
import { ModelAvailability } from './ModelAvailability';
import { StageTimings } from './StageTimings';

const STATUS_TEXT = {
  idle: 'Not started.',
  loading: 'Loading: the page stays usable meanwhile.',
  ready: 'Ready: search and recommendations run on this device.',
  error: 'Could not be loaded: see the message at the top of the page.',
} as const;

const PARTLY_READY = 'Ready, without a model whose files failed: see "Models" below. Everything that does not need it works.';

/** Everything about the on-device model: progress, backend and why, each model in use or why not, stage timings, backend choice. */
export function ModelPage() {
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
      <PageHeading>On-device model</PageHeading>
      <p>
        The language model and the recommendation model are downloaded once from this site and run in your browser.
        What you type, your profile and what you do with products never leave this device.
      </p>

      <section className="panel" aria-labelledby="model-state-heading">
        <h2 id="model-state-heading">State</h2>
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd data-testid="model-page-status">{status === 'ready' && unavailable.length > 0 ? PARTLY_READY : STATUS_TEXT[status]}</dd>
          </div>
          <div>
            <dt>Compute backend</dt>
            <dd>{backend ? BACKEND_LABELS[backend] : 'Not chosen yet'}</dd>
          </div>
          {fallbackReason && (
            <div>
              <dt>Why not a faster backend</dt>
              <dd data-testid="fallback-reason">{fallbackReason}</dd>
            </div>
          )}
          {modelBytes > 0 && (
            <div>
              <dt>Model files</dt>
              <dd>{formatBytes(modelBytes)}</dd>
            </div>
          )}
        </dl>
        <LoadProgressBar progress={progress} done={status === 'ready'} />
        <CatalogProgressBar encoding={catalogEncoding} status={status} />
      </section>

      <section className="panel" aria-labelledby="model-models-heading">
        <h2 id="model-models-heading">Models</h2>
        <ModelAvailability status={status} unavailable={unavailable} />
      </section>

      <section className="panel" aria-labelledby="model-timings-heading">
        <h2 id="model-timings-heading">Time per stage</h2>
        {timings.length > 0 ? <StageTimings timings={timings} /> : <p>Shown once the model is ready.</p>}
      </section>

      <section className="panel" aria-labelledby="model-backend-heading">
        <h2 id="model-backend-heading">Compute backend</h2>
        <p className="hint">Choosing another backend reloads the model on it; your profile and activity are kept.</p>
        <BackendChooser value={preference} onChange={choose} />
      </section>
    </div>
  );
}
