import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { categoriesOf, filterAndSort } from '../../state/catalog-filter';
import { CatalogNotice } from '../common/CatalogNotice';
import { CatalogLoadError } from '../common/CatalogLoadError';
import { PageHeading } from '../common/PageHeading';
import { useFormat } from '../format';
import { useCatalog } from '../store-context';
import { CatalogFilters } from './CatalogFilters';
import { ProductList } from './ProductList';
import { SearchPanel } from './SearchPanel';

/** The catalog by category with filters and sorting, and the on-device search. Needs no model. */
export function BrowsePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { status, catalog, error, filters, sort, resetFilters } = useCatalog(
    useShallow((state) => ({
      status: state.status,
      catalog: state.catalog,
      error: state.error,
      filters: state.filters,
      sort: state.sort,
      resetFilters: state.resetFilters,
    })),
  );
  const products = catalog?.products ?? [];
  const categories = categoriesOf(products);
  const shown = filterAndSort(products, filters, sort);

  return (
    <div className="page">
      <PageHeading>{t('browse.page.heading')}</PageHeading>
      <CatalogNotice />
      <p className="hint">{t('common.productTextNote')}</p>
      <SearchPanel />
      {status === 'loading' && <p role="status">{t('browse.page.loading')}</p>}
      {status === 'error' && error && <CatalogLoadError error={error} />}
      {catalog && (
        <div className="browse-layout">
          <CatalogFilters categories={categories} />
          <div className="browse-results">
            <p className="results-count" role="status">
              {shown.length === 0
                ? t('browse.page.noMatch')
                : t('browse.page.showing', { shown: format.number(shown.length), count: products.length })}
            </p>
            {shown.length === 0 && (
              <button type="button" className="button-secondary" onClick={resetFilters}>
                {t('browse.page.showAll')}
              </button>
            )}
            <ProductList products={shown} categories={categories} />
          </div>
        </div>
      )}
    </div>
  );
}
