import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Product, ProfileInput } from '../../protocol/engine-api';
import type { EngineStatus } from '../../state/engine-store';
import type { RecommendationsStatus } from '../../state/person-store';
import { shownRecommendations } from '../../state/shown-recommendations';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { usePerson } from '../store-context';
import { AboveRiskSection } from './AboveRiskSection';
import { DiversityControl } from './DiversityControl';
import { EmbeddingMap } from './EmbeddingMap';
import { ForYouStatus, StartHereLink } from './ForYouStatus';
import { RecommendationList } from './RecommendationList';

interface StatusFacts {
  readonly hasProfile: boolean;
  readonly restored: boolean;
  readonly engineStatus: EngineStatus;
  readonly status: RecommendationsStatus;
  /** null: no result yet; else how many items the latest result and the page's view of it hold. */
  readonly counts: { readonly result: number; readonly shown: number } | null;
}

/** What the status line says (nothing when the list speaks for itself), and whether loading progress goes with it. */
function statusOf({ hasProfile, restored, engineStatus, status, counts }: StatusFacts): { message: ReactNode; showProgress: boolean } {
  if (!hasProfile && !restored) {
    return {
      message: (
        <>
          Looking for answers you saved on this device before. If this is your first visit,{' '}
          <StartHereLink>answer six questions</StartHereLink>.
        </>
      ),
      showProgress: true,
    };
  }
  if (!hasProfile) {
    return {
      message: (
        <>
          Suggestions need to know a little about you first. <StartHereLink>Answer six questions</StartHereLink> (it
          takes a minute); your answers stay on this device.
        </>
      ),
      showProgress: false,
    };
  }
  if (!counts) {
    if (engineStatus === 'error') {
      return {
        message: 'Suggestions are worked out by the model on this device, which could not be loaded: see the message at the top.',
        showProgress: false,
      };
    }
    // The error notice below says it all.
    if (status === 'error') return { message: null, showProgress: false };
    return engineStatus === 'ready'
      ? { message: 'Working out your suggestions…', showProgress: false }
      : {
          message: 'Your suggestions appear here as soon as the model has loaded on this device. Meanwhile you can browse the products.',
          showProgress: true,
        };
  }
  if (counts.result === 0) {
    return {
      message:
        'There is nothing left to suggest within your risk level: every suitable product is already in your favourites, applied for or marked as not interested. Browse the catalog, or change your answers.',
      showProgress: false,
    };
  }
  // The page has hidden what the person just did or what their new answers rule out; the next result refills the list.
  if (counts.shown === 0) return { message: 'Finding new suggestions for you…', showProgress: false };
  return { message: null, showProgress: false };
}

/**
 * Everything For you shows below the risk result: a status line that says why there is nothing to
 * list (empty otherwise), then the recommendations, the riskier products and the map.
 */
export function ForYouContent({
  profile,
  restored,
  engineStatus,
  productOf,
  nameOf,
}: {
  /** The profile shown on the page (perhaps still being saved). */
  profile: ProfileInput | null;
  restored: boolean;
  engineStatus: EngineStatus;
  productOf: (productId: string) => Product | undefined;
  nameOf: (productId: string) => string;
}) {
  const { person, recommendations, status, error, eventError, revision, refreshing, refresh } = usePerson(
    useShallow((state) => ({
      person: state.person,
      recommendations: state.recommendations,
      eventError: state.eventError,
      status: state.recommendationsStatus,
      error: state.recommendationsError,
      revision: state.revision,
      refreshing: state.refreshing,
      refresh: state.refresh,
    })),
  );
  // The latest result as this page may show it now (see shownRecommendations).
  const view =
    profile && recommendations
      ? {
          profile,
          result: recommendations,
          shown: shownRecommendations(recommendations, person, profile.riskLevel, (id) => productOf(id)?.risk_level),
        }
      : null;
  const { message, showProgress } = statusOf({
    hasProfile: profile !== null,
    restored,
    engineStatus,
    status,
    counts: view ? { result: view.result.items.length, shown: view.shown.items.length } : null,
  });
  const retry = () => {
    void refresh();
  };

  return (
    <>
      <ForYouStatus message={message} showProgress={showProgress} />
      {/* Without a list, a model that failed to load is explained above; a failed call is shown here. */}
      {profile && status === 'error' && error?.code === 'MODEL_UNAVAILABLE' && (
        // No retry here: the same call would fail again; the header's notice reloads the models.
        <EngineErrorNotice title="Suggestions are unavailable." error={error} testId="recommendations-unavailable" />
      )}
      {profile && status === 'error' && error && error.code !== 'MODEL_UNAVAILABLE' && (view || engineStatus !== 'error') && (
        <EngineErrorNotice
          title={
            view
              ? 'Your suggestions could not be updated; the list below is the previous one.'
              : 'Your suggestions could not be worked out.'
          }
          error={error}
          testId="recommendations-error"
          onRetry={retry}
        />
      )}
      {view && (
        <>
          {eventError && <EngineErrorNotice title="That action was not recorded." error={eventError} testId="event-error" />}
          <DiversityControl />
          {/* Rendered even when empty: its data-revision tells tests (and tools) that a new result arrived. */}
          <RecommendationList
            items={view.shown.items}
            revision={revision}
            personRisk={view.profile.riskLevel}
            refreshing={refreshing}
            productOf={productOf}
            nameOf={nameOf}
          />
          <AboveRiskSection
            items={view.shown.aboveRisk}
            personRisk={view.profile.riskLevel}
            productOf={productOf}
            nameOf={nameOf}
          />
          <EmbeddingMap map={view.result.map} recommendedIds={view.shown.items.map((item) => item.productId)} nameOf={nameOf} />
        </>
      )}
    </>
  );
}
