import { useTranslation } from 'react-i18next';
import type { Product } from '../../protocol/engine-api';
import { useFormat } from '../format';
import { feesText, liquidityText, lockupText, minAmountText, rateText, termText } from './product-facts';

/** Every attribute of a product, as a description list. */
export function ProductAttributes({ product }: { product: Product }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // The currency's name in the page's language ("Euro", "欧元") rather than its code.
  const currency = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'currency' }).of(product.currency);
  const facts: readonly (readonly [string, string])[] = [
    [t('product.attributes.category'), t(`labels.category.${product.category}`)],
    [t('product.attributes.rate'), rateText(product, t, format)],
    [t('product.attributes.term'), termText(product, t, format)],
    [t('product.attributes.lockup'), lockupText(product, t, format)],
    [t('product.attributes.minAmount'), minAmountText(product, format)],
    [t('product.attributes.fees'), feesText(product, t, format)],
    [t('product.attributes.liquidity'), liquidityText(product, t)],
    [t('product.attributes.currency'), currency ?? product.currency],
    [t('product.attributes.goals'), product.goals.map((goal) => t(`labels.goal.${goal}`)).join(t('product.attributes.goalSeparator'))],
  ];
  return (
    <dl className="facts product-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
