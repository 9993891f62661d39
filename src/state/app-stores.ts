import type { AppEngineApi, BackendPreference } from '../protocol/engine-api';
import { createAdvisorStore, type AdvisorStore } from './advisor-store';
import { createAppUpdateStore, type AppUpdateStore } from './app-update-store';
import { createCatalogStore, type CatalogStore } from './catalog-store';
import { createEngineStore, type EngineStore } from './engine-store';
import type { NetworkLedgerStore } from './network-ledger-store';
import { createPersonStore, type PersonStore } from './person-store';
import { createPrivacyStore, type PrivacyStore } from './privacy-store';

/** Every UI store, created together because the catalog and person stores follow the engine's. */
export interface AppStores {
  readonly engine: EngineStore;
  readonly catalog: CatalogStore;
  readonly person: PersonStore;
  readonly privacy: PrivacyStore;
  readonly update: AppUpdateStore;
  readonly advisor: AdvisorStore;
}

/** The stores the page holds: the app's, plus the network ledger of this page and its worker. */
export interface PageStores extends AppStores {
  readonly ledger: NetworkLedgerStore;
}

export function createAppStores(engine: AppEngineApi, preference: BackendPreference, reload: () => void): AppStores {
  const engineStore = createEngineStore(engine, preference);
  const person = createPersonStore(engine, engineStore);
  const catalog = createCatalogStore(engine, engineStore);
  return {
    engine: engineStore,
    catalog,
    person,
    privacy: createPrivacyStore(engine, person, () => catalog.getState().clearSearch()),
    update: createAppUpdateStore(person, reload),
    advisor: createAdvisorStore(engine, person),
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
  askForPersistenceOnceSaved(stores);
}

/**
 * Asks the browser to keep the data for good once this device holds a profile (saved now, or
 * restored): before that there is nothing to keep, and a browser that asks the person should not
 * ask a first-time visitor on arrival.
 */
function askForPersistenceOnceSaved(stores: AppStores): void {
  const unsubscribe = stores.person.subscribe((state) => {
    if (state.profileStatus !== 'saved' && !(state.restored && state.profile !== null)) return;
    unsubscribe();
    void stores.privacy.getState().requestPersistence();
  });
}
