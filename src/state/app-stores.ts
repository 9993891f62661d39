import type { BackendPreference, EngineApi } from '../protocol/engine-api';
import { createCatalogStore, type CatalogStore } from './catalog-store';
import { createEngineStore, type EngineStore } from './engine-store';
import { createPersonStore, type PersonStore } from './person-store';

/** Every UI store, created together because the catalog and person stores follow the engine's. */
export interface AppStores {
  readonly engine: EngineStore;
  readonly catalog: CatalogStore;
  readonly person: PersonStore;
}

export function createAppStores(engine: EngineApi, preference: BackendPreference): AppStores {
  const engineStore = createEngineStore(engine, preference);
  return {
    engine: engineStore,
    catalog: createCatalogStore(engine, engineStore),
    person: createPersonStore(engine, engineStore),
  };
}

/**
 * Starts the app's engine work: the catalog and the person saved on this device (neither waits for
 * the model, so Browse works and a returning person is recognised at once) and the model load.
 * Nothing here rejects; outcomes land in the stores.
 */
export function startApp(stores: AppStores): void {
  void stores.catalog.getState().loadCatalog();
  void stores.person.getState().loadStoredPerson();
  void stores.engine.getState().start(stores.engine.getState().preference);
}
