import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  MAX_SEARCH_QUERY_LENGTH,
  type Catalog,
  type EngineApi,
  type Product,
  type SearchResult,
  type SerializedError,
} from '../protocol/engine-api';
import { toSerializedError } from '../protocol/engine-call-error';
import { NO_FILTERS, type CatalogFilters, type SortKey } from './catalog-filter';
import type { EngineStore } from './engine-store';

/** At most this many search hits are shown. */
export const SEARCH_LIMIT = 10;

export type CatalogStatus = 'loading' | 'ready' | 'error';

export interface SearchState {
  /** idle: nothing asked; searching: the engine is working (an older result may still show). */
  readonly status: 'idle' | 'searching' | 'done' | 'error';
  /** The query of the result or error shown. */
  readonly query: string;
  readonly result: SearchResult | null;
  readonly error: SerializedError | null;
}

export interface CatalogState {
  readonly status: CatalogStatus;
  readonly catalog: Catalog | null;
  readonly error: SerializedError | null;
  readonly filters: CatalogFilters;
  readonly sort: SortKey;
  readonly search: SearchState;

  /** Reads the catalog from the engine (it does not wait for the model). Never rejects. */
  readonly loadCatalog: () => Promise<void>;
  readonly setFilters: (change: Partial<CatalogFilters>) => void;
  readonly resetFilters: () => void;
  readonly setSort: (sort: SortKey) => void;
  /** Semantic search on the device. Never rejects; a newer search supersedes an older one. */
  readonly searchProducts: (query: string) => Promise<void>;
  /** Forgets the search and its result (the person's words), and any search still running. */
  readonly clearSearch: () => void;
}

export type CatalogStore = StoreApi<CatalogState>;

const NO_SEARCH: SearchState = { status: 'idle', query: '', result: null, error: null };

const EMPTY_QUERY: SerializedError = {
  code: 'INVALID_INPUT',
  message: 'Type what you are looking for first, for example "save for a home deposit" or "a card for travelling".',
};

const QUERY_TOO_LONG: SerializedError = {
  code: 'INVALID_INPUT',
  message: `Shorten your search to at most ${MAX_SEARCH_QUERY_LENGTH} characters.`,
};

const MODEL_LOADING: SerializedError = {
  code: 'NOT_READY',
  message: 'Search runs on the model on this device, which is still loading. Try again when the model status in the header says "ready".',
};

/** The product with `id`, if the catalog has one. */
export function findProduct(catalog: Catalog | null, id: string): Product | undefined {
  return catalog?.products.find((product) => product.id === id);
}

/** Browse state: the catalog, its filters and sort, and the semantic search. */
export function createCatalogStore(engine: EngineApi, engineStore: EngineStore): CatalogStore {
  let latestSearch = 0;

  return createStore<CatalogState>()((set, get) => ({
    status: 'loading',
    catalog: null,
    error: null,
    filters: NO_FILTERS,
    sort: 'name',
    search: NO_SEARCH,

    async loadCatalog() {
      set({ status: 'loading', error: null });
      try {
        set({ status: 'ready', catalog: await engine.catalog() });
      } catch (error) {
        engineStore.getState().reportFailure(error);
        set({ status: 'error', error: toSerializedError(error) });
      }
    },

    setFilters(change) {
      set({ filters: { ...get().filters, ...change } });
    },

    resetFilters() {
      set({ filters: NO_FILTERS });
    },

    setSort(sort) {
      set({ sort });
    },

    clearSearch() {
      latestSearch += 1;
      set({ search: NO_SEARCH });
    },

    async searchProducts(rawQuery) {
      const attempt = ++latestSearch;
      const query = rawQuery.trim();
      const refuse = (error: SerializedError) => {
        set({ search: { status: 'error', query, result: null, error } });
      };
      // Checked here so that the message says what to do, and nothing is sent to the engine in vain.
      const refusal = query.length === 0 ? EMPTY_QUERY
        : query.length > MAX_SEARCH_QUERY_LENGTH ? QUERY_TOO_LONG
        : engineStore.getState().status !== 'ready' ? MODEL_LOADING
        : null;
      if (refusal) {
        refuse(refusal);
        return;
      }

      set({ search: { ...get().search, status: 'searching' } });
      try {
        const result = await engine.search(query, SEARCH_LIMIT);
        if (attempt === latestSearch) set({ search: { status: 'done', query, result, error: null } });
      } catch (error) {
        engineStore.getState().reportFailure(error);
        if (attempt === latestSearch) refuse(toSerializedError(error));
      }
    },
  }));
}
