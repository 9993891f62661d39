import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product, Recommendation, RiskLevel } from '../../protocol/engine-api';
import { RecommendationCard } from './RecommendationCard';

/** The For-you list. While a newer result is computed the old one stays, marked as updating. */
export function RecommendationList({
  items,
  revision,
  personRisk,
  refreshing,
  productOf,
  nameOf,
}: {
  items: readonly Recommendation[];
  revision: number;
  personRisk: RiskLevel;
  refreshing: boolean;
  productOf: (productId: string) => Product | undefined;
  nameOf: (productId: string) => string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section className="for-you-section" aria-labelledby={headingId}>
      <div className="section-heading-row">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('forYou.list.heading')}
        </h2>
        <p className="updating" role="status">
          {refreshing ? t('forYou.list.updating') : ''}
        </p>
      </div>
      <ol
        className="card-list"
        data-testid="for-you-list"
        data-revision={revision}
        data-person-risk={personRisk}
        aria-labelledby={headingId}
        aria-busy={refreshing}
      >
        {items.map((item) => (
          <RecommendationCard
            key={item.productId}
            recommendation={item}
            product={productOf(item.productId)}
            nameOf={nameOf}
            testId="rec-card"
            onRemove={() => headingRef.current?.focus()}
          />
        ))}
      </ol>
    </section>
  );
}
