import { useTranslation } from 'react-i18next';
import type { Product, ProductCategory } from '../../protocol/engine-api';
import { groupByCategory } from '../../state/catalog-filter';
import { useFormat } from '../format';
import { ProductRow } from './ProductRow';

/** Filtered, sorted products under a heading per category. */
export function ProductList({ products, categories }: { products: readonly Product[]; categories: readonly ProductCategory[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="product-groups">
      {groupByCategory(products, categories).map((group) => (
        <section key={group.category} className="product-group" aria-labelledby={`category-${group.category}`}>
          <h2 id={`category-${group.category}`}>
            {t(`labels.category.${group.category}`)}{' '}
            <span className="count">{t('browse.list.size', { size: format.number(group.products.length) })}</span>
          </h2>
          <ul className="product-list">
            {group.products.map((product) => (
              <ProductRow key={product.id} product={product} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
