/**
 * The page's side of the person's storage: what only a window can do (ask for persistent storage)
 * and the stores a worker cannot reach (local and session storage), plus Cache Storage.
 */
import { LOCALE_STORAGE_KEY } from '../i18n/locales';

/** Whether the browser keeps this site's data when the disk runs low, as far as it says. */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

/** Whether this site's storage is persistent now. */
export async function persistenceState(): Promise<PersistenceState> {
  if (typeof navigator === 'undefined' || !('storage' in navigator) || typeof navigator.storage.persisted !== 'function') return 'unsupported';
  return (await navigator.storage.persisted()) ? 'persisted' : 'best-effort';
}

/**
 * Asks the browser to keep this site's data when the disk runs low (it may decide by itself, or
 * ask the person); resolves with the state afterwards. `persist()` exists on windows only.
 */
export async function requestPersistentStorage(): Promise<PersistenceState> {
  if (typeof navigator === 'undefined' || !('storage' in navigator) || typeof navigator.storage.persist !== 'function') return 'unsupported';
  return (await navigator.storage.persist()) ? 'persisted' : 'best-effort';
}

/** Removes every local-storage entry but the kept one (the UI language: a preference, not personal data). */
function clearLocalStorageBut(kept: string): void {
  const keptValue = localStorage.getItem(kept);
  localStorage.clear();
  if (keptValue !== null) localStorage.setItem(kept, keptValue);
}

/** The service worker's precache (Workbox): the build's own files, the same for every person. */
const APP_FILES_CACHE_PREFIX = 'workbox-precache';

/**
 * Clears what the page itself can hold: local storage (but the chosen language), session storage and every Cache Storage cache
 * but the service worker's copy of the app's own files, kept by its name so that the app still
 * works offline (the same files for everyone; the e2e erase test checks it holds no canary). The
 * app keeps no personal data in any of these.
 */
export async function clearPageStorage(): Promise<void> {
  // Each may be missing (Node, or storage disabled by the browser): nothing there to clear.
  if (typeof localStorage !== 'undefined') clearLocalStorageBut(LOCALE_STORAGE_KEY);
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !name.startsWith(APP_FILES_CACHE_PREFIX)).map((name) => caches.delete(name)));
}
