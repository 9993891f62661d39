import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { MAX_SEARCH_QUERY_LENGTH } from '../../protocol/engine-api';
import { useCatalog } from '../store-context';
import { SearchResults } from './SearchResults';

/** Semantic search: the query is encoded by the model on this device and never leaves the page. */
export function SearchPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const searchProducts = useCatalog((state) => state.searchProducts);

  return (
    <section className="panel search-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('browse.search.heading')}</h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void searchProducts(query);
        }}
      >
        <label htmlFor={`${id}-query`}>{t('browse.search.label')}</label>
        <div className="search-row">
          <input
            id={`${id}-query`}
            type="search"
            data-testid="search-input"
            value={query}
            maxLength={MAX_SEARCH_QUERY_LENGTH}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              setQuery(event.target.value);
            }}
          />
          <button type="submit" className="button-primary">
            {t('browse.search.submit')}
          </button>
        </div>
        <p className="hint" id={`${id}-hint`}>
          <Trans i18nKey="browse.search.hint" components={{ example: <span lang="en" /> }} />
        </p>
      </form>
      <SearchResults />
    </section>
  );
}
