import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { ProductLink } from '../common/ProductLink';
import { RiskBadge } from '../common/RiskBadge';
import { findProduct, type SearchState } from '../../state/catalog-store';
import { useFormat } from '../format';
import { useCatalog } from '../store-context';

function messageFor(search: SearchState, t: TFunction): ReactNode {
  if (search.status === 'searching') return t('browse.search.searching');
  if (search.status !== 'done' || !search.result) return '';
  const count = search.result.hits.length;
  if (count === 0) return t('browse.search.noResults');
  if (search.result.weak) return t('browse.search.weak');
  // The person's own words, marked English: the model reads English (and it is not the UI's text).
  return <Trans i18nKey="browse.search.matches" count={count} values={{ query: search.query }} components={{ query: <span lang="en" /> }} />;
}

/** The outcome of the latest search: a message, the hits (closest first), or what went wrong. */
export function SearchResults() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useCatalog((state) => state.search);
  const catalog = useCatalog((state) => state.catalog);
  const message = messageFor(search, t);
  const hits = search.result?.hits ?? [];

  return (
    <div className="search-results">
      {/* Always there, so that screen readers notice its text change ("Searching…", then the outcome). */}
      <p className="search-message" role="status" data-testid="search-message">
        {message}
      </p>
      {search.status === 'refused' && search.refusal && (
        <div className="error-notice" role="alert" data-testid="search-error">
          <p className="error-title">{t('browse.search.notRun')}</p>
          <p>
            {/* Example searches in the refusal are English, as the model reads English. */}
            <Trans i18nKey={search.refusal.key} values={search.refusal.values} components={{ example: <span lang="en" /> }} />
          </p>
        </div>
      )}
      {search.status === 'error' && search.error && (
        <EngineErrorNotice title={t('browse.search.notRun')} error={search.error} testId="search-error" />
      )}
      {hits.length > 0 && (
        <ol className="search-hits" aria-label={t('browse.search.resultsLabel')} aria-busy={search.status === 'searching'}>
          {hits.map((hit) => {
            const product = findProduct(catalog, hit.productId);
            return (
              <li key={hit.productId} className="search-hit" data-testid="search-hit" data-product-id={hit.productId}>
                <span className="product-row-name" lang="en">
                  <ProductLink productId={hit.productId}>{product?.name ?? hit.productId}</ProductLink>
                </span>
                {product && <RiskBadge level={product.risk_level} />}
                <span className="product-row-facts">
                  {product ? t(`labels.category.${product.category}`) : ''} ·{' '}
                  {t('browse.search.closeness', { value: format.number(Math.round(hit.similarity * 100) / 100) })}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
