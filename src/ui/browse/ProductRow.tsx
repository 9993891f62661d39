import { useTranslation } from 'react-i18next';
import type { Product } from '../../protocol/engine-api';
import { ProductLink } from '../common/ProductLink';
import { RiskBadge } from '../common/RiskBadge';
import { useFormat } from '../format';
import { summaryText } from '../product/product-facts';

/** One product in a Browse list: its name (a link to its page), risk and key facts. */
export function ProductRow({ product }: { product: Product }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="product-row" data-testid="product-row" data-product-id={product.id}>
      <span className="product-row-name" lang="en">
        <ProductLink productId={product.id}>{product.name}</ProductLink>
      </span>
      <RiskBadge level={product.risk_level} />
      <span className="product-row-facts">{summaryText(product, t, format)}</span>
    </li>
  );
}
