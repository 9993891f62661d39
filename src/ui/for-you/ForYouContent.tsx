import { useShallow } from 'zustand/react/shallow';
import type { Product } from '../../protocol/engine-api';
import type { EngineStatus } from '../../state/engine-store';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { usePerson } from '../store-context';
import { AboveRiskSection } from './AboveRiskSection';
import { DiversityControl } from './DiversityControl';
import { EmbeddingMap } from './EmbeddingMap';
import { ForYouStatus } from './ForYouStatus';
import { RecommendationList } from './RecommendationList';

/** The recommendations of a person with a profile, or the state that explains their absence. */
export function ForYouContent({
  engineStatus,
  productOf,
  nameOf,
}: {
  engineStatus: EngineStatus;
  productOf: (productId: string) => Product | undefined;
  nameOf: (productId: string) => string;
}) {
  const { recommendations, status, error, eventError, revision, refreshing, refresh } = usePerson(
    useShallow((state) => ({
      recommendations: state.recommendations,
      eventError: state.eventError,
      status: state.recommendationsStatus,
      error: state.recommendationsError,
      revision: state.revision,
      refreshing: state.refreshing,
      refresh: state.refresh,
    })),
  );

  if (!recommendations) {
    if (engineStatus === 'error') {
      return (
        <ForYouStatus>
          <p>Suggestions are worked out by the model on this device, which could not be loaded: see the message at the top.</p>
        </ForYouStatus>
      );
    }
    if (status === 'error' && error) {
      return (
        <EngineErrorNotice
          title="Your suggestions could not be worked out."
          error={error}
          testId="recommendations-error"
          onRetry={() => {
            void refresh();
          }}
        />
      );
    }
    return (
      <ForYouStatus showProgress={engineStatus !== 'ready'}>
        <p>
          {engineStatus === 'ready'
            ? 'Working out your suggestions…'
            : 'Your suggestions appear here as soon as the model has loaded on this device. Meanwhile you can browse the products.'}
        </p>
      </ForYouStatus>
    );
  }

  const { items, personRisk, map } = recommendations;
  return (
    <>
      {status === 'error' && error && (
        <EngineErrorNotice
          title="Your suggestions could not be updated; the list below is the previous one."
          error={error}
          testId="recommendations-error"
          onRetry={() => {
            void refresh();
          }}
        />
      )}
      {eventError && <EngineErrorNotice title="That action was not recorded." error={eventError} testId="event-error" />}
      <DiversityControl />
      {items.length === 0 && (
        <ForYouStatus>
          <p>
            There is nothing left to suggest within your risk level: you have marked the suitable products as not
            interested. Browse the catalog, or change your answers.
          </p>
        </ForYouStatus>
      )}
      {/* Rendered even when empty: its data-revision tells tests (and tools) that a new result arrived. */}
      <RecommendationList
        items={items}
        revision={revision}
        personRisk={personRisk}
        refreshing={refreshing}
        productOf={productOf}
        nameOf={nameOf}
      />
      <AboveRiskSection personRisk={personRisk} productOf={productOf} nameOf={nameOf} />
      <EmbeddingMap map={map} recommendedIds={items.map((item) => item.productId)} nameOf={nameOf} />
    </>
  );
}
