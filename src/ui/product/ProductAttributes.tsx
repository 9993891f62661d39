import type { Product } from '../../protocol/engine-api';
import { CATEGORY_LABELS, GOAL_LABELS } from '../labels';
import { feesText, liquidityText, lockupText, minAmountText, rateText, termText } from './product-facts';

/** Every attribute of a product, as a description list. */
export function ProductAttributes({ product }: { product: Product }) {
  const facts: readonly (readonly [string, string])[] = [
    ['Category', CATEGORY_LABELS[product.category]],
    ['Rate', rateText(product)],
    ['Term', termText(product)],
    ['Lock-up', lockupText(product)],
    ['Minimum amount', minAmountText(product)],
    ['Fees', feesText(product)],
    ['Liquidity', liquidityText(product)],
    ['Currency', product.currency],
    ['Goals it serves', product.goals.map((goal) => GOAL_LABELS[goal]).join(', ')],
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
