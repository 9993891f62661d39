import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './i18n/i18n';
import { startingLocale, storedLocale } from './i18n/locales';
import { registerServiceWorker } from './offline/service-worker';
import { onDataChangedElsewhere } from './privacy/data-change-channel';
import { createWorkerEngine } from './protocol/worker-proxy';
import { createAppStores, startApp, type PageStores } from './state/app-stores';
import { createNetworkLedgerStore } from './state/network-ledger-store';
import { App } from './ui/App';
import { BACKEND_PREFERENCES, backendPreferenceFromUrl } from './ui/backend-preference';
import { StoresProvider } from './ui/store-context';
import './ui/styles.css';

// Composition root: the engine runs in a module worker that Vite bundles separately, so the page
// bundle never contains tfjs or the model code.
const worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
const engine = createWorkerEngine(worker);
const stores: PageStores = {
  ...createAppStores(engine, backendPreferenceFromUrl(new URL(window.location.href)), () => window.location.reload()),
  // Created before anything else is fetched: it makes the page keep a record of every request.
  ledger: createNetworkLedgerStore(engine, { backend: BACKEND_PREFERENCES }),
};

// Start the catalog and the model before the first render, so the downloads begin as early as possible.
startApp(stores);

// Another tab erased, imported or re-protected the data: this tab's copy is stale, so start afresh.
onDataChangedElsewhere(() => window.location.reload());

// The built app caches itself for offline use; the dev server has no service worker.
if (import.meta.env.PROD) {
  const update = stores.update.getState();
  registerServiceWorker(`${import.meta.env.BASE_URL}sw.js`, {
    onOfflineReady: update.markOfflineReady,
    onUpdateReady: update.offerUpdate,
    onNewVersionInControl: () => void update.reloadOntoNewVersion(),
  });
}

// Test only (tools/audit-privacy.ts --planted-leak): Vite folds the flag at build time, so other builds drop this and the module.
if (import.meta.env.VITE_PRIVACY_AUDIT_PLANTED_LEAK === '1') void import('./privacy/planted-leak').then((leak) => leak.plantLeak());

// The language the person chose before, else their browser's; the UI texts are bundled, so this is synchronous.
const locale = startingLocale(storedLocale(), navigator.languages);
document.documentElement.lang = locale;
const i18n = createI18n(locale);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root"> for the app to mount.');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </I18nextProvider>
  </StrictMode>,
);
