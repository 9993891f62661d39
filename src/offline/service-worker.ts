import { Workbox } from 'workbox-window';

/** What the page hears from its service worker. */
export interface ServiceWorkerEvents {
  /** Every file of this version is cached: the app works offline from now on. */
  readonly onOfflineReady: () => void;
  /**
   * A new version (app or model files) is cached and waiting; `apply` asks it to take over. Nothing
   * happens until the person agrees (or until the app is next started with no tab open, when the
   * browser itself switches: that is how service workers work).
   */
  readonly onUpdateReady: (apply: () => void) => void;
  /**
   * A newer version now controls this page (applied here or in another tab): the page must reload
   * onto it, once the person's writes are stored.
   */
  readonly onNewVersionInControl: () => void;
}

/** How often an open app asks the site whether there is a new version (a GET of sw.js). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker built by vite-plugin-pwa (`sw.js`, Workbox) that precaches every
 * file of the build. A browser without service workers, or one that refuses them, simply keeps
 * working online.
 */
export function registerServiceWorker(url: string, events: ServiceWorkerEvents): void {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox(url);
  // A first visit gets its first controller (clientsClaim): nothing to reload. Any change after
  // that is a new version, whichever tab applied it.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) events.onNewVersionInControl();
    controlled = true;
  });
  const offer = () => {
    events.onUpdateReady(() => {
      void navigator.serviceWorker.getRegistration().then((registration) => {
        // Another tab may have applied it already: then this page only needs to reload.
        if (registration?.waiting) workbox.messageSkipWaiting();
        else events.onNewVersionInControl();
      });
    });
  };

  workbox.addEventListener('waiting', offer);
  workbox.addEventListener('activated', (event) => {
    if (!event.isUpdate) events.onOfflineReady();
  });
  workbox
    .register()
    .then((registration) => {
      if (!registration) return;
      // A returning visit: the version in control already has every file cached.
      if (registration.active && navigator.serviceWorker.controller) events.onOfflineReady();
      // A version the browser began installing before Workbox listened is offered once installed.
      const installing = registration.installing;
      if (installing && controlled) {
        installing.addEventListener('statechange', () => {
          if (installing.state === 'installed') offer();
        });
      }
      setInterval(() => void workbox.update().catch(() => undefined), UPDATE_CHECK_MS);
    })
    // Refused (a browser setting, a private window): the app keeps working online, just not offline.
    .catch(() => undefined);
}
