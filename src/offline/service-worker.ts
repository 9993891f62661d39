import { Workbox } from 'workbox-window';

/** What the page hears from its service worker. */
export interface ServiceWorkerEvents {
  /** Every file of this version is cached: the app works offline from now on. */
  readonly onOfflineReady: () => void;
  /**
   * A new version (app or model files) is cached and waiting; `apply` switches to it and reloads
   * the page. Nothing happens until the person agrees.
   */
  readonly onUpdateReady: (apply: () => void) => void;
}

/**
 * Registers the service worker built by vite-plugin-pwa (`sw.js`, Workbox) that precaches every
 * file of the build. A browser without service workers simply keeps working online.
 */
export function registerServiceWorker(url: string, events: ServiceWorkerEvents): void {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox(url);
  workbox.addEventListener('waiting', () => {
    events.onUpdateReady(() => {
      // The new worker takes over once told to; the page then reloads onto the new version.
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  workbox.addEventListener('activated', (event) => {
    if (!event.isUpdate) events.onOfflineReady();
  });
  workbox
    .register()
    .then((registration) => {
      // A returning visit: the version in control already has every file cached.
      if (registration?.active && navigator.serviceWorker.controller) events.onOfflineReady();
    })
    // Refused (a browser setting, a private window): the app keeps working online, just not offline.
    .catch(() => undefined);
}
