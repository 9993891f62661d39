import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { findProduct } from '../../state/catalog-store';
import { CatalogNotice } from '../common/CatalogNotice';
import { CatalogLoadError } from '../common/CatalogLoadError';
import { PageHeading } from '../common/PageHeading';
import { RiskBadge } from '../common/RiskBadge';
import { CATEGORY_LABELS } from '../labels';
import { useCatalog } from '../store-context';
import { ProductActions } from './ProductActions';
import { ProductAttributes } from './ProductAttributes';
import { useRecordView } from './use-record-view';

/** One product: every attribute, its risk, the notice, and what the person can do with it. */
export function ProductPage({ productId }: { productId: string }) {
  const { status, catalog, error } = useCatalog(
    useShallow((state) => ({ status: state.status, catalog: state.catalog, error: state.error })),
  );
  const product = findProduct(catalog, productId);
  useRecordView(product ? product.id : null);

  if (!product) {
    if (status === 'loading') return <p role="status">Loading the product…</p>;
    if (status === 'error' && error) return <CatalogLoadError error={error} />;
    return (
      <div className="page">
        <PageHeading>Product not found</PageHeading>
        <p>
          There is no product with the id &quot;{productId}&quot; in the catalog. The link may be mistyped or out of date:
          find the product in the full list instead.
        </p>
        <p>
          <Link href="/browse">See all products</Link>
        </p>
      </div>
    );
  }

  return (
    <article className="page product-page" data-testid="product-page" data-product-id={product.id}>
      <p className="breadcrumb">
        <Link href="/browse">All products</Link> › {CATEGORY_LABELS[product.category]}
      </p>
      <PageHeading>{product.name}</PageHeading>
      <p>
        <RiskBadge level={product.risk_level} testId="risk-badge" />
      </p>
      <p className="product-description">{product.description}</p>
      <ProductAttributes product={product} />
      <ProductActions productId={product.id} productName={product.name} />
      <CatalogNotice />
    </article>
  );
}
