import { useId, useState } from 'react';
import { MAX_SEARCH_QUERY_LENGTH } from '../../protocol/engine-api';
import { useCatalog } from '../store-context';
import { SearchResults } from './SearchResults';

/** Semantic search: the query is encoded by the model on this device and never leaves the page. */
export function SearchPanel() {
  const id = useId();
  const [query, setQuery] = useState('');
  const searchProducts = useCatalog((state) => state.searchProducts);

  return (
    <section className="panel search-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Search in your own words</h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void searchProducts(query);
        }}
      >
        <label htmlFor={`${id}-query`}>Search products</label>
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
            Search
          </button>
        </div>
        <p className="hint" id={`${id}-hint`}>
          Describe what you need, for example &quot;somewhere safe for my emergency savings&quot;. The search runs on this
          device: your words never leave it.
        </p>
      </form>
      <SearchResults />
    </section>
  );
}
