import { useShallow } from 'zustand/react/shallow';
import { categoriesOf, filterAndSort } from '../../state/catalog-filter';
import { CatalogNotice } from '../common/CatalogNotice';
import { CatalogLoadError } from '../common/CatalogLoadError';
import { PageHeading } from '../common/PageHeading';
import { useCatalog } from '../store-context';
import { CatalogFilters } from './CatalogFilters';
import { ProductList } from './ProductList';
import { SearchPanel } from './SearchPanel';

/** The catalog by category with filters and sorting, and the on-device search. Needs no model. */
export function BrowsePage() {
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
      <PageHeading>Browse products</PageHeading>
      <CatalogNotice />
      <SearchPanel />
      {status === 'loading' && <p role="status">Loading the catalog…</p>}
      {status === 'error' && error && <CatalogLoadError error={error} />}
      {catalog && (
        <div className="browse-layout">
          <CatalogFilters categories={categories} />
          <div className="browse-results">
            <p className="results-count" role="status">
              {shown.length === 0
                ? 'No products match these filters.'
                : `Showing ${shown.length} of ${products.length} products.`}
            </p>
            {shown.length === 0 && (
              <button type="button" className="button-secondary" onClick={resetFilters}>
                Show all products
              </button>
            )}
            <ProductList products={shown} categories={categories} />
          </div>
        </div>
      )}
    </div>
  );
}
