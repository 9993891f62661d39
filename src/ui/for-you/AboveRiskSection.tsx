import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Product, Recommendation, RiskLevel } from '../../protocol/engine-api';
import { usePerson } from '../store-context';
import { RecommendationCard } from './RecommendationCard';

/**
 * Products above the person's risk level: hidden until asked for, then shown apart from For you
 * under a warning. For you itself never contains them (the engine keeps them out of `items`).
 */
export function AboveRiskSection({
  items,
  personRisk,
  productOf,
  nameOf,
}: {
  /** The above-risk products to show (see shownRecommendations). */
  items: readonly Recommendation[];
  personRisk: RiskLevel;
  productOf: (productId: string) => Product | undefined;
  nameOf: (productId: string) => string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { show, included, setShowAboveRisk } = usePerson(
    useShallow((state) => ({
      show: state.showAboveRisk,
      included: state.aboveRiskIncluded,
      setShowAboveRisk: state.setShowAboveRisk,
    })),
  );

  return (
    <section className="above-risk" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {t('forYou.aboveRisk.heading')}
      </h2>
      <button
        type="button"
        className="button-secondary"
        data-testid="show-above-risk"
        aria-expanded={show}
        aria-controls={`${id}-panel`}
        onClick={() => {
          setShowAboveRisk(!show);
        }}
      >
        {show ? t('forYou.aboveRisk.hide') : t('forYou.aboveRisk.show')}
      </button>
      <div id={`${id}-panel`}>
        {/* Always there, so that screen readers notice its text change. */}
        <p className="updating" role="status">
          {show && !included ? t('forYou.aboveRisk.finding') : ''}
        </p>
        {show && included && (
          <div className="above-risk-list" data-testid="above-risk-list">
            <p className="warning" role="note">
              <Trans i18nKey="forYou.aboveRisk.warning" values={{ risk: personRisk }} components={{ strong: <strong /> }} />
            </p>
            {items.length === 0 ? (
              <p>{t('forYou.aboveRisk.none')}</p>
            ) : (
              <ol className="card-list" aria-label={t('forYou.aboveRisk.listLabel', { risk: personRisk })}>
                {items.map((item) => (
                  <RecommendationCard
                    key={item.productId}
                    recommendation={item}
                    product={productOf(item.productId)}
                    nameOf={nameOf}
                    testId="above-risk-card"
                    onRemove={() => document.getElementById(`${id}-heading`)?.focus()}
                  />
                ))}
              </ol>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
