import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
function statusOf(
  { hasProfile, restored, engineStatus, status, counts }: StatusFacts,
  t: TFunction,
): { message: ReactNode; showProgress: boolean } {
  if (!hasProfile && !restored) {
    return {
      message: <Trans i18nKey="forYou.status.lookingForAnswers" components={{ start: <StartHereLink /> }} />,
      showProgress: true,
    };
  }
  if (!hasProfile) {
    return {
      message: <Trans i18nKey="forYou.status.needsProfile" components={{ start: <StartHereLink /> }} />,
      showProgress: false,
    };
  }
  if (!counts) {
    if (engineStatus === 'error') {
      return { message: t('forYou.status.modelFailed'), showProgress: false };
    }
    // The error notice below says it all.
    if (status === 'error') return { message: null, showProgress: false };
    return engineStatus === 'ready'
      ? { message: t('forYou.status.workingOut'), showProgress: false }
      : { message: t('forYou.status.waitingForModel'), showProgress: true };
  }
  if (counts.result === 0) {
    return { message: t('forYou.status.nothingLeft'), showProgress: false };
  }
  // The page has hidden what the person just did or what their new answers rule out; the next result refills the list.
  if (counts.shown === 0) return { message: t('forYou.status.findingNew'), showProgress: false };
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
  const { t } = useTranslation();
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
  const { message, showProgress } = statusOf(
    {
      hasProfile: profile !== null,
      restored,
      engineStatus,
      status,
      counts: view ? { result: view.result.items.length, shown: view.shown.items.length } : null,
    },
    t,
  );
  const retry = () => {
    void refresh();
  };

  return (
    <>
      <ForYouStatus message={message} showProgress={showProgress} />
      {/* Without a list, a model that failed to load is explained above; a failed call is shown here. */}
      {profile && status === 'error' && error?.code === 'MODEL_UNAVAILABLE' && (
        // No retry here: the same call would fail again; the header's notice reloads the models.
        <EngineErrorNotice title={t('forYou.errors.unavailable')} error={error} testId="recommendations-unavailable" />
      )}
      {profile && status === 'error' && error && error.code !== 'MODEL_UNAVAILABLE' && (view || engineStatus !== 'error') && (
        <EngineErrorNotice
          title={view ? t('forYou.errors.notUpdated') : t('forYou.errors.notWorkedOut')}
          error={error}
          testId="recommendations-error"
          onRetry={retry}
        />
      )}
      {view && (
        <>
          {eventError && <EngineErrorNotice title={t('forYou.errors.eventNotRecorded')} error={eventError} testId="event-error" />}
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
