import { CATEGORY_LABELS } from '../labels';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { ProductLink } from '../common/ProductLink';
import { RiskBadge } from '../common/RiskBadge';
import { findProduct, type SearchState } from '../../state/catalog-store';
import { useCatalog } from '../store-context';

function messageFor(search: SearchState): string {
  if (search.status === 'searching') return 'Searching on this device…';
  if (search.status !== 'done' || !search.result) return '';
  const count = search.result.hits.length;
  if (count === 0) return 'No products found. Try other words.';
  if (search.result.weak) return 'Nothing matches closely; the nearest products are:';
  return `${count} ${count === 1 ? 'product matches' : 'products match'} "${search.query}", closest first:`;
}

/** The outcome of the latest search: a message, the hits (closest first), or what went wrong. */
export function SearchResults() {
  const search = useCatalog((state) => state.search);
  const catalog = useCatalog((state) => state.catalog);
  const message = messageFor(search);
  const hits = search.result?.hits ?? [];

  return (
    <div className="search-results">
      {/* Always there, so that screen readers notice its text change ("Searching…", then the outcome). */}
      <p className="search-message" role="status" data-testid="search-message">
        {message}
      </p>
      {search.status === 'error' && search.error && (
        <EngineErrorNotice title="The search did not run." error={search.error} testId="search-error" />
      )}
      {hits.length > 0 && (
        <ol className="search-hits" aria-label="Search results" aria-busy={search.status === 'searching'}>
          {hits.map((hit) => {
            const product = findProduct(catalog, hit.productId);
            return (
              <li key={hit.productId} className="search-hit" data-testid="search-hit" data-product-id={hit.productId}>
                <span className="product-row-name">
                  <ProductLink productId={hit.productId}>{product?.name ?? hit.productId}</ProductLink>
                </span>
                {product && <RiskBadge level={product.risk_level} />}
                <span className="product-row-facts">
                  {product ? CATEGORY_LABELS[product.category] : ''} · closeness {hit.similarity.toFixed(2)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
