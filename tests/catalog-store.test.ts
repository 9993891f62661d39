import { describe, expect, it } from 'vitest';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { createAppStores } from '../src/state/app-stores';
import { findProduct } from '../src/state/catalog-store';
import { MAX_SEARCH_QUERY_LENGTH, type UnavailableModel } from '../src/protocol/engine-api';
import { FakeEngine, settle, TEST_CATALOG } from './helpers/fake-engine-api';

const ENCODER_TAMPERED: UnavailableModel = {
  model: 'encoder',
  error: { code: 'INTEGRITY_FAILED', message: 'The language model failed its integrity check: encoder/weights.bin does not match.' },
};

function setUp() {
  const engine = new FakeEngine();
  const stores = createAppStores(engine, 'auto', () => undefined);
  return { engine, stores, catalog: stores.catalog };
}

describe('catalog store', () => {
  it('loads the catalog while the model is still loading', async () => {
    const { stores, catalog } = setUp();
    void stores.engine.getState().start('auto');
    await catalog.getState().loadCatalog();
    expect(stores.engine.getState().status).toBe('loading');
    expect(catalog.getState()).toMatchObject({ status: 'ready', catalog: TEST_CATALOG });
    expect(findProduct(catalog.getState().catalog, 'bond-1')?.category).toBe('bonds');
    expect(findProduct(catalog.getState().catalog, 'nope')).toBeUndefined();
  });

  it('shows a catalog failure with its message', async () => {
    const { engine, catalog } = setUp();
    engine.failNext = { method: 'catalog', error: new EngineCallError({ code: 'MODEL_LOAD_FAILED', message: 'products.json answered 404.' }) };
    await catalog.getState().loadCatalog();
    expect(catalog.getState()).toMatchObject({ status: 'error', error: { code: 'MODEL_LOAD_FAILED', message: 'products.json answered 404.' } });
  });

  it('merges filter changes and resets them', () => {
    const { catalog } = setUp();
    catalog.getState().setFilters({ maxRisk: 2 });
    catalog.getState().setFilters({ term: 'over-5y' });
    expect(catalog.getState().filters).toMatchObject({ maxRisk: 2, term: 'over-5y', category: 'all' });
    catalog.getState().resetFilters();
    expect(catalog.getState().filters.maxRisk).toBeNull();
  });

  it('answers an empty, a too long query and a query before the model is ready without calling the engine', async () => {
    const { engine, stores, catalog } = setUp();
    await catalog.getState().searchProducts('   ');
    expect(catalog.getState().search).toMatchObject({ status: 'refused', refusal: { key: 'browse.search.refusal.emptyQuery' }, error: null });
    await catalog.getState().searchProducts('a'.repeat(MAX_SEARCH_QUERY_LENGTH + 1));
    expect(catalog.getState().search).toMatchObject({
      status: 'refused',
      refusal: { key: 'browse.search.refusal.tooLong', values: { max: MAX_SEARCH_QUERY_LENGTH } },
    });
    void stores.engine.getState().start('auto');
    await catalog.getState().searchProducts('a safe place for savings');
    expect(catalog.getState().search).toMatchObject({ status: 'refused', refusal: { key: 'browse.search.refusal.modelLoading' } });
    expect(engine.searchCalls).toEqual([]);
  });

  it('searches on the device once ready, and shows engine errors', async () => {
    const { engine, stores, catalog } = setUp();
    void stores.engine.getState().start('auto');
    engine.initGate.resolve();
    await settle();
    await catalog.getState().searchProducts('  savings  ');
    expect(engine.searchCalls).toEqual(['savings']);
    expect(catalog.getState().search).toMatchObject({ status: 'done', query: 'savings', result: engine.searchResult });

    engine.failNext = { method: 'search', error: new EngineCallError({ code: 'INVALID_INPUT', message: 'Query too long.' }) };
    await catalog.getState().searchProducts('x');
    expect(catalog.getState().search).toMatchObject({ status: 'error', result: null, refusal: null, error: { message: 'Query too long.' } });
  });

  it('shows why search is unavailable when the engine loaded without its encoder', async () => {
    const { engine, stores, catalog } = setUp();
    engine.unavailable = [ENCODER_TAMPERED];
    void stores.engine.getState().start('auto');
    engine.initGate.resolve();
    await settle();
    await catalog.getState().searchProducts('savings');
    expect(catalog.getState().search).toMatchObject({
      status: 'error',
      error: { code: 'MODEL_UNAVAILABLE', message: `Search is unavailable. ${ENCODER_TAMPERED.error.message}` },
    });
    expect(stores.engine.getState().status).toBe('ready');
  });

  it('drops the result of a search overtaken by a newer one', async () => {
    const { engine, stores, catalog } = setUp();
    void stores.engine.getState().start('auto');
    engine.initGate.resolve();
    await settle();
    const first = catalog.getState().searchProducts('first');
    const second = catalog.getState().searchProducts('second');
    await Promise.all([first, second]);
    expect(catalog.getState().search.query).toBe('second');
  });
});

describe('engine store', () => {
  it('keeps the catalog encoding progress and the restored person', async () => {
    const { engine, stores } = setUp();
    void stores.engine.getState().start('auto');
    await settle();
    expect(stores.engine.getState().catalogEncoding).toEqual({ encoded: 1, total: 3 });
    engine.initGate.resolve();
    await settle();
    expect(stores.engine.getState()).toMatchObject({ status: 'ready', session: 1, restoredPerson: engine.person, catalogEncoding: { encoded: 1, total: 3 } });
  });

  it('is ready with the models left out, and forgets them when it loads again', async () => {
    const { engine, stores } = setUp();
    engine.unavailable = [ENCODER_TAMPERED];
    void stores.engine.getState().start('auto');
    engine.initGate.resolve();
    await settle();
    expect(stores.engine.getState()).toMatchObject({ status: 'ready', unavailable: [ENCODER_TAMPERED] });
    engine.unavailable = [];
    void stores.engine.getState().start('wasm');
    expect(stores.engine.getState()).toMatchObject({ status: 'loading', unavailable: [] });
    await settle();
    expect(stores.engine.getState()).toMatchObject({ status: 'ready', unavailable: [] });
  });
});
