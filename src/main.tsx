import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerEngine } from './protocol/worker-proxy';
import { createEngineStore } from './state/engine-store';
import { App } from './ui/App';
import { backendPreferenceFromUrl } from './ui/backend-preference';
import { EngineStoreProvider } from './ui/engine-store-context';
import './ui/styles.css';

// Composition root: the engine runs in a module worker that Vite bundles separately, so the page
// bundle never contains tfjs or the model code.
const worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
const preference = backendPreferenceFromUrl(new URL(window.location.href));
const store = createEngineStore(createWorkerEngine(worker), preference);

// Start loading before the first render so the download begins as early as possible.
void store.getState().start(preference);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root"> for the app to mount.');

createRoot(container).render(
  <StrictMode>
    <EngineStoreProvider store={store}>
      <App />
    </EngineStoreProvider>
  </StrictMode>,
);
