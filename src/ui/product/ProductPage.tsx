import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { findProduct } from '../../state/catalog-store';
import { CatalogNotice } from '../common/CatalogNotice';
import { CatalogLoadError } from '../common/CatalogLoadError';
import { PageHeading } from '../common/PageHeading';
import { RiskBadge } from '../common/RiskBadge';
import { useCatalog } from '../store-context';
import { ProductActions } from './ProductActions';
import { ProductAttributes } from './ProductAttributes';
import { useRecordView } from './use-record-view';

/** One product: every attribute, its risk, the notice, and what the person can do with it. */
export function ProductPage({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { status, catalog, error } = useCatalog(
    useShallow((state) => ({ status: state.status, catalog: state.catalog, error: state.error })),
  );
  const product = findProduct(catalog, productId);
  useRecordView(product ? product.id : null);

  if (!product) {
    if (status === 'loading') return <p role="status">{t('product.page.loading')}</p>;
    if (status === 'error' && error) return <CatalogLoadError error={error} />;
    return (
      <div className="page">
        <PageHeading>{t('product.page.notFound')}</PageHeading>
        <p>
          <Trans i18nKey="product.page.notFoundText" values={{ id: productId }} components={{ id: <span lang="en" /> }} />
        </p>
        <p>
          <Link href="/browse">{t('product.page.seeAll')}</Link>
        </p>
      </div>
    );
  }

  return (
    <article className="page product-page" data-testid="product-page" data-product-id={product.id}>
      <p className="breadcrumb">
        <Link href="/browse">{t('product.page.allProducts')}</Link> › {t(`labels.category.${product.category}`)}
      </p>
      <PageHeading>
        <span lang="en">{product.name}</span>
      </PageHeading>
      <p>
        <RiskBadge level={product.risk_level} testId="risk-badge" />
      </p>
      <p className="product-description" lang="en">{product.description}</p>
      <p className="hint">{t('common.productTextNote')}</p>
      <ProductAttributes product={product} />
      <ProductActions productId={product.id} productName={product.name} />
      <CatalogNotice />
    </article>
  );
}
