import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Product, Recommendation } from '../../protocol/engine-api';
import { FavouriteButton } from '../common/FavouriteButton';
import { ProductLink } from '../common/ProductLink';
import { RiskBadge } from '../common/RiskBadge';
import { useFormat } from '../format';
import { summaryText } from '../product/product-facts';
import { usePerson } from '../store-context';
import { ReasonText } from './ReasonText';

/**
 * One recommended product: name (a link), category, risk, the reasons in sentences, and actions.
 * `testId` tells For-you cards from the separate above-risk list's.
 */
export function RecommendationCard({
  recommendation,
  product,
  nameOf,
  testId,
  onRemove,
}: {
  recommendation: Recommendation;
  product: Product | undefined;
  nameOf: (productId: string) => string;
  testId: 'rec-card' | 'above-risk-card';
  /**
   * Called on "Favourite" and "Not interested", which take the card out of the list at once (For you
   * holds neither favourites nor dismissed products), so that the list can move focus off it first.
   */
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const recordEvent = usePerson((state) => state.recordEvent);
  const { productId } = recommendation;
  const name = product?.name ?? productId;

  return (
    <li
      className="rec-card"
      data-testid={testId}
      data-product-id={productId}
      data-risk={product?.risk_level}
      data-goals={product?.goals.join(',')}
    >
      <h3 className="rec-card-name" lang="en">
        <ProductLink productId={productId}>{name}</ProductLink>
      </h3>
      {product && (
        <p className="rec-card-meta">
          {t(`labels.category.${product.category}`)} <RiskBadge level={product.risk_level} />
        </p>
      )}
      {product && <p className="rec-card-facts">{summaryText(product, t, format)}</p>}
      {/* The list's name is an element rather than aria-label, so that the product name in it can be marked English. */}
      <span id={`${id}-reasons`} hidden>
        <Trans i18nKey="forYou.card.reasonsLabel" values={{ name }} components={{ product: <span lang="en" /> }} />
      </span>
      <ul className="reasons" aria-labelledby={`${id}-reasons`}>
        {recommendation.reasons.map((reason, index) => (
          <li
            // Reasons have no id of their own; their order is fixed per result.
            key={index}
            className={`reason reason-${reason.kind}`}
            data-testid="rec-reason"
            data-kind={reason.kind}
            data-product-id={reason.kind === 'interaction' ? reason.productId : undefined}
          >
            <ReasonText reason={reason} nameOf={nameOf} />
          </li>
        ))}
      </ul>
      <div className="action-row">
        <FavouriteButton productId={productId} productName={name} onToggle={onRemove} />
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            void recordEvent({ productId, kind: 'not_interested' });
            onRemove();
          }}
        >
          <Trans
            i18nKey="forYou.card.notInterested"
            values={{ name }}
            components={{ hidden: <span className="visually-hidden" />, product: <span lang="en" /> }}
          />
        </button>
      </div>
    </li>
  );
}
