import { useTranslation } from 'react-i18next';
import type { RecommendationReason } from '../../protocol/engine-api';
import { reasonParts } from './reason-text';

/** A recommendation reason as a sentence in the page's language, the product it names marked English. */
export function ReasonText({ reason, nameOf }: { reason: RecommendationReason; nameOf: (productId: string) => string }) {
  const { t } = useTranslation();
  return reasonParts(reason, nameOf, t).map((part) =>
    typeof part === 'string' ? part : (
      <span key="product" lang="en">
        {part.productName}
      </span>
    ),
  );
}
