import type { Product } from '../../protocol/engine-api';
import { ProductLink } from '../common/ProductLink';
import { RiskBadge } from '../common/RiskBadge';
import { summaryText } from '../product/product-facts';

/** One product in a Browse list: its name (a link to its page), risk and key facts. */
export function ProductRow({ product }: { product: Product }) {
  return (
    <li className="product-row" data-testid="product-row" data-product-id={product.id}>
      <span className="product-row-name">
        <ProductLink productId={product.id}>{product.name}</ProductLink>
      </span>
      <RiskBadge level={product.risk_level} />
      <span className="product-row-facts">{summaryText(product)}</span>
    </li>
  );
}
