import productsJson from '../../data/catalog/products.json';
import { httpAssetSource } from '../engine/assets/http';
import { parseCatalog } from '../engine/catalog';
import { keepResourceTimings, timelineRequests } from '../protocol/resource-timing';
import { createIndexedDbPersistence } from '../storage/indexeddb-persistence';
import { createInProcessEngine } from './in-process-engine';
import { PERSONAS } from './personas';
import { createRequestDispatcher } from './request-dispatch';
import { wasmPaths } from './wasm-paths';

declare const self: DedicatedWorkerGlobalScope;

// First thing: the network ledger lists every request this worker makes.
keepResourceTimings();

const engine = createInProcessEngine({
  // BASE_URL keeps model URLs right when the app is served under a sub-path.
  assets: httpAssetSource(`${import.meta.env.BASE_URL}models/`),
  wasmPaths,
  // Bundled into the worker (a Vite JSON import) and checked here; tests/catalog.test.ts checks
  // the same file, so a catalog that fails here never passes the tests.
  catalog: parseCatalog(productsJson),
  persistence: createIndexedDbPersistence(),
  personas: PERSONAS,
  requests: () => timelineRequests(performance, 'engine-worker'),
});

const dispatch = createRequestDispatcher(engine, (message, transfer) => {
  self.postMessage(message, { transfer });
});

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  dispatch(event.data);
});
