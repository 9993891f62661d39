import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerEngine } from './protocol/worker-proxy';
import { createAppStores, startApp } from './state/app-stores';
import { App } from './ui/App';
import { backendPreferenceFromUrl } from './ui/backend-preference';
import { StoresProvider } from './ui/store-context';
import './ui/styles.css';

// Composition root: the engine runs in a module worker that Vite bundles separately, so the page
// bundle never contains tfjs or the model code.
const worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
const stores = createAppStores(createWorkerEngine(worker), backendPreferenceFromUrl(new URL(window.location.href)));

// Start the catalog and the model before the first render, so the downloads begin as early as possible.
startApp(stores);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root"> for the app to mount.');

createRoot(container).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
