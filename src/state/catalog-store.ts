import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MessageKey, UiMessage } from '../i18n/message';
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

/**
 * Why a search was not sent to the engine, as a message of browse.search.refusal (a narrow key
 * type, which lets the UI render it with <Trans> to mark the example searches in it as English).
 */
export interface SearchRefusal extends UiMessage {
  readonly key: Extract<MessageKey, `browse.search.refusal.${string}`>;
}

export interface SearchState {
  /**
   * idle: nothing asked; searching: the engine is working (an older result may still show);
   * refused: not sent to the engine, `refusal` says why; error: the engine failed.
   */
  readonly status: 'idle' | 'searching' | 'done' | 'refused' | 'error';
  /** The query of the result, refusal or error shown. */
  readonly query: string;
  readonly result: SearchResult | null;
  readonly refusal: SearchRefusal | null;
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

const NO_SEARCH: SearchState = { status: 'idle', query: '', result: null, refusal: null, error: null };

const EMPTY_QUERY: SearchRefusal = { key: 'browse.search.refusal.emptyQuery' };
const QUERY_TOO_LONG: SearchRefusal = { key: 'browse.search.refusal.tooLong', values: { max: MAX_SEARCH_QUERY_LENGTH } };
const MODEL_LOADING: SearchRefusal = { key: 'browse.search.refusal.modelLoading' };

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
      // Checked here so that the message says what to do, and nothing is sent to the engine in vain.
      const refusal = query.length === 0 ? EMPTY_QUERY
        : query.length > MAX_SEARCH_QUERY_LENGTH ? QUERY_TOO_LONG
        : engineStore.getState().status !== 'ready' ? MODEL_LOADING
        : null;
      if (refusal) {
        set({ search: { status: 'refused', query, result: null, refusal, error: null } });
        return;
      }

      set({ search: { ...get().search, status: 'searching' } });
      try {
        const result = await engine.search(query, SEARCH_LIMIT);
        if (attempt === latestSearch) set({ search: { status: 'done', query, result, refusal: null, error: null } });
      } catch (error) {
        engineStore.getState().reportFailure(error);
        if (attempt === latestSearch) {
          set({ search: { status: 'error', query, result: null, refusal: null, error: toSerializedError(error) } });
        }
      }
    },
  }));
}
